package org.metergate.driver.replay;

/** A replay file line that cannot be read; names the line and what is wrong with it. */
public class ReplayFileException extends Exception {

    private static final long serialVersionUID = 1L;

    private final int line;

    ReplayFileException(String source, int line, String reason) {
        super(source + ":" + line + ": " + reason);
        this.line = line;
    }

    /** The 1-based line number. */
    public int line() {
        return line;
    }
}
