package org.metergate.wmbus.security;

/** Why a telegram could not be decrypted or authenticated. */
public enum SecurityErrorKind {
    /** The key lookup has no key for the meter. */
    NO_KEY,
    /** Decrypted with the meter's key, the payload fails its check (no 2F2F, or ELL payload CRC wrong). */
    WRONG_KEY,
    /** The AFL MAC does not match the one computed with the meter's key. */
    MAC_MISMATCH,
    /** Security mode 7 without the AFL message counter and MAC it needs. */
    MAC_MISSING,
    /** A security mode or key derivation this codec does not implement (modes 1-4, 6, 8-31; KDF other than A). */
    UNSUPPORTED_MODE,
    /** The payload was in clear despite the security mode, and the decoder is set to refuse that. */
    PLAINTEXT_REFUSED,
    /** The encrypted part is not a whole number of AES blocks or is longer than the payload. */
    MALFORMED_CIPHERTEXT
}
