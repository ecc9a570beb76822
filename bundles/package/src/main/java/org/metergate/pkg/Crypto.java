package org.metergate.pkg;

import java.security.GeneralSecurityException;
import java.security.InvalidAlgorithmParameterException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.PublicKey;
import java.security.Signature;
import java.security.SignatureException;
import java.security.spec.ECGenParameterSpec;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * Signing and verifying on Bouncy Castle. Its provider is used as an instance, never installed in
 * the JVM's provider list, so nothing else in the gateway changes behaviour because of it.
 */
final class Crypto {

    private Crypto() {
    }

    private static final class Holder {
        static final Provider BC = new BouncyCastleProvider();
    }

    static Provider provider() {
        return Holder.BC;
    }

    static byte[] sign(SignatureAlgorithm algorithm, PrivateKey key, byte[] message) throws PackageException {
        try {
            Signature s = Signature.getInstance(algorithm.jcaSignature(), provider());
            s.initSign(key);
            s.update(message);
            return s.sign();
        } catch (GeneralSecurityException e) {
            throw new PackageException(PackageException.Reason.KEY, "cannot sign with the " + algorithm.keyName() + " key: "
                    + e.getClass().getSimpleName());
        }
    }

    /** False for a signature that does not verify, including one that is not even well-formed. */
    static boolean verify(SignatureAlgorithm algorithm, PublicKey key, byte[] message, byte[] signature) {
        try {
            Signature s = Signature.getInstance(algorithm.jcaSignature(), provider());
            s.initVerify(key);
            s.update(message);
            return s.verify(signature);
        } catch (SignatureException | IllegalArgumentException e) {
            return false;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Bouncy Castle lacks " + algorithm.jcaSignature(), e);
        }
    }

    static KeyPair generate(SignatureAlgorithm algorithm) {
        try {
            if (algorithm == SignatureAlgorithm.ED25519) {
                return KeyPairGenerator.getInstance("Ed25519", provider()).generateKeyPair();
            }
            KeyPairGenerator g = KeyPairGenerator.getInstance("EC", provider());
            g.initialize(new ECGenParameterSpec(algorithm.keyName()));
            return g.generateKeyPair();
        } catch (InvalidAlgorithmParameterException e) {
            throw new IllegalStateException("Bouncy Castle lacks the curve " + algorithm.keyName(), e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Bouncy Castle cannot generate " + algorithm.keyName() + " keys", e);
        }
    }
}
