package org.metergate.api.radio;

import java.util.Objects;

/**
 * A frame start found in a chip stream that did not give a valid EN 13757-4 frame, with the chip
 * position of the fault counted from the start of the stream.
 *
 * @param mode the sub-mode of the decoder
 * @param direction the direction of the decoder
 * @param kind what went wrong
 * @param position the chip position of the fault
 * @param message what and where, for logs (no payload bytes)
 */
public record FrameError(RadioModeId mode, Direction direction, Kind kind, long position, String message)
        implements ChipDecoderResult {

    public FrameError {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(message, "message");
    }

    /** The faults of the bit level of EN 13757-4. */
    public enum Kind {
        /** Six chips that are not a code word of the 3-out-of-6 table (mode T). */
        INVALID_SYMBOL,
        /** A Manchester chip pair {@code 00} or {@code 11} (modes S, T other-to-meter). */
        MANCHESTER_VIOLATION,
        /** An L-field no frame of the format can have (format A: below 9; format B: below 11, 128 or 129). */
        INVALID_LENGTH,
        /** A block whose CRC (EN 13757-4, polynomial 0x3D65) does not match its data. */
        CRC_ERROR,
        /** The chips ended inside a frame. */
        TRUNCATED,
        /** The synchronisation words of two frame formats matched equally well. */
        AMBIGUOUS_SYNC
    }
}
