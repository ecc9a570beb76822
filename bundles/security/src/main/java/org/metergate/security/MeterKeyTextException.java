package org.metergate.security;

import java.io.IOException;

/**
 * A line of a meter key text (see the package documentation) is malformed. The message names the
 * line number and the rule it breaks; it never repeats the line, which may hold key material.
 */
public class MeterKeyTextException extends IOException {

    private static final long serialVersionUID = 1L;

    private final int line;

    public MeterKeyTextException(int line, String reason) {
        super("meter key text, line " + line + ": " + reason);
        this.line = line;
    }

    /** The 1-based number of the offending line. */
    public int line() {
        return line;
    }
}
