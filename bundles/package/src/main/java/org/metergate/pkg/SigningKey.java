package org.metergate.pkg;

import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.Objects;

/**
 * A private key that signs packages, with its public half and key id. Its string form names the
 * algorithm and key id only: the private key never appears in output, logs or messages.
 */
public final class SigningKey {

    private final SignatureAlgorithm algorithm;
    private final PrivateKey privateKey;
    private final PublicKey publicKey;
    private final String keyId;

    SigningKey(SignatureAlgorithm algorithm, PrivateKey privateKey, PublicKey publicKey) {
        this.algorithm = Objects.requireNonNull(algorithm, "algorithm");
        this.privateKey = Objects.requireNonNull(privateKey, "privateKey");
        this.publicKey = Objects.requireNonNull(publicKey, "publicKey");
        this.keyId = Digests.sha256Hex(publicKey.getEncoded());
    }

    /** A new random key pair. */
    public static SigningKey generate(SignatureAlgorithm algorithm) {
        var pair = Crypto.generate(algorithm);
        return new SigningKey(algorithm, pair.getPrivate(), pair.getPublic());
    }

    public SignatureAlgorithm algorithm() {
        return algorithm;
    }

    public String keyId() {
        return keyId;
    }

    public PublicKey publicKey() {
        return publicKey;
    }

    PrivateKey privateKey() {
        return privateKey;
    }

    /** The public half as a trust anchor, e.g. to write into a gateway's trust directory. */
    public TrustAnchor trustAnchor() {
        return new TrustAnchor(keyId, algorithm, publicKey, "");
    }

    /** Signs {@code message} (a manifest's bytes). */
    public byte[] sign(byte[] message) throws PackageException {
        return Crypto.sign(algorithm, privateKey, message);
    }

    @Override
    public String toString() {
        return "SigningKey[" + algorithm.keyName() + ", key id " + keyId + "]";
    }
}
