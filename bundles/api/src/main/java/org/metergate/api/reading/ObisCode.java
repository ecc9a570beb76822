package org.metergate.api.reading;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An OBIS code (IEC 62056-6-1, object identification system) {@code A-B:C.D.E*F}; EN 13757-3
 * annex gives the mapping of M-Bus records to OBIS where one exists.
 */
public record ObisCode(int a, int b, int c, int d, int e, int f) {

    private static final Pattern TEXT = Pattern.compile(
            "(?:(\\d{1,3})-(\\d{1,3}):)?(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})(?:[*&](\\d{1,3}))?");

    public ObisCode {
        for (int v : new int[] {a, b, c, d, e, f}) {
            if (v < 0 || v > 255) {
                throw new IllegalArgumentException("OBIS value groups are bytes: " + v);
            }
        }
    }

    /** Parses {@code 1-0:1.8.0*255}; A-B default to 0-0 and F to 255 when absent ({@code 1.8.0}). */
    public static ObisCode parse(String text) {
        Matcher m = TEXT.matcher(text.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("not an OBIS code: " + text);
        }
        return new ObisCode(group(m, 1, 0), group(m, 2, 0), group(m, 3, 0), group(m, 4, 0), group(m, 5, 0), group(m, 6, 255));
    }

    /** From the six value-group bytes as COSEM logical names carry them. */
    public static ObisCode ofBytes(byte[] six) {
        if (six.length != 6) {
            throw new IllegalArgumentException("an OBIS logical name has 6 bytes");
        }
        return new ObisCode(six[0] & 0xFF, six[1] & 0xFF, six[2] & 0xFF, six[3] & 0xFF, six[4] & 0xFF, six[5] & 0xFF);
    }

    private static int group(Matcher m, int g, int dflt) {
        String s = m.group(g);
        return s == null ? dflt : Integer.parseInt(s);
    }

    @Override
    public String toString() {
        return a + "-" + b + ":" + c + "." + d + "." + e + "*" + f;
    }
}
