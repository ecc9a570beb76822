package org.metergate.mbus;

/** Hex text as logs, corpora and the command line carry frames: {@code 68 03 03 68 ...} or {@code 680303...}. */
public final class Hex {

    private static final char[] DIGITS = "0123456789ABCDEF".toCharArray();

    private Hex() {
    }

    /**
     * Parses hex digits; spaces, tabs, line breaks, ':' and '-' between bytes are ignored.
     *
     * @throws MBusDecodeException with the character index when a character is not a hex digit or a
     *         byte is left with one digit
     */
    public static byte[] parse(CharSequence text) throws MBusDecodeException {
        byte[] out = new byte[text.length() / 2 + 1];
        int n = 0;
        int high = -1;
        int highAt = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == ':' || c == '-') {
                if (high >= 0) {
                    throw new MBusDecodeException(highAt, "odd number of hex digits in a byte");
                }
                continue;
            }
            int d = Character.digit(c, 16);
            if (d < 0 || c > 'f') {
                throw new MBusDecodeException(i, "not a hex digit: '" + printable(c) + "'");
            }
            if (high < 0) {
                high = d;
                highAt = i;
            } else {
                out[n++] = (byte) (high << 4 | d);
                high = -1;
            }
        }
        if (high >= 0) {
            throw new MBusDecodeException(highAt, "odd number of hex digits");
        }
        return java.util.Arrays.copyOf(out, n);
    }

    /** Upper-case hex without separators. */
    public static String format(byte[] bytes) {
        return format(bytes, 0, bytes.length, false);
    }

    /** Upper-case hex of {@code bytes[from, to)}, optionally with a space between bytes. */
    public static String format(byte[] bytes, int from, int to, boolean spaced) {
        if (to <= from) {
            return "";
        }
        char[] out = new char[(to - from) * (spaced ? 3 : 2) - (spaced ? 1 : 0)];
        int p = 0;
        for (int i = from; i < to; i++) {
            if (spaced && i > from) {
                out[p++] = ' ';
            }
            out[p++] = DIGITS[(bytes[i] >> 4) & 0xF];
            out[p++] = DIGITS[bytes[i] & 0xF];
        }
        return new String(out);
    }

    /** Two upper-case hex digits. */
    public static String byteHex(int b) {
        return new String(new char[] {DIGITS[(b >> 4) & 0xF], DIGITS[b & 0xF]});
    }

    private static String printable(char c) {
        return c >= 0x20 && c < 0x7F ? String.valueOf(c) : String.format("\\u%04x", (int) c);
    }
}
