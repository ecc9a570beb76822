package org.metergate.headend.security;

import java.util.Objects;
import java.util.Optional;

/**
 * The result of checking an operator signature over a head-end request.
 *
 * @param valid the signature verifies under a trusted operator key, is within its validity and was not seen before
 * @param keyId the id of the signing key as the request names it (empty when the request names none)
 * @param signerRole the market role of the trusted key, when the key is trusted
 * @param reason why the signature was refused (empty when valid); never contains key material
 */
public record SignatureCheck(boolean valid, String keyId, Optional<MarketRole> signerRole, String reason) {

    public SignatureCheck {
        keyId = keyId == null ? "" : keyId;
        Objects.requireNonNull(signerRole, "signerRole");
        reason = reason == null ? "" : reason;
    }

    public static SignatureCheck refused(String keyId, String reason) {
        return new SignatureCheck(false, keyId, Optional.empty(), reason);
    }
}
