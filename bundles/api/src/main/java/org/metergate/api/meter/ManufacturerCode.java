package org.metergate.api.meter;

/**
 * The manufacturer field of EN 13757-3 (and the M-field of EN 13757-4): the three-letter code that
 * the FLAG Association registers, packed into 15 bits as three letters of 5 bits each
 * ({@code ((c1 - 64) * 32 + (c2 - 64)) * 32 + (c3 - 64)}).
 *
 * <p>The record keeps the 16-bit field as received, so a meter that sends a value outside the
 * letter range is still represented exactly; {@link #code()} then shows the out-of-range letters as
 * the characters {@code @} and {@code [ \ ] ^ _} that the packing rule yields.
 *
 * @param id the 16-bit manufacturer field, little-endian on the wire, 0..0xFFFF
 */
public record ManufacturerCode(int id) implements Comparable<ManufacturerCode> {

    public ManufacturerCode {
        if (id < 0 || id > 0xFFFF) {
            throw new IllegalArgumentException("manufacturer field out of range: " + id);
        }
    }

    /** Parses a three-letter FLAG code such as {@code KAM}; letters A-Z, case-insensitive. */
    public static ManufacturerCode of(String code) {
        if (code == null || code.length() != 3) {
            throw new IllegalArgumentException("manufacturer code must have three letters: " + code);
        }
        int id = 0;
        for (int i = 0; i < 3; i++) {
            char c = Character.toUpperCase(code.charAt(i));
            if (c < 'A' || c > 'Z') {
                throw new IllegalArgumentException("manufacturer code must have three letters A-Z: " + code);
            }
            id = id * 32 + (c - 64);
        }
        return new ManufacturerCode(id);
    }

    /** The three letters, e.g. {@code KAM}. */
    public String code() {
        return new String(new char[] {
            (char) (((id >> 10) & 0x1F) + 64), (char) (((id >> 5) & 0x1F) + 64), (char) ((id & 0x1F) + 64)
        });
    }

    /** True when all three letters are in A-Z (a code the FLAG scheme can have issued). */
    public boolean isLetterCode() {
        for (int shift = 10; shift >= 0; shift -= 5) {
            int letter = (id >> shift) & 0x1F;
            if (letter < 1 || letter > 26) {
                return false;
            }
        }
        return (id & 0x8000) == 0;
    }

    @Override
    public int compareTo(ManufacturerCode other) {
        return Integer.compare(id, other.id);
    }

    @Override
    public String toString() {
        return code();
    }
}
