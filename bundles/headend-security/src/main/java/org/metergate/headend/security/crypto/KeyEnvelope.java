package org.metergate.headend.security.crypto;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.interfaces.ECPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.KeyAgreement;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.generators.HKDFBytesGenerator;
import org.bouncycastle.crypto.params.HKDFParameters;

/**
 * Encrypts a secret (a meter key) to a gateway's key-transport public key: ECIES with an ephemeral
 * EC key on the recipient's curve, ECDH, HKDF-SHA256 (RFC 5869) and AES-256-GCM. The context (which
 * gateway, which meter) is authenticated as associated data, so an envelope cannot be replayed to
 * another gateway or meter. Binary layout, version 1:
 *
 * <pre>
 * offset  length  content
 *      0       1  version 0x01
 *      1       2  n, length of the ephemeral public key, big-endian
 *      3       n  ephemeral public key, SubjectPublicKeyInfo DER
 *    3+n      12  AES-GCM nonce
 *   15+n   m + 16 ciphertext of the m-byte secret, then the 128-bit tag
 * </pre>
 *
 * KDF: HKDF-SHA256 with salt = SHA-256(ephemeral SPKI || recipient SPKI), info = {@value #INFO},
 * 32 bytes. Associated data: {@value #INFO}, a zero byte, the context in UTF-8.
 */
public final class KeyEnvelope {

    static final String INFO = "metergate-key-envelope-v1";
    private static final int VERSION = 1;
    private static final SecureRandom RANDOM = new SecureRandom();

    private KeyEnvelope() {
    }

    /** Context of a meter key import: {@code <gateway client id>/<MAN-IDENTIFICATION>}. */
    public static String meterKeyContext(String gateway, String meterId) {
        return gateway + "/" + meterId;
    }

    public static byte[] seal(PublicKey recipient, byte[] secret, String context) throws GeneralSecurityException {
        java.security.Key translated = KeyFactory.getInstance("EC", BouncyCastle.PROVIDER).translateKey(recipient);
        if (!(translated instanceof ECPublicKey ec)) {
            throw new GeneralSecurityException("the recipient key is not an EC public key");
        }
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC", BouncyCastle.PROVIDER);
        g.initialize(ec.getParams(), RANDOM);
        KeyPair eph = g.generateKeyPair();
        byte[] epk = eph.getPublic().getEncoded();
        byte[] key = derive(eph.getPrivate(), recipient, epk, recipient.getEncoded());
        byte[] nonce = new byte[12];
        RANDOM.nextBytes(nonce);
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, nonce));
            c.updateAAD(aad(context));
            byte[] ct = c.doFinal(secret);
            return ByteBuffer.allocate(3 + epk.length + 12 + ct.length).put((byte) VERSION).putShort((short) epk.length)
                    .put(epk).put(nonce).put(ct).array();
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }

    public static byte[] open(PrivateKey recipientKey, PublicKey recipientPublic, byte[] envelope, String context)
            throws GeneralSecurityException {
        if (envelope.length < 3 + 12 + 16 || envelope[0] != VERSION) {
            throw new GeneralSecurityException("not a version 1 key envelope");
        }
        int n = ((envelope[1] & 0xFF) << 8) | (envelope[2] & 0xFF);
        if (n == 0 || 3 + n + 12 + 16 > envelope.length) {
            throw new GeneralSecurityException("key envelope too short for its ephemeral key length " + n);
        }
        byte[] epk = Arrays.copyOfRange(envelope, 3, 3 + n);
        PublicKey eph;
        try {
            eph = KeyFactory.getInstance("EC", BouncyCastle.PROVIDER).generatePublic(new X509EncodedKeySpec(epk));
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new GeneralSecurityException("the key envelope's ephemeral key is not an EC public key");
        }
        byte[] key = derive(recipientKey, eph, epk, recipientPublic.getEncoded());
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, envelope, 3 + n, 12));
            c.updateAAD(aad(context));
            return c.doFinal(envelope, 3 + n + 12, envelope.length - 3 - n - 12);
        } catch (AEADBadTagException e) {
            throw new GeneralSecurityException("the key envelope does not open: made for another gateway key, meter or gateway, or modified");
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }

    private static byte[] derive(PrivateKey own, PublicKey other, byte[] ephemeralSpki, byte[] recipientSpki)
            throws GeneralSecurityException {
        KeyAgreement ka = KeyAgreement.getInstance("ECDH", BouncyCastle.PROVIDER);
        ka.init(own);
        ka.doPhase(other, true);
        byte[] shared = ka.generateSecret();
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        md.update(ephemeralSpki);
        md.update(recipientSpki);
        HKDFBytesGenerator hkdf = new HKDFBytesGenerator(new SHA256Digest());
        hkdf.init(new HKDFParameters(shared, md.digest(), INFO.getBytes(StandardCharsets.US_ASCII)));
        byte[] key = new byte[32];
        hkdf.generateBytes(key, 0, key.length);
        Arrays.fill(shared, (byte) 0);
        return key;
    }

    private static byte[] aad(String context) {
        byte[] info = INFO.getBytes(StandardCharsets.US_ASCII);
        byte[] ctx = context.getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(info.length + 1 + ctx.length).put(info).put((byte) 0).put(ctx).array();
    }
}
