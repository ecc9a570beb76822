package org.metergate.wmbus.link;

import org.metergate.api.telegram.TelegramFormat;
import org.metergate.wmbus.WMBusException;
import org.metergate.wmbus.WMBusException.Kind;

/**
 * EN 13757-4 frame formats A and B: checks and removes the link-layer CRCs, adds them when encoding,
 * and tells the formats apart when the receiver did not say which one it delivers.
 *
 * <p>Every method works on a frame that starts with its L-field. The result of {@link #deframe} is the
 * frame without CRCs whose L-field counts the bytes after it (for format B the L-field is corrected,
 * since on the air it counts the CRCs too).
 */
public final class LinkFrames {

    /** Format A: block 1 holds L, C, M, A (10 bytes); the following blocks hold 16 bytes each. */
    static final int BLOCK1 = 10;
    static final int BLOCK = 16;
    /** Format B: blocks 1 and 2 hold at most 126 bytes before the first CRC (L-field up to 127 gives one CRC). */
    static final int B_FIRST_CRC_COVERS = 126;
    /** The smallest L-field of a frame with L, C, M, A and a CI-field. */
    static final int MIN_L = 10;

    private LinkFrames() {
    }

    /** A frame without link-layer CRCs and the format it was received in. */
    public record Deframed(byte[] frame, FrameFormat format) {
    }

    /** Number of bytes of a format A frame with this L-field, CRCs included. */
    public static int formatALength(int lField) {
        int data = lField - (BLOCK1 - 1); // bytes after block 1
        int blocks = 1 + (data + BLOCK - 1) / BLOCK;
        return lField + 1 + 2 * blocks;
    }

    /**
     * Removes and checks the CRCs of {@code length} bytes from {@code offset}, as {@code format} says:
     * {@link TelegramFormat#WMBUS_FORMAT_A}, {@link TelegramFormat#WMBUS_FORMAT_B},
     * {@link TelegramFormat#WMBUS_NO_CRC} or {@link TelegramFormat#WMBUS_DETECT}. The returned array is
     * always a fresh copy (decryption works in place on it).
     *
     * <p>Detection: a frame of exactly L+1 bytes is format B when its CRCs verify, else a frame without
     * CRCs (a frame without CRCs whose last two bytes happen to be a valid format B CRC, one in 65536,
     * is taken for format B: receivers that know their framing should say so); a frame of the format A
     * length is format A and must have valid CRCs.
     */
    public static Deframed deframe(byte[] in, int offset, int length, TelegramFormat format) throws WMBusException {
        if (length < 1) {
            throw new WMBusException(Kind.TRUNCATED, 0, "empty frame");
        }
        int l = in[offset] & 0xFF;
        switch (format) {
            case WMBUS_NO_CRC:
                return new Deframed(noCrc(in, offset, length, l), FrameFormat.NO_CRC);
            case WMBUS_FORMAT_A:
                return new Deframed(formatA(in, offset, length, l), FrameFormat.A);
            case WMBUS_FORMAT_B:
                return new Deframed(formatB(in, offset, length, l), FrameFormat.B);
            case WMBUS_DETECT:
                return detect(in, offset, length, l);
            default:
                throw new IllegalArgumentException("not a wireless M-Bus format: " + format);
        }
    }

    private static Deframed detect(byte[] in, int offset, int length, int l) throws WMBusException {
        if (length == l + 1) {
            if (l >= MIN_L + 2 && formatBCrcsValid(in, offset, l)) {
                return new Deframed(formatB(in, offset, length, l), FrameFormat.B);
            }
            return new Deframed(noCrc(in, offset, length, l), FrameFormat.NO_CRC);
        }
        if (l >= MIN_L && length == formatALength(l)) {
            return new Deframed(formatA(in, offset, length, l), FrameFormat.A);
        }
        throw new WMBusException(Kind.LENGTH_MISMATCH, 0, "L-field " + l + " means " + (l + 1)
                + " bytes without CRCs or in format B, or " + (l >= MIN_L ? formatALength(l) : l + 3)
                + " bytes in format A, but " + length + " bytes were received");
    }

    private static byte[] noCrc(byte[] in, int offset, int length, int l) throws WMBusException {
        if (length != l + 1) {
            throw new WMBusException(Kind.LENGTH_MISMATCH, 0,
                    "L-field " + l + " means " + (l + 1) + " bytes, but " + length + " bytes were received");
        }
        if (l < MIN_L) {
            throw new WMBusException(Kind.TRUNCATED, 0, "L-field " + l + " is too short for L, C, M, A and a CI-field");
        }
        byte[] out = new byte[length];
        System.arraycopy(in, offset, out, 0, length);
        return out;
    }

    private static byte[] formatA(byte[] in, int offset, int length, int l) throws WMBusException {
        if (l < MIN_L) {
            throw new WMBusException(Kind.TRUNCATED, 0, "L-field " + l + " is too short for L, C, M, A and a CI-field");
        }
        int expected = formatALength(l);
        if (length != expected) {
            throw new WMBusException(Kind.LENGTH_MISMATCH, 0, "frame format A with L-field " + l + " has "
                    + expected + " bytes with its CRCs, but " + length + " bytes were received");
        }
        byte[] out = new byte[l + 1];
        int src = offset;
        int dst = 0;
        int block = 1;
        int blockLength = BLOCK1;
        while (dst < out.length) {
            checkCrc(in, src, blockLength, block, FrameFormat.A, offset);
            System.arraycopy(in, src, out, dst, blockLength);
            src += blockLength + 2;
            dst += blockLength;
            block++;
            blockLength = Math.min(BLOCK, out.length - dst);
        }
        return out;
    }

    private static boolean formatBCrcsValid(byte[] in, int offset, int l) {
        int total = l + 1;
        if (total <= B_FIRST_CRC_COVERS + 2) {
            return crcAt(in, offset + total - 2) == Crc16.compute(in, offset, total - 2);
        }
        return crcAt(in, offset + B_FIRST_CRC_COVERS) == Crc16.compute(in, offset, B_FIRST_CRC_COVERS)
                && total - (B_FIRST_CRC_COVERS + 2) >= 3
                && crcAt(in, offset + total - 2) == Crc16.compute(in, offset + B_FIRST_CRC_COVERS + 2,
                        total - (B_FIRST_CRC_COVERS + 2) - 2);
    }

    private static byte[] formatB(byte[] in, int offset, int length, int l) throws WMBusException {
        if (length != l + 1) {
            throw new WMBusException(Kind.LENGTH_MISMATCH, 0, "frame format B with L-field " + l + " has "
                    + (l + 1) + " bytes, but " + length + " bytes were received");
        }
        if (l < MIN_L + 2) {
            throw new WMBusException(Kind.TRUNCATED, 0, "L-field " + l + " is too short for a format B frame");
        }
        int total = l + 1;
        byte[] out;
        if (total <= B_FIRST_CRC_COVERS + 2) {
            checkCrc(in, offset, total - 2, 2, FrameFormat.B, offset);
            out = new byte[total - 2];
            System.arraycopy(in, offset, out, 0, total - 2);
        } else {
            int block3 = total - (B_FIRST_CRC_COVERS + 2) - 2;
            if (block3 < 1) {
                throw new WMBusException(Kind.MALFORMED, B_FIRST_CRC_COVERS + 2,
                        "frame format B block 3 must hold at least one byte besides its CRC");
            }
            checkCrc(in, offset, B_FIRST_CRC_COVERS, 2, FrameFormat.B, offset);
            checkCrc(in, offset + B_FIRST_CRC_COVERS + 2, block3, 3, FrameFormat.B, offset);
            out = new byte[B_FIRST_CRC_COVERS + block3];
            System.arraycopy(in, offset, out, 0, B_FIRST_CRC_COVERS);
            System.arraycopy(in, offset + B_FIRST_CRC_COVERS + 2, out, B_FIRST_CRC_COVERS, block3);
        }
        out[0] = (byte) (out.length - 1); // L-field without CRCs, as in the other formats
        return out;
    }

    private static int crcAt(byte[] in, int at) {
        return ((in[at] & 0xFF) << 8) | (in[at + 1] & 0xFF); // CRCs go high byte first
    }

    private static void checkCrc(byte[] in, int from, int length, int block, FrameFormat format, int base)
            throws WMBusException {
        int expected = Crc16.compute(in, from, length);
        int found = crcAt(in, from + length);
        if (expected != found) {
            throw new WMBusException(Kind.CRC_ERROR, from + length - base, "CRC error in block " + block
                    + " of frame format " + format + " (bytes " + (from - base) + ".." + (from - base + length - 1)
                    + "): computed 0x" + hex4(expected) + ", received 0x" + hex4(found));
        }
    }

    static String hex4(int v) {
        return Integer.toHexString(v | 0x10000).substring(1).toUpperCase(java.util.Locale.ROOT);
    }

    /**
     * Adds the CRCs of {@code format} to a frame without CRCs (whose L-field counts the bytes after it).
     * For format B the L-field is raised by the CRC bytes, as EN 13757-4 defines it.
     */
    public static byte[] enframe(byte[] frame, FrameFormat format) {
        int l = frame[0] & 0xFF;
        if (frame.length != l + 1 || l < MIN_L) {
            throw new IllegalArgumentException("not a frame without CRCs: L-field " + l + ", " + frame.length + " bytes");
        }
        switch (format) {
            case NO_CRC:
                return frame.clone();
            case A: {
                byte[] out = new byte[formatALength(l)];
                int src = 0;
                int dst = 0;
                int blockLength = BLOCK1;
                while (src < frame.length) {
                    System.arraycopy(frame, src, out, dst, blockLength);
                    putCrc(out, dst + blockLength, Crc16.compute(frame, src, blockLength));
                    src += blockLength;
                    dst += blockLength + 2;
                    blockLength = Math.min(BLOCK, frame.length - src);
                }
                return out;
            }
            case B: {
                int total = frame.length + 2;
                if (total > B_FIRST_CRC_COVERS + 2) {
                    total += 2;
                }
                if (total - 1 > 0xFF) {
                    throw new IllegalArgumentException("frame too long for format B: " + frame.length + " bytes");
                }
                byte[] out = new byte[total];
                if (frame.length <= B_FIRST_CRC_COVERS) {
                    System.arraycopy(frame, 0, out, 0, frame.length);
                    out[0] = (byte) (total - 1);
                    putCrc(out, frame.length, Crc16.compute(out, 0, frame.length));
                } else {
                    System.arraycopy(frame, 0, out, 0, B_FIRST_CRC_COVERS);
                    out[0] = (byte) (total - 1);
                    putCrc(out, B_FIRST_CRC_COVERS, Crc16.compute(out, 0, B_FIRST_CRC_COVERS));
                    int rest = frame.length - B_FIRST_CRC_COVERS;
                    System.arraycopy(frame, B_FIRST_CRC_COVERS, out, B_FIRST_CRC_COVERS + 2, rest);
                    putCrc(out, total - 2, Crc16.compute(out, B_FIRST_CRC_COVERS + 2, rest));
                }
                return out;
            }
            default:
                throw new IllegalArgumentException(String.valueOf(format));
        }
    }

    private static void putCrc(byte[] out, int at, int crc) {
        out[at] = (byte) (crc >>> 8);
        out[at + 1] = (byte) crc;
    }
}
