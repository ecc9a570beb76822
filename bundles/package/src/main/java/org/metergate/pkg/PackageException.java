package org.metergate.pkg;

import java.util.Objects;

/** Why a package, a key or a trust anchor was refused: a reason a program can act on, and a message for people. */
public class PackageException extends Exception {

    private static final long serialVersionUID = 1L;

    /** What was wrong. */
    public enum Reason {
        /** Not a package of this format: bad ZIP, bad manifest, unexpected or missing entries, bad paths. */
        MALFORMED,
        /** No signature at all. */
        UNSIGNED,
        /** Signed, but by no key the gateway trusts (or the gateway trusts none). */
        UNTRUSTED_SIGNER,
        /** A trusted key's signature does not verify: the manifest was changed after signing. */
        BAD_SIGNATURE,
        /** An artifact's size or SHA-256 differs from the manifest: changed after signing or truncated. */
        ARTIFACT_MISMATCH,
        /** The package names other gateways or models. */
        WRONG_TARGET,
        /** The sequence number is not above the last one accepted for this id, and it is no signed rollback. */
        REPLAYED,
        /** A key file that cannot be used: unreadable, not PEM, an unsupported algorithm or curve. */
        KEY,
        /** Reading or writing a file failed. */
        IO
    }

    private final Reason reason;

    public PackageException(Reason reason, String message) {
        super(message);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public PackageException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public Reason reason() {
        return reason;
    }
}
