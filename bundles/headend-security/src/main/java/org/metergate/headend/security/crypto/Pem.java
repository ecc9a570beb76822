package org.metergate.headend.security.crypto;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMException;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8DecryptorProviderBuilder;
import org.bouncycastle.openssl.jcajce.JcePEMDecryptorProviderBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.pkcs.PKCSException;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;

/**
 * Reads and writes the PEM files of the G interface's security (RFC 7468): X.509 certificates,
 * public keys (SubjectPublicKeyInfo), and private keys in SEC1 ({@code EC PRIVATE KEY}), PKCS#8
 * ({@code PRIVATE KEY}) or encrypted PKCS#8 form, on Bouncy Castle so that every named curve works,
 * including the brainpool curves of RFC 5639 that the JDK no longer implements. Errors name the file
 * and what was expected, never key material.
 */
public final class Pem {

    private Pem() {
    }

    /** Every certificate in a PEM file, in file order; at least one. */
    public static List<X509Certificate> certificates(Path file) throws IOException {
        List<X509Certificate> out = new ArrayList<>();
        JcaX509CertificateConverter conv = new JcaX509CertificateConverter().setProvider(BouncyCastle.PROVIDER);
        try (PEMParser p = new PEMParser(reader(file))) {
            Object o;
            while ((o = next(p, file)) != null) {
                if (o instanceof X509CertificateHolder h) {
                    try {
                        out.add(conv.getCertificate(h));
                    } catch (CertificateException e) {
                        throw new IOException(file + ": a certificate cannot be read: " + e.getMessage(), e);
                    }
                }
            }
        }
        if (out.isEmpty()) {
            throw new IOException(file + " holds no PEM CERTIFICATE");
        }
        return out;
    }

    /** The public key of a PEM file holding a PUBLIC KEY or a CERTIFICATE (the first one). */
    public static PublicKey publicKey(Path file) throws IOException {
        try (Reader r = reader(file)) {
            return publicKey(r, file.toString());
        }
    }

    /** The public key of PEM text holding a PUBLIC KEY or a CERTIFICATE. */
    public static PublicKey publicKey(Reader text, String source) throws IOException {
        JcaPEMKeyConverter conv = new JcaPEMKeyConverter().setProvider(BouncyCastle.PROVIDER);
        try (PEMParser p = new PEMParser(text)) {
            Object o;
            while ((o = next(p, source)) != null) {
                if (o instanceof SubjectPublicKeyInfo spki) {
                    return conv.getPublicKey(spki);
                }
                if (o instanceof X509CertificateHolder h) {
                    return conv.getPublicKey(h.getSubjectPublicKeyInfo());
                }
                if (o instanceof PEMKeyPair kp) {
                    return conv.getPublicKey(kp.getPublicKeyInfo());
                }
            }
        }
        throw new IOException(source + " holds no PEM PUBLIC KEY or CERTIFICATE");
    }

    /**
     * The private key of a PEM file; {@code password} is needed for an encrypted key (ENCRYPTED PRIVATE
     * KEY, or a legacy encrypted EC PRIVATE KEY) and ignored otherwise.
     */
    public static PrivateKey privateKey(Path file, char[] password) throws IOException {
        JcaPEMKeyConverter conv = new JcaPEMKeyConverter().setProvider(BouncyCastle.PROVIDER);
        try (PEMParser p = new PEMParser(reader(file))) {
            Object o;
            while ((o = next(p, file)) != null) {
                try {
                    if (o instanceof PEMKeyPair kp) {
                        return conv.getPrivateKey(kp.getPrivateKeyInfo());
                    }
                    if (o instanceof PrivateKeyInfo pki) {
                        return conv.getPrivateKey(pki);
                    }
                    if (o instanceof PKCS8EncryptedPrivateKeyInfo enc) {
                        requirePassword(password, file);
                        return conv.getPrivateKey(enc.decryptPrivateKeyInfo(
                                new JceOpenSSLPKCS8DecryptorProviderBuilder().setProvider(BouncyCastle.PROVIDER).build(password)));
                    }
                    if (o instanceof PEMEncryptedKeyPair enc) {
                        requirePassword(password, file);
                        return conv.getPrivateKey(enc.decryptKeyPair(
                                new JcePEMDecryptorProviderBuilder().setProvider(BouncyCastle.PROVIDER).build(password)).getPrivateKeyInfo());
                    }
                } catch (PKCSException | OperatorCreationException | PEMException e) {
                    throw new IOException(file + ": the private key cannot be decrypted or decoded (wrong password?)");
                }
            }
        }
        throw new IOException(file + " holds no PEM private key (EC PRIVATE KEY, PRIVATE KEY or ENCRYPTED PRIVATE KEY)");
    }

    /** PEM text of a certificate, public key or private key (PKCS#8, unencrypted). */
    public static String text(Object object) {
        StringWriter w = new StringWriter();
        try (JcaPEMWriter pw = new JcaPEMWriter(w)) {
            pw.writeObject(object);
        } catch (IOException e) {
            throw new IllegalStateException("PEM encoding failed: " + e.getMessage(), e);
        }
        return w.toString();
    }

    /**
     * Writes a private key as PEM into a new file that only its owner can read (where the file system
     * has POSIX permissions); an existing file is never overwritten.
     */
    public static void writePrivateKey(Path file, PrivateKey key) throws IOException {
        if (file.toAbsolutePath().getParent().getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } else {
            Files.createFile(file);
        }
        Files.writeString(file, text(key), StandardCharsets.US_ASCII);
    }

    /** Reads PEM text from a string (for keys given inline in a configuration). */
    public static Reader of(String text) {
        return new StringReader(text);
    }

    private static void requirePassword(char[] password, Object source) throws IOException {
        if (password == null || password.length == 0) {
            throw new IOException(source + ": the private key is encrypted and no password was given");
        }
    }

    private static Reader reader(Path file) throws IOException {
        if (!Files.isReadable(file)) {
            throw new IOException(file + " does not exist or is not readable");
        }
        return Files.newBufferedReader(file, StandardCharsets.US_ASCII);
    }

    private static Object next(PEMParser p, Object source) throws IOException {
        try {
            return p.readObject();
        } catch (IOException | RuntimeException e) {
            throw new IOException(source + " is not valid PEM: " + e.getClass().getSimpleName(), e);
        }
    }
}
