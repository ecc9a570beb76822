package org.metergate.headend.security.crypto;

import java.security.GeneralSecurityException;
import java.security.InvalidAlgorithmParameterException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.util.HexFormat;
import org.bouncycastle.jce.interfaces.ECPrivateKey;
import org.bouncycastle.jce.spec.ECParameterSpec;
import org.bouncycastle.jce.spec.ECPublicKeySpec;

/**
 * Elliptic-curve keys of operators and gateways (ECDSA, FIPS 186 / ANSI X9.62) on Bouncy Castle, so
 * that NIST P-256/P-384 and the brainpool curves (RFC 5639) all work: generation, key ids, signing
 * and verification with DER-encoded signatures. The hash follows the key size (SHA-256 up to 256-bit
 * curves, SHA-384 up to 384, SHA-512 above), as RFC 5480 recommends.
 */
public final class EcKeys {

    private static final SecureRandom RANDOM = new SecureRandom();

    private EcKeys() {
    }

    /** A new key pair on a named curve, e.g. {@code secp256r1}, {@code brainpoolP256r1}. */
    public static KeyPair generate(String curve) throws GeneralSecurityException {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC", BouncyCastle.PROVIDER);
        try {
            g.initialize(new ECGenParameterSpec(curve), RANDOM);
        } catch (InvalidAlgorithmParameterException e) {
            throw new InvalidAlgorithmParameterException("unknown curve '" + curve + "'", e);
        }
        return g.generateKeyPair();
    }

    /** The key id: lower-case hex SHA-256 of the key's SubjectPublicKeyInfo (DER), 64 digits. */
    public static String keyId(PublicKey key) {
        try {
            byte[] spki = KeyFactory.getInstance("EC", BouncyCastle.PROVIDER).translateKey(key).getEncoded();
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(spki));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not an EC public key: " + key.getAlgorithm(), e);
        }
    }

    /** The public key that belongs to an EC private key (Q = d·G). */
    public static PublicKey publicOf(PrivateKey key) throws GeneralSecurityException {
        KeyFactory f = KeyFactory.getInstance("EC", BouncyCastle.PROVIDER);
        if (!(f.translateKey(key) instanceof ECPrivateKey k)) {
            throw new GeneralSecurityException("not an EC private key: " + key.getAlgorithm());
        }
        ECParameterSpec params = k.getParameters();
        return f.generatePublic(new ECPublicKeySpec(params.getG().multiply(k.getD()).normalize(), params));
    }

    /** The ECDSA signature algorithm for a key of this size, e.g. {@code SHA256withECDSA}. */
    public static String algorithm(int fieldBits) {
        return fieldBits <= 256 ? "SHA256withECDSA" : fieldBits <= 384 ? "SHA384withECDSA" : "SHA512withECDSA";
    }

    /** Signs {@code data}; returns the DER-encoded ECDSA signature. */
    public static byte[] sign(PrivateKey key, byte[] data) throws GeneralSecurityException {
        Signature s = Signature.getInstance(algorithm(fieldBits(key)), BouncyCastle.PROVIDER);
        s.initSign(key, RANDOM);
        s.update(data);
        return s.sign();
    }

    /** True when {@code signature} (DER) is a valid ECDSA signature of {@code data} under {@code key}. */
    public static boolean verify(PublicKey key, byte[] data, byte[] signature) {
        try {
            Signature s = Signature.getInstance(algorithm(fieldBits(key)), BouncyCastle.PROVIDER);
            s.initVerify(key);
            s.update(data);
            return s.verify(signature);
        } catch (GeneralSecurityException | RuntimeException e) {
            return false; // a malformed signature or key is simply not a valid signature
        }
    }

    static int fieldBits(java.security.Key key) throws NoSuchAlgorithmException {
        if (key instanceof java.security.interfaces.ECKey ec) {
            return ec.getParams().getCurve().getField().getFieldSize();
        }
        if (key instanceof org.bouncycastle.jce.interfaces.ECKey ec) {
            return ec.getParameters().getCurve().getFieldSize();
        }
        throw new NoSuchAlgorithmException("not an EC key: " + key.getAlgorithm());
    }
}
