package org.metergate.wmbus.security;

import java.util.Objects;
import java.util.Optional;

/**
 * The security of one telegram: the TPL security mode, whether the ELL was encrypted, what the decoder
 * did and, when it failed, why.
 *
 * @param modeCode the TPL security mode number, 0..31 (0 also when there is no TPL header)
 * @param ellEncrypted true when the ELL payload was AES-128-CTR encrypted
 * @param status what happened
 * @param authenticated true when an AFL MAC was verified
 * @param failure the failure when {@code status} is {@link SecurityStatus#FAILED}, else {@code null}
 */
public record SecurityInfo(int modeCode, boolean ellEncrypted, SecurityStatus status, boolean authenticated,
                           SecurityError failure) {

    public static final SecurityInfo NOT_ENCRYPTED = new SecurityInfo(0, false, SecurityStatus.NOT_ENCRYPTED, false, null);

    public SecurityInfo {
        Objects.requireNonNull(status, "status");
        if ((status == SecurityStatus.FAILED) != (failure != null)) {
            throw new IllegalArgumentException("a failure goes with status FAILED and only with it");
        }
    }

    public SecurityMode mode() {
        return SecurityMode.of(modeCode);
    }

    /** True when the payload was decrypted here with the meter's key. */
    public boolean decrypted() {
        return status == SecurityStatus.DECRYPTED;
    }

    public Optional<SecurityError> error() {
        return Optional.ofNullable(failure);
    }
}
