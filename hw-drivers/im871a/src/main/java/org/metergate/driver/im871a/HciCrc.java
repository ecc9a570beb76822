package org.metergate.driver.im871a;

/**
 * The FCS of an HCI frame: CRC-16 with polynomial x^16+x^12+x^5+1 processed LSB first (0x8408), initial value
 * 0xFFFF, result inverted (the CRC-16 known as X.25), over the control field through the last attached field.
 */
final class HciCrc {

    private HciCrc() {
    }

    static int of(byte[] data, int offset, int length) {
        int crc = 0xFFFF;
        for (int i = offset; i < offset + length; i++) {
            crc ^= data[i] & 0xFF;
            for (int bit = 0; bit < 8; bit++) {
                crc = (crc & 1) != 0 ? (crc >>> 1) ^ 0x8408 : crc >>> 1;
            }
        }
        return ~crc & 0xFFFF;
    }
}
