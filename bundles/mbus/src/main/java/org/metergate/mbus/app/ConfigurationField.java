package org.metergate.mbus.app;

/**
 * The configuration field (signature field in older texts) of the EN 13757-3 long and short
 * header, 16 bits sent least significant byte first. Bits 8-12 give the security mode (EN 13757-7:
 * 0 none, 5 AES-CBC with static IV, 7 AES-CBC with dynamic key, ...); the meaning of the other
 * bits depends on the mode; for modes 5 and 7 bits 4-7 count the encrypted 16-byte blocks.
 *
 * @param value the 16 bits, 0..0xFFFF
 */
public record ConfigurationField(int value) {

    public ConfigurationField {
        if (value < 0 || value > 0xFFFF) {
            throw new IllegalArgumentException("configuration field has 16 bits: " + value);
        }
    }

    /** Bits 8-12: the security mode, 0 when the data is not encrypted. */
    public int securityMode() {
        return (value >> 8) & 0x1F;
    }

    /** Bits 4-7: number of encrypted 16-byte blocks (security modes 5 and 7). */
    public int encryptedBlocks() {
        return (value >> 4) & 0x0F;
    }

    /** Bit 15: bidirectional communication. */
    public boolean bidirectional() {
        return (value & 0x8000) != 0;
    }

    /** Bit 14: accessibility. */
    public boolean accessibility() {
        return (value & 0x4000) != 0;
    }

    /** Bit 13: synchronous transmission. */
    public boolean synchronous() {
        return (value & 0x2000) != 0;
    }
}
