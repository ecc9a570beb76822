package org.metergate.headend.security;

import java.security.GeneralSecurityException;
import java.security.PublicKey;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The gateway's key-transport key pair (EC P-256): the head-end encrypts meter keys to its public key
 * ({@link org.metergate.headend.security.crypto.KeyEnvelope}), so a meter key never crosses the
 * broker in clear. The private key stays in the gateway's data directory.
 */
@ProviderType
public interface KeyTransport {

    PublicKey publicKey();

    /** Base64 of the public key's SubjectPublicKeyInfo (DER), as published in the birth certificate. */
    String publicKeyBase64();

    /**
     * Decrypts an envelope made for this gateway with the given context (gateway and meter ids);
     * fails with a {@link GeneralSecurityException} when it was made for another key or context or
     * was modified. The plain text is the caller's to wipe.
     */
    byte[] open(byte[] envelope, String context) throws GeneralSecurityException;
}
