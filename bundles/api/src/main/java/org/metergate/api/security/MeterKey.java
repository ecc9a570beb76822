package org.metergate.api.security;

import java.security.MessageDigest;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * A meter's AES-128 key (OMS / EN 13757-7: the key for security modes 5 and 7, ELL and AFL). Its
 * text form never shows the key: printing, logging or putting it in an exception is harmless.
 */
public final class MeterKey {

    /** AES-128 key length in bytes. */
    public static final int LENGTH = 16;

    private final byte[] key;

    private MeterKey(byte[] key) {
        this.key = key;
    }

    /** A key from its 16 bytes (copied). */
    public static MeterKey of(byte[] key) {
        if (key == null || key.length != LENGTH) {
            throw new IllegalArgumentException("a meter key has " + LENGTH + " bytes");
        }
        return new MeterKey(key.clone());
    }

    /** A key from 32 hex digits. The message of a parse error does not echo the input. */
    public static MeterKey ofHex(String hex) {
        String h = hex == null ? "" : hex.trim();
        if (h.length() != 2 * LENGTH) {
            throw new IllegalArgumentException("a meter key has 32 hex digits, got " + h.length());
        }
        byte[] k = new byte[LENGTH];
        for (int i = 0; i < LENGTH; i++) {
            int hi = Character.digit(h.charAt(2 * i), 16);
            int lo = Character.digit(h.charAt(2 * i + 1), 16);
            if (hi < 0 || lo < 0) {
                throw new IllegalArgumentException("a meter key has only hex digits");
            }
            k[i] = (byte) (hi << 4 | lo);
        }
        return new MeterKey(k);
    }

    /** The key for JCA ciphers and MACs. */
    public SecretKey secretKey() {
        return new SecretKeySpec(key, "AES");
    }

    /** A copy of the key bytes, for callers that must hand them to a crypto library. */
    public byte[] bytes() {
        return key.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MeterKey k && MessageDigest.isEqual(key, k.key);
    }

    @Override
    public int hashCode() {
        return 0x4d4b; // constant: a hash of the key would leak information about it
    }

    @Override
    public String toString() {
        return "MeterKey[redacted]";
    }
}
