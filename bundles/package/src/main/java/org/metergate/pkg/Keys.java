package org.metergate.pkg;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.util.PrivateKeyFactory;
import org.bouncycastle.jce.interfaces.ECPrivateKey;
import org.bouncycastle.jce.spec.ECPublicKeySpec;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;

/**
 * Keys in PEM files, read and written with Bouncy Castle's PEM support: private keys as PKCS#8
 * ({@code PRIVATE KEY}, what {@code openssl genpkey} writes) or SEC 1 ({@code EC PRIVATE KEY}, what
 * {@code openssl ecparam -genkey} writes); trust anchors as public keys ({@code PUBLIC KEY}) or X.509
 * certificates ({@code CERTIFICATE}), several per file allowed. Encrypted private keys are refused:
 * decrypt them first (the signing host protects the file). Messages name the file, never key material.
 */
public final class Keys {

    /** File names a trust directory's anchors may have. */
    public static final List<String> ANCHOR_SUFFIXES = List.of(".pem", ".crt", ".pub");

    private Keys() {
    }

    private static JcaPEMKeyConverter converter() {
        return new JcaPEMKeyConverter().setProvider(Crypto.provider());
    }

    /** Reads the one private key in a PEM file. */
    public static SigningKey readSigningKey(Path file) throws PackageException {
        List<Object> objects = readPem(file);
        if (objects.size() != 1) {
            throw key(file, objects.isEmpty() ? "holds no PEM object" : "holds " + objects.size() + " PEM objects, expected one private key");
        }
        Object o = objects.get(0);
        try {
            if (o instanceof PEMEncryptedKeyPair || o instanceof PKCS8EncryptedPrivateKeyInfo) {
                throw key(file, "is an encrypted private key: decrypt it first (openssl pkey -in FILE -out PLAIN)");
            }
            PrivateKeyInfo info;
            SubjectPublicKeyInfo publicInfo = null;
            if (o instanceof PEMKeyPair pair) {
                info = pair.getPrivateKeyInfo();
                publicInfo = pair.getPublicKeyInfo();
            } else if (o instanceof PrivateKeyInfo p) {
                info = p;
            } else {
                throw key(file, "holds a " + kind(o) + ", not a private key");
            }
            PrivateKey privateKey = converter().getPrivateKey(info);
            PublicKey publicKey = publicInfo != null ? converter().getPublicKey(publicInfo) : derivePublic(privateKey, info);
            SignatureAlgorithm algorithm = SignatureAlgorithm.of(SubjectPublicKeyInfo.getInstance(publicKey.getEncoded()));
            return new SigningKey(algorithm, privateKey, publicKey);
        } catch (PackageException e) {
            throw e.reason() == PackageException.Reason.KEY && !e.getMessage().startsWith("key file") ? key(file, e.getMessage()) : e;
        } catch (IOException | RuntimeException e) {
            throw key(file, "does not hold a usable private key (" + e.getClass().getSimpleName() + ")");
        }
    }

    private static PublicKey derivePublic(PrivateKey privateKey, PrivateKeyInfo info) throws IOException, PackageException {
        try {
            if (privateKey instanceof ECPrivateKey ec) {
                // Q = d * G on the key's own curve: PKCS#8 may omit the public point
                ECPoint q = ec.getParameters().getG().multiply(ec.getD()).normalize();
                return KeyFactory.getInstance("EC", Crypto.provider()).generatePublic(new ECPublicKeySpec(q, ec.getParameters()));
            }
            if (PrivateKeyFactory.createKey(info) instanceof Ed25519PrivateKeyParameters ed) {
                byte[] spki = new SubjectPublicKeyInfo(
                        new org.bouncycastle.asn1.x509.AlgorithmIdentifier(org.bouncycastle.asn1.edec.EdECObjectIdentifiers.id_Ed25519),
                        ed.generatePublicKey().getEncoded()).getEncoded();
                return KeyFactory.getInstance("Ed25519", Crypto.provider()).generatePublic(new X509EncodedKeySpec(spki));
            }
        } catch (java.security.GeneralSecurityException e) {
            throw new PackageException(PackageException.Reason.KEY, "cannot derive the public key (" + e.getClass().getSimpleName() + ")");
        }
        throw new PackageException(PackageException.Reason.KEY, "key algorithm " + privateKey.getAlgorithm()
                + " is not accepted: only Ed25519 and ECDSA (P-256, brainpoolP256r1)");
    }

    /** Reads every public key and certificate in a PEM file as trust anchors. */
    public static List<TrustAnchor> readTrustAnchors(Path file) throws PackageException {
        List<TrustAnchor> anchors = new ArrayList<>();
        List<Object> objects = readPem(file);
        if (objects.isEmpty()) {
            throw key(file, "holds no PEM object");
        }
        for (Object o : objects) {
            SubjectPublicKeyInfo info;
            if (o instanceof SubjectPublicKeyInfo spki) {
                info = spki;
            } else if (o instanceof X509CertificateHolder cert) {
                info = cert.getSubjectPublicKeyInfo();
            } else {
                throw key(file, "holds a " + kind(o) + ": a trust anchor file holds public keys or certificates only");
            }
            anchors.add(anchor(info, file.getFileName().toString(), file));
        }
        return anchors;
    }

    private static TrustAnchor anchor(SubjectPublicKeyInfo info, String source, Path file) throws PackageException {
        try {
            SignatureAlgorithm algorithm = SignatureAlgorithm.of(info);
            PublicKey key = converter().getPublicKey(info);
            return new TrustAnchor(Digests.sha256Hex(key.getEncoded()), algorithm, key, source);
        } catch (PackageException e) {
            throw key(file, e.getMessage());
        } catch (IOException | RuntimeException e) {
            throw key(file, "holds a public key that cannot be decoded (" + e.getClass().getSimpleName() + ")");
        }
    }

    /**
     * The trust anchors of every {@code *.pem}, {@code *.crt} and {@code *.pub} file in a directory (not
     * its subdirectories), in file name order. A missing directory holds none; a bad file is an error,
     * so a typo never silently removes an anchor.
     */
    public static List<TrustAnchor> readTrustDirectory(Path dir) throws PackageException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, p -> Files.isRegularFile(p)
                && ANCHOR_SUFFIXES.stream().anyMatch(s -> p.getFileName().toString().endsWith(s)))) {
            ds.forEach(files::add);
        } catch (IOException e) {
            throw new PackageException(PackageException.Reason.IO, "cannot list trust directory " + dir + ": " + e.getMessage(), e);
        }
        files.sort(null);
        List<TrustAnchor> anchors = new ArrayList<>();
        for (Path f : files) {
            anchors.addAll(readTrustAnchors(f));
        }
        return anchors;
    }

    /** The public key as PEM ({@code PUBLIC KEY}): what goes into a gateway's trust directory. */
    public static String publicKeyPem(PublicKey key) {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter w = new JcaPEMWriter(out)) {
            w.writeObject(key);
        } catch (IOException e) {
            throw new IllegalStateException("writing PEM to a string cannot fail", e);
        }
        return out.toString();
    }

    /** The private key as unencrypted PKCS#8 PEM; the caller writes it to an owner-only file. */
    public static String privateKeyPem(SigningKey key) {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter w = new JcaPEMWriter(out)) {
            w.writeObject(new JcaPKCS8Generator(key.privateKey(), null));
        } catch (IOException e) {
            throw new IllegalStateException("writing PEM to a string cannot fail", e);
        }
        return out.toString();
    }

    private static List<Object> readPem(Path file) throws PackageException {
        List<Object> out = new ArrayList<>();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.US_ASCII); PEMParser p = new PEMParser(r)) {
            for (Object o; (o = p.readObject()) != null; ) {
                out.add(o);
            }
        } catch (NoSuchFileException e) {
            throw new PackageException(PackageException.Reason.KEY, "key file " + file + " does not exist");
        } catch (IOException | RuntimeException e) {
            throw key(file, "is not a readable PEM file (" + e.getClass().getSimpleName() + ")");
        }
        return out;
    }

    private static String kind(Object o) {
        return o.getClass().getSimpleName();
    }

    private static PackageException key(Path file, String what) {
        return new PackageException(PackageException.Reason.KEY, "key file " + file + " " + what);
    }
}
