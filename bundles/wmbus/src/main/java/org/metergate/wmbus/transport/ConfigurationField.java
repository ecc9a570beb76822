package org.metergate.wmbus.transport;

/**
 * The configuration field of the short and long TPL header (EN 13757-7, 16 bits little-endian), with
 * the configuration field extension that security mode 7 adds.
 *
 * <p>Bits 12-8 are the security mode in every layout. For modes 0 to 5: bit 15 B (bidirectional), 14 A
 * (accessibility), 13 S (synchronous), 7-4 N (encrypted blocks), 3-2 content of message, 1 R (repeated
 * access), 0 H (hop counter, set by a repeater, EN 13757-5). For mode 7: 7-4 N, 3-2 content of message;
 * the extension byte holds the key derivation function (bits 5-4, 1 = KDF-A of OMS) and the key id
 * (bits 3-0).
 *
 * @param value the 16-bit configuration field
 * @param extension the configuration field extension (mode 7), or -1 when absent
 */
public record ConfigurationField(int value, int extension) {

    public ConfigurationField {
        if (value < 0 || value > 0xFFFF) {
            throw new IllegalArgumentException("configuration field is 16 bits: " + value);
        }
        if (extension < -1 || extension > 0xFF) {
            throw new IllegalArgumentException("configuration field extension is a byte: " + extension);
        }
    }

    /** The security mode, bits 12-8. */
    public int securityMode() {
        return securityMode(value);
    }

    public static int securityMode(int configurationField) {
        return (configurationField >> 8) & 0x1F;
    }

    /** True when this security mode carries a configuration field extension (mode 7). */
    public static boolean hasExtension(int configurationField) {
        return securityMode(configurationField) == 7;
    }

    /** N: the number of encrypted 16-byte blocks (modes 5 and 7). */
    public int encryptedBlocks() {
        return (value >> 4) & 0x0F;
    }

    /** Content of message, bits 3-2 (0 standard data, 1 static data, ...). */
    public int content() {
        return (value >> 2) & 3;
    }

    public boolean bidirectional() {
        return securityMode() <= 5 && (value & 0x8000) != 0;
    }

    public boolean accessibility() {
        return securityMode() <= 5 && (value & 0x4000) != 0;
    }

    public boolean synchronous() {
        return securityMode() <= 5 && (value & 0x2000) != 0;
    }

    /** R: repeated access (modes 0 to 5). */
    public boolean repeatedAccess() {
        return securityMode() <= 5 && (value & 0x02) != 0;
    }

    /** H: the telegram was relayed by a repeater (modes 0 to 5; EN 13757-5 hop counter). */
    public boolean hopCounter() {
        return securityMode() <= 5 && (value & 0x01) != 0;
    }

    /** The key derivation function of mode 7 (bits 5-4 of the extension; 1 = KDF-A); -1 without extension. */
    public int keyDerivation() {
        return extension < 0 ? -1 : (extension >> 4) & 3;
    }

    /** The key id of mode 7 (bits 3-0 of the extension); -1 without extension. */
    public int keyId() {
        return extension < 0 ? -1 : extension & 0x0F;
    }
}
