package org.metergate.pkg;

import java.security.PublicKey;
import java.util.Objects;

/**
 * A public key the gateway trusts to sign packages.
 *
 * @param keyId SHA-256 of the key as DER SubjectPublicKeyInfo, hex: what signatures name
 * @param algorithm the one algorithm this key verifies
 * @param publicKey the key
 * @param source where it was read from (file name), for messages
 */
public record TrustAnchor(String keyId, SignatureAlgorithm algorithm, PublicKey publicKey, String source) {

    public TrustAnchor {
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(publicKey, "publicKey");
        source = source == null ? "" : source;
    }

    @Override
    public String toString() {
        return algorithm.keyName() + " key " + keyId + (source.isEmpty() ? "" : " (" + source + ")");
    }
}
