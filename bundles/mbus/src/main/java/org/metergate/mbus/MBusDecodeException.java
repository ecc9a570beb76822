package org.metergate.mbus;

/**
 * Malformed M-Bus input: the only exception the decoders of this module throw. It says where (the
 * absolute index into the byte array the caller passed in) and why.
 */
public final class MBusDecodeException extends Exception {

    private static final long serialVersionUID = 1L;

    private final int offset;
    private final String reason;

    public MBusDecodeException(int offset, String reason) {
        super("at byte " + offset + ": " + reason, null, false, false);
        this.offset = offset;
        this.reason = reason;
    }

    /** Index of the offending byte in the array given to the decoder (for hex text: the character index). */
    public int offset() {
        return offset;
    }

    /** What is wrong, in the words of the standard where it has them. */
    public String reason() {
        return reason;
    }
}
