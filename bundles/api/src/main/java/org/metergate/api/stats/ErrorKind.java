package org.metergate.api.stats;

/**
 * The kinds of communication error the gateway counts (TR 50572 communication statistics), from
 * the physical frame up to the security layer of EN 13757-7 / OMS.
 */
public enum ErrorKind {
    /** The frame's structure is wrong: length, start/stop bytes, L-field. */
    FRAMING,
    /** A link-layer CRC or checksum does not match. */
    CHECKSUM,
    /** The application layer (EN 13757-3 records) cannot be decoded. */
    DECODE,
    /** The telegram is encrypted and the key store has no key for the meter. */
    NO_KEY,
    /** Decryption gave garbage: wrong key (no 2F2F after decryption). */
    WRONG_KEY,
    /** An AFL or ELL message authentication code does not verify. */
    MAC_MISMATCH,
    /** The access number or message counter went back: a possible replay. */
    REPLAY,
    /** A security mode the gateway does not implement. */
    UNSUPPORTED_SECURITY,
    /** The pipeline's queue was full and a link that cannot wait dropped the telegram. */
    DROPPED
}
