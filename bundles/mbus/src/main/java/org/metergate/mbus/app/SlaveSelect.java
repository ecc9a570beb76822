package org.metergate.mbus.app;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * CI 0x52: selection of a slave by secondary address (sent to address 253). Every field may be a
 * wildcard: hex digit F in the identification, 0xFFFF for the manufacturer, 0xFF for version and
 * device type.
 *
 * @param identification 8 hex digits, most significant first; F is a wildcard digit
 * @param manufacturer the 16-bit manufacturer field, 0xFFFF = any
 * @param version 0..255, 0xFF = any
 * @param deviceType 0..255, 0xFF = any
 */
public record SlaveSelect(String identification, int manufacturer, int version, int deviceType)
        implements ApplicationMessage {

    public static final int LENGTH = 8;
    private static final Pattern DIGITS = Pattern.compile("[0-9A-F]{8}");

    public SlaveSelect {
        Objects.requireNonNull(identification, "identification");
        identification = identification.toUpperCase(Locale.ROOT);
        if (!DIGITS.matcher(identification).matches()) {
            throw new IllegalArgumentException("identification must be 8 hex digits (F = wildcard): " + identification);
        }
        if (manufacturer < 0 || manufacturer > 0xFFFF || version < 0 || version > 0xFF || deviceType < 0 || deviceType > 0xFF) {
            throw new IllegalArgumentException("manufacturer is 16 bits, version and device type are bytes");
        }
    }

    @Override
    public int ci() {
        return CiField.SLAVE_SELECT;
    }

    /** The 8 bytes after the CI. */
    public byte[] encode() {
        byte[] out = new byte[LENGTH];
        for (int i = 0; i < 4; i++) {
            out[3 - i] = (byte) Integer.parseInt(identification.substring(2 * i, 2 * i + 2), 16);
        }
        out[4] = (byte) manufacturer;
        out[5] = (byte) (manufacturer >> 8);
        out[6] = (byte) version;
        out[7] = (byte) deviceType;
        return out;
    }
}
