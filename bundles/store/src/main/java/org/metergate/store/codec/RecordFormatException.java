package org.metergate.store.codec;

/**
 * Stored bytes are not a record of the journal's format: they end too early, carry a value out of
 * range, or name something this version does not know. The message says what and where.
 */
public final class RecordFormatException extends Exception {

    private static final long serialVersionUID = 1L;

    public RecordFormatException(String message) {
        super(message);
    }

    public RecordFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
