package org.metergate.wmbus.security;

/** What the security layer did with a telegram. */
public enum SecurityStatus {
    /** Nothing was encrypted: neither the TPL (mode 0) nor the ELL. */
    NOT_ENCRYPTED,
    /** Decrypted with the meter's key; the 2F2F check, ELL payload CRC and AFL MAC (where present) passed. */
    DECRYPTED,
    /**
     * The header says encrypted, but the payload arrived in clear (2F2F at its start, or a matching ELL
     * payload CRC): a receiver or a log decrypted it before. Records are decoded; nothing was decrypted
     * and nothing was authenticated.
     */
    PLAINTEXT_DESPITE_ENCRYPTION_FLAG,
    /** Decryption or authentication failed or was impossible: see {@link SecurityInfo#error()}. */
    FAILED
}
