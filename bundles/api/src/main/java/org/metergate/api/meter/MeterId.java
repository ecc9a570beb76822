package org.metergate.api.meter;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A meter as keys and installations name it: manufacturer plus identification number (the part of
 * the EN 13757-3 secondary address that stays the same across firmware versions). OMS meter keys
 * are held per {@code MeterId}.
 *
 * @param manufacturer the FLAG manufacturer code
 * @param identification the identification number as its 8 hexadecimal digits, e.g. {@code 12345678};
 *        normally BCD, but kept as sent when a meter uses the digits A-F
 */
public record MeterId(ManufacturerCode manufacturer, String identification) implements Comparable<MeterId> {

    private static final Pattern IDENT = Pattern.compile("[0-9A-F]{8}");

    public MeterId {
        Objects.requireNonNull(manufacturer, "manufacturer");
        Objects.requireNonNull(identification, "identification");
        identification = identification.toUpperCase(java.util.Locale.ROOT);
        if (!IDENT.matcher(identification).matches()) {
            throw new IllegalArgumentException("identification must be 8 hex digits: " + identification);
        }
    }

    /** Parses {@code MAN-12345678} or {@code MAN 12345678}. */
    public static MeterId parse(String text) {
        String t = text.trim();
        if (t.length() != 12 || (t.charAt(3) != '-' && t.charAt(3) != ' ')) {
            throw new IllegalArgumentException("meter id must look like KAM-12345678: " + text);
        }
        return new MeterId(ManufacturerCode.of(t.substring(0, 3)), t.substring(4));
    }

    @Override
    public int compareTo(MeterId o) {
        int c = manufacturer.compareTo(o.manufacturer);
        return c != 0 ? c : identification.compareTo(o.identification);
    }

    @Override
    public String toString() {
        return manufacturer.code() + "-" + identification;
    }
}
