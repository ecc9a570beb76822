package org.metergate.radio.common;

import org.metergate.wmbus.link.Crc16;

import java.util.Arrays;
import org.metergate.api.radio.ChipCodingException;
import org.metergate.api.radio.FrameError;
import org.metergate.api.radio.RadioMode.FrameFormat;

/**
 * The block layout of the EN 13757-4 frame formats, which tells a bit-level receiver how many bytes
 * follow an L-field and where the CRCs are.
 *
 * <ul>
 * <li>Format A: block 1 is L, C, M, A (10 bytes) and its CRC; then blocks of 16 bytes (the last one
 * shorter), each with its CRC. The L-field counts the bytes after it without the CRCs.</li>
 * <li>Format B: blocks 1 and 2 (at most 126 bytes: L, C, M, A, CI and up to 115 more) share one CRC;
 * an optional block 3 holds the rest and its own CRC. The L-field counts every byte after it, CRCs
 * included.</li>
 * </ul>
 */
public final class FrameLayout {

    /** Bytes of block 1 (L, C, M, A). */
    public static final int BLOCK1 = 10;
    /** Data bytes of each further format A block. */
    public static final int BLOCK = 16;
    /** Format B: bytes of blocks 1 and 2 before their common CRC. */
    public static final int B_BLOCKS_1_2 = 126;
    /** The longest frame: format A with L-field 255 (256 bytes and 17 CRCs). */
    public static final int MAX_LENGTH = 256 + 2 * 17;

    private FrameLayout() {
    }

    /**
     * The number of bytes, L-field and CRCs included, of a frame of {@code format} with this L-field.
     *
     * @throws ChipCodingException {@link FrameError.Kind#INVALID_LENGTH} at position 0 when no frame of
     *         the format has that L-field
     */
    public static int totalLength(FrameFormat format, int lField) throws ChipCodingException {
        if (lField < 0 || lField > 255) {
            throw new IllegalArgumentException("an L-field is one byte: " + lField);
        }
        if (format == FrameFormat.A) {
            if (lField < BLOCK1 - 1) {
                throw new ChipCodingException(FrameError.Kind.INVALID_LENGTH, 0, "L-field " + lField
                        + " is shorter than block 1 of frame format A (L, C, M, A: L-field at least 9)");
            }
            int blocks = 1 + (lField - (BLOCK1 - 1) + BLOCK - 1) / BLOCK;
            return lField + 1 + 2 * blocks;
        }
        int total = lField + 1;
        if (total < BLOCK1 + 2) {
            throw new ChipCodingException(FrameError.Kind.INVALID_LENGTH, 0, "L-field " + lField
                    + " is too short for frame format B (block 1 and a CRC: L-field at least 11)");
        }
        if (total > B_BLOCKS_1_2 + 2 && total < B_BLOCKS_1_2 + 2 + 3) {
            throw new ChipCodingException(FrameError.Kind.INVALID_LENGTH, 0, "L-field " + lField
                    + " leaves no data byte for block 3 of frame format B (L-field 128 and 129 cannot occur)");
        }
        return total;
    }

    /**
     * The index of the first CRC field of a frame (length as {@link #totalLength}) that does not match
     * its block, or -1 when all match.
     */
    public static int firstBadCrc(FrameFormat format, byte[] frame) {
        int n = frame.length;
        if (format == FrameFormat.A) {
            int at = 0;
            int block = BLOCK1;
            while (at < n) {
                if (Crc16.compute(frame, at, block) != stored(frame, at + block)) {
                    return at + block;
                }
                at += block + 2;
                block = Math.min(BLOCK, n - at - 2);
            }
            return -1;
        }
        if (n <= B_BLOCKS_1_2 + 2) {
            return Crc16.compute(frame, 0, n - 2) == stored(frame, n - 2) ? -1 : n - 2;
        }
        if (Crc16.compute(frame, 0, B_BLOCKS_1_2) != stored(frame, B_BLOCKS_1_2)) {
            return B_BLOCKS_1_2;
        }
        int block3 = B_BLOCKS_1_2 + 2;
        return Crc16.compute(frame, block3, n - 2 - block3) == stored(frame, n - 2) ? -1 : n - 2;
    }

    /**
     * Adds the CRCs of {@code format} to a frame without CRCs whose L-field counts the bytes after it
     * (what wM-Bus sticks hand over and what the corpus holds); for format B the L-field is raised by
     * the CRC bytes, as the format defines it.
     *
     * @throws IllegalArgumentException when the frame's length does not match its L-field or the frame
     *         does not fit the format
     */
    public static byte[] withCrcs(byte[] frame, FrameFormat format) {
        int l = frame.length == 0 ? -1 : frame[0] & 0xFF;
        if (frame.length != l + 1 || l < BLOCK1 - 1) {
            throw new IllegalArgumentException("not a frame without CRCs: L-field " + l + ", " + frame.length + " bytes");
        }
        if (format == FrameFormat.A) {
            int blocks = 1 + (l - (BLOCK1 - 1) + BLOCK - 1) / BLOCK;
            byte[] out = new byte[frame.length + 2 * blocks];
            int src = 0;
            int dst = 0;
            int block = BLOCK1;
            while (src < frame.length) {
                System.arraycopy(frame, src, out, dst, block);
                store(out, dst + block, Crc16.compute(frame, src, block));
                src += block;
                dst += block + 2;
                block = Math.min(BLOCK, frame.length - src);
            }
            return out;
        }
        int total = frame.length + (frame.length > B_BLOCKS_1_2 ? 4 : 2);
        if (total > 256) {
            throw new IllegalArgumentException("too long for frame format B: " + frame.length + " bytes without CRCs");
        }
        byte[] out = new byte[total];
        int first = Math.min(frame.length, B_BLOCKS_1_2);
        System.arraycopy(frame, 0, out, 0, first);
        out[0] = (byte) (total - 1);
        store(out, first, Crc16.compute(out, 0, first));
        if (frame.length > B_BLOCKS_1_2) {
            int rest = frame.length - B_BLOCKS_1_2;
            System.arraycopy(frame, B_BLOCKS_1_2, out, B_BLOCKS_1_2 + 2, rest);
            store(out, total - 2, Crc16.compute(out, B_BLOCKS_1_2 + 2, rest));
        }
        return out;
    }

    /**
     * Checks and removes the CRCs of a frame of {@code format}; the L-field of the result counts the bytes
     * after it without CRCs, as in the other direction of {@link #withCrcs}.
     *
     * @throws IllegalArgumentException when the length does not fit the L-field or a CRC does not match
     */
    public static byte[] withoutCrcs(byte[] frame, FrameFormat format) {
        int total;
        try {
            total = totalLength(format, frame.length == 0 ? 0 : frame[0] & 0xFF);
        } catch (ChipCodingException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        if (frame.length != total) {
            throw new IllegalArgumentException("frame format " + format + " with L-field " + (frame[0] & 0xFF) + " has "
                    + total + " bytes, not " + frame.length);
        }
        int bad = firstBadCrc(format, frame);
        if (bad >= 0) {
            throw new IllegalArgumentException("CRC error in the CRC field at byte " + bad);
        }
        byte[] out = new byte[frame.length];
        int n = 0;
        if (format == FrameFormat.A) {
            int at = 0;
            int block = BLOCK1;
            while (at < frame.length) {
                System.arraycopy(frame, at, out, n, block);
                n += block;
                at += block + 2;
                block = Math.min(BLOCK, frame.length - at - 2);
            }
        } else if (frame.length <= B_BLOCKS_1_2 + 2) {
            System.arraycopy(frame, 0, out, 0, frame.length - 2);
            n = frame.length - 2;
        } else {
            System.arraycopy(frame, 0, out, 0, B_BLOCKS_1_2);
            System.arraycopy(frame, B_BLOCKS_1_2 + 2, out, B_BLOCKS_1_2, frame.length - B_BLOCKS_1_2 - 4);
            n = frame.length - 4;
        }
        out = Arrays.copyOf(out, n);
        out[0] = (byte) (n - 1);
        return out;
    }

    /** The CRC as stored in the frame at {@code at}, high byte first. */
    private static int stored(byte[] data, int at) {
        return ((data[at] & 0xFF) << 8) | (data[at + 1] & 0xFF);
    }

    private static void store(byte[] data, int at, int crc) {
        data[at] = (byte) (crc >>> 8);
        data[at + 1] = (byte) crc;
    }
}
