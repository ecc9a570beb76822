package org.metergate.wmbus.transport;

/**
 * The session number field (SN) of ELL II and IV (EN 13757-4), 32 bits little-endian: bits 31-29 the
 * encryption of the ELL payload (0 none, 1 AES-128-CTR, others reserved), bits 28-4 a time in minutes,
 * bits 3-0 the session.
 *
 * @param value the 32-bit field
 */
public record SessionNumber(long value) {

    /** ENC value of AES-128 in counter mode. */
    public static final int AES_CTR = 1;

    public SessionNumber {
        if (value < 0 || value > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("session number is 32 bits: " + value);
        }
    }

    public static SessionNumber of(int encryption, int minutes, int session) {
        return new SessionNumber(((long) (encryption & 7) << 29) | ((long) (minutes & 0x1FF_FFFF) << 4) | (session & 0xF));
    }

    public int encryption() {
        return (int) (value >>> 29) & 7;
    }

    public int minutes() {
        return (int) (value >>> 4) & 0x1FF_FFFF;
    }

    public int session() {
        return (int) value & 0xF;
    }
}
