package org.metergate.api.journal;

/** The store-and-forward journal (TR 50572 LNAP/NNAP data storage) could not do what was asked (disk full, I/O error, closed). */
public class JournalException extends Exception {

    private static final long serialVersionUID = 1L;

    public JournalException(String message) {
        super(message);
    }

    public JournalException(String message, Throwable cause) {
        super(message, cause);
    }
}
