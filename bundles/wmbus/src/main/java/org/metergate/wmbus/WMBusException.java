package org.metergate.wmbus;

import java.util.Objects;

/**
 * A wireless M-Bus frame that cannot be decoded: what is wrong ({@link #kind()}), where
 * ({@link #offset()}) and a sentence that says both. It is the only exception the decoders throw for bad
 * input. Security failures (no key, wrong key, MAC mismatch) are not exceptions: the telegram's link
 * information is still valid, so they are reported in {@link WMBusTelegram#security()}.
 *
 * <p>Offsets count from the L-field of the frame without its link-layer CRCs, except for
 * {@link Kind#LENGTH_MISMATCH} and {@link Kind#CRC_ERROR} at the link layer, whose offsets are in the
 * input as received.
 */
public final class WMBusException extends Exception {

    private static final long serialVersionUID = 1L;

    /** The kinds of decode error. */
    public enum Kind {
        /** The frame ends before a field that must be there. */
        TRUNCATED,
        /** The L-field does not fit the number of bytes received, with or without CRCs. */
        LENGTH_MISMATCH,
        /** A link-layer block CRC, or the ELL payload CRC of an unencrypted payload, is wrong. */
        CRC_ERROR,
        /** A CI-field value that EN 13757-4/-7 does not define. */
        UNKNOWN_CI,
        /** Recognised, but not decoded by this codec (named in the message). */
        UNSUPPORTED,
        /** A field whose value contradicts the standard or another field. */
        MALFORMED,
        /** A compact frame whose format signature no full frame of that meter has shown yet. */
        COMPACT_FRAME_UNKNOWN_FORMAT,
        /** A compact frame whose data does not rebuild the full frame its CRC names. */
        COMPACT_FRAME_CRC_ERROR,
        /** The EN 13757-3 application layer (data records) is malformed. */
        APPLICATION_LAYER
    }

    private final Kind kind;
    private final int offset;

    public WMBusException(Kind kind, int offset, String message) {
        super(message);
        this.kind = Objects.requireNonNull(kind, "kind");
        this.offset = offset;
    }

    public WMBusException(Kind kind, int offset, String message, Throwable cause) {
        super(message, cause);
        this.kind = Objects.requireNonNull(kind, "kind");
        this.offset = offset;
    }

    public Kind kind() {
        return kind;
    }

    /** Byte offset of the problem (see the class comment for what it counts from). */
    public int offset() {
        return offset;
    }

    /** The reason without the offset prefix. */
    public String reason() {
        return super.getMessage();
    }

    @Override
    public String getMessage() {
        return kind + " at byte " + offset + ": " + super.getMessage();
    }
}
