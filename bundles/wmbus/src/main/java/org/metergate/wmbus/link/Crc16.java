package org.metergate.wmbus.link;

/**
 * The CRC of EN 13757-4 (also used by the ELL payload CRC and the OMS compact-frame signatures):
 * generator polynomial x^16 + x^13 + x^12 + x^11 + x^10 + x^8 + x^6 + x^5 + x^2 + 1 (0x3D65), initial
 * value 0, not reflected, complemented at the end.
 */
public final class Crc16 {

    private static final int POLYNOMIAL = 0x3D65;
    private static final char[] TABLE = new char[256];

    static {
        for (int i = 0; i < 256; i++) {
            int crc = i << 8;
            for (int bit = 0; bit < 8; bit++) {
                crc = (crc & 0x8000) != 0 ? (crc << 1) ^ POLYNOMIAL : crc << 1;
            }
            TABLE[i] = (char) crc;
        }
    }

    private Crc16() {
    }

    /** The CRC of {@code length} bytes of {@code data} from {@code offset}. */
    public static int compute(byte[] data, int offset, int length) {
        int crc = 0;
        for (int i = offset, end = offset + length; i < end; i++) {
            crc = (crc << 8) ^ TABLE[((crc >>> 8) ^ data[i]) & 0xFF];
        }
        return ~crc & 0xFFFF;
    }

    /** The CRC of all of {@code data}. */
    public static int compute(byte[] data) {
        return compute(data, 0, data.length);
    }
}
