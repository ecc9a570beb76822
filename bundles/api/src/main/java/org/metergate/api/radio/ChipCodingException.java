package org.metergate.api.radio;

import java.util.Objects;

/**
 * Chips that do not decode to an EN 13757-4 frame: the kind of fault and the chip position where it
 * is, counted from the first chip after the synchronisation word.
 */
public class ChipCodingException extends Exception {

    private static final long serialVersionUID = 1L;

    private final FrameError.Kind kind;
    private final long position;
    private final String reason;

    public ChipCodingException(FrameError.Kind kind, long position, String reason) {
        super(kind + " at chip " + position + ": " + reason);
        this.kind = Objects.requireNonNull(kind, "kind");
        this.position = position;
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public FrameError.Kind kind() {
        return kind;
    }

    /** The chip position of the fault. */
    public long position() {
        return position;
    }

    /** The explanation without kind and position. */
    public String reason() {
        return reason;
    }

    /** The same fault with its position moved by {@code offset} chips (to re-base it in a longer stream). */
    public ChipCodingException movedBy(long offset) {
        return new ChipCodingException(kind, position + offset, reason);
    }
}
