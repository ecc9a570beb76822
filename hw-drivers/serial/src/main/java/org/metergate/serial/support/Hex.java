package org.metergate.serial.support;

import java.util.HexFormat;

/** Hex text of frames, as line-based receivers (CUL, rtl-wmbus, network receivers) print them. */
public final class Hex {

    private static final HexFormat UPPER = HexFormat.of().withUpperCase();

    private Hex() {
    }

    /**
     * Decodes {@code text[from, to)}, upper or lower case.
     *
     * @throws FrameFormatException (framing) for an odd number of digits or a character that is no hex digit, with
     *         its position
     */
    public static byte[] decode(CharSequence text, int from, int to) throws FrameFormatException {
        int n = to - from;
        if (n % 2 != 0) {
            throw new FrameFormatException(FaultKind.FRAMING, "odd number of hex digits (" + n + ")");
        }
        byte[] out = new byte[n / 2];
        for (int i = 0; i < out.length; i++) {
            int hi = digit(text, from + 2 * i, from);
            int lo = digit(text, from + 2 * i + 1, from);
            out[i] = (byte) (hi << 4 | lo);
        }
        return out;
    }

    public static byte[] decode(CharSequence text) throws FrameFormatException {
        return decode(text, 0, text.length());
    }

    private static int digit(CharSequence text, int i, int from) throws FrameFormatException {
        int d = Character.digit(text.charAt(i), 16);
        if (d < 0 || text.charAt(i) > 'f') {
            throw new FrameFormatException(FaultKind.FRAMING,
                    "not a hex digit at position " + (i - from) + ": '" + printable(text.charAt(i)) + "'");
        }
        return d;
    }

    private static String printable(char c) {
        return c >= 0x20 && c < 0x7F ? String.valueOf(c) : String.format("\\u%04x", (int) c);
    }

    /** Upper-case hex. */
    public static String encode(byte[] data) {
        return UPPER.formatHex(data);
    }
}
