package org.metergate.mbus.link;

import org.metergate.mbus.Hex;
import org.metergate.mbus.MBusDecodeException;

/**
 * Decodes and encodes EN 13757-2 frames: start and stop bytes, the doubled L-field, the checksum
 * (arithmetic sum of C, A, CI and data, modulo 256).
 */
public final class LinkLayer {

    /** Size of the frame around the user data of a long frame: 68 L L 68 ... CS 16. */
    private static final int LONG_OVERHEAD = 6;

    private LinkLayer() {
    }

    /** Decodes one frame that fills the whole array. */
    public static LinkFrame decode(byte[] frame) throws MBusDecodeException {
        return decode(frame, 0, frame.length);
    }

    /**
     * Decodes the one frame in {@code buf[offset, offset + length)}. Offsets in errors are absolute
     * indices into {@code buf}.
     */
    public static LinkFrame decode(byte[] buf, int offset, int length) throws MBusDecodeException {
        checkRange(buf, offset, length);
        if (length == 0) {
            throw new MBusDecodeException(offset, "empty frame");
        }
        int end = offset + length;
        int expected = frameLength(buf, offset, length);
        if (expected < 0 || expected > length) {
            throw new MBusDecodeException(end, "premature end of frame: " + length + " bytes, the frame needs "
                    + (expected < 0 ? "more" : String.valueOf(expected)));
        }
        if (expected < length) {
            throw new MBusDecodeException(offset + expected, (length - expected) + " bytes after the end of the frame");
        }
        int start = buf[offset] & 0xFF;
        switch (start) {
            case SingleCharacter.E5:
                return SingleCharacter.ACK;
            case ShortFrame.START: {
                int c = buf[offset + 1] & 0xFF;
                int a = buf[offset + 2] & 0xFF;
                checksum(buf, offset + 1, offset + 3, offset + 3);
                stop(buf, offset + 4);
                return new ShortFrame(new ControlField(c), a);
            }
            default: { // 0x68, checked by frameLength
                int l = buf[offset + 1] & 0xFF;
                int c = buf[offset + 4] & 0xFF;
                int a = buf[offset + 5] & 0xFF;
                int ci = buf[offset + 6] & 0xFF;
                int csAt = offset + 4 + l;
                checksum(buf, offset + 4, csAt, csAt);
                stop(buf, csAt + 1);
                if (l == 3) {
                    return new ControlFrame(new ControlField(c), a, ci);
                }
                return new LongFrame(new ControlField(c), a, ci, java.util.Arrays.copyOfRange(buf, offset + 7, csAt));
            }
        }
    }

    /**
     * Checks that {@code buf[offset, offset + length)} is exactly one long or control frame (start
     * bytes, L-fields, checksum, stop byte) without building it, and returns its L-field: the user
     * data (CI first) is then {@code buf[offset + 6, offset + 4 + L)}.
     */
    public static int verifyLongFrame(byte[] buf, int offset, int length) throws MBusDecodeException {
        checkRange(buf, offset, length);
        if (length == 0) {
            throw new MBusDecodeException(offset, "empty frame");
        }
        if ((buf[offset] & 0xFF) != LongFrame.START) {
            throw new MBusDecodeException(offset, "not a long frame: starts with " + Hex.byteHex(buf[offset] & 0xFF)
                    + ", not 68");
        }
        int expected = frameLength(buf, offset, length);
        if (expected < 0 || expected > length) {
            throw new MBusDecodeException(offset + length, "premature end of frame: " + length + " bytes, the frame needs "
                    + (expected < 0 ? "more" : String.valueOf(expected)));
        }
        if (expected < length) {
            throw new MBusDecodeException(offset + expected, (length - expected) + " bytes after the end of the frame");
        }
        int l = buf[offset + 1] & 0xFF;
        int csAt = offset + 4 + l;
        checksum(buf, offset + 4, csAt, csAt);
        stop(buf, csAt + 1);
        return l;
    }

    /**
     * The length of the frame starting at {@code buf[offset]}, for a receiver that reads a byte stream:
     * -1 while fewer bytes than needed to tell are {@code available}.
     *
     * @throws MBusDecodeException when the first byte is no start byte, or the two L-fields or the
     *         second start byte of a long frame are wrong
     */
    public static int frameLength(byte[] buf, int offset, int available) throws MBusDecodeException {
        checkRange(buf, offset, available);
        if (available < 1) {
            return -1;
        }
        int start = buf[offset] & 0xFF;
        switch (start) {
            case SingleCharacter.E5:
                return 1;
            case ShortFrame.START:
                return 5;
            case LongFrame.START: {
                if (available < 4) {
                    return -1;
                }
                int l1 = buf[offset + 1] & 0xFF;
                int l2 = buf[offset + 2] & 0xFF;
                if (l1 != l2) {
                    throw new MBusDecodeException(offset + 2, "the two L-fields differ: " + Hex.byteHex(l1) + " and " + Hex.byteHex(l2));
                }
                if ((buf[offset + 3] & 0xFF) != LongFrame.START) {
                    throw new MBusDecodeException(offset + 3, "second start byte is " + Hex.byteHex(buf[offset + 3] & 0xFF) + ", not 68");
                }
                if (l1 < 3) {
                    throw new MBusDecodeException(offset + 1, "L-field " + l1 + " is less than 3 (C, A and CI)");
                }
                return l1 + LONG_OVERHEAD;
            }
            default:
                throw new MBusDecodeException(offset, "not a start byte: " + Hex.byteHex(start) + " (E5, 10 or 68 expected)");
        }
    }

    /** The frame's bytes, with L-fields, checksum and stop byte. */
    public static byte[] encode(LinkFrame frame) {
        if (frame instanceof SingleCharacter) {
            return new byte[] {(byte) SingleCharacter.E5};
        }
        if (frame instanceof ShortFrame s) {
            int c = s.control().value();
            return new byte[] {ShortFrame.START, (byte) c, (byte) s.address(), (byte) (c + s.address()), LongFrame.STOP};
        }
        int c;
        int a;
        int ci;
        byte[] data;
        if (frame instanceof ControlFrame f) {
            c = f.control().value();
            a = f.address();
            ci = f.ci();
            data = new byte[0];
        } else {
            LongFrame f = (LongFrame) frame;
            c = f.control().value();
            a = f.address();
            ci = f.ci();
            data = f.data();
        }
        int l = 3 + data.length;
        byte[] out = new byte[l + LONG_OVERHEAD];
        out[0] = LongFrame.START;
        out[1] = (byte) l;
        out[2] = (byte) l;
        out[3] = LongFrame.START;
        out[4] = (byte) c;
        out[5] = (byte) a;
        out[6] = (byte) ci;
        System.arraycopy(data, 0, out, 7, data.length);
        int sum = 0;
        for (int i = 4; i < 4 + l; i++) {
            sum += out[i];
        }
        out[4 + l] = (byte) sum;
        out[5 + l] = LongFrame.STOP;
        return out;
    }

    private static void checksum(byte[] buf, int from, int to, int csAt) throws MBusDecodeException {
        int sum = 0;
        for (int i = from; i < to; i++) {
            sum += buf[i] & 0xFF;
        }
        int cs = buf[csAt] & 0xFF;
        if ((sum & 0xFF) != cs) {
            throw new MBusDecodeException(csAt, "checksum is " + Hex.byteHex(cs) + ", the bytes sum to " + Hex.byteHex(sum & 0xFF));
        }
    }

    private static void stop(byte[] buf, int at) throws MBusDecodeException {
        if ((buf[at] & 0xFF) != LongFrame.STOP) {
            throw new MBusDecodeException(at, "stop byte is " + Hex.byteHex(buf[at] & 0xFF) + ", not 16");
        }
    }

    private static void checkRange(byte[] buf, int offset, int length) {
        if (offset < 0 || length < 0 || offset > buf.length - length) {
            throw new IllegalArgumentException("range [" + offset + ", +" + length + ") outside an array of " + buf.length);
        }
    }
}
