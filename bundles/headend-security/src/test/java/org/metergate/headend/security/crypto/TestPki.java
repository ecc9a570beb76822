package org.metergate.headend.security.crypto;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** A small certificate authority for tests: CA, server and client certificates on any curve, written as PEM. */
final class TestPki {

    final KeyPair caKey;
    final X509Certificate ca;
    private final String curve;
    private long serial = 1;

    TestPki(String name, String curve) throws Exception {
        this.curve = curve;
        this.caKey = EcKeys.generate(curve);
        X500Name n = new X500Name("CN=" + name);
        JcaX509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(n, BigInteger.valueOf(serial++),
                Date.from(Instant.now().minus(1, ChronoUnit.HOURS)), Date.from(Instant.now().plus(1, ChronoUnit.DAYS)), n, caKey.getPublic());
        b.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
        this.ca = sign(b);
    }

    /** A leaf certificate; {@code host} non-null adds DNS and IP subject alternative names. */
    Issued issue(String cn, String host) throws Exception {
        KeyPair kp = EcKeys.generate(curve);
        JcaX509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(new X500Name("CN=" + ca.getSubjectX500Principal().getName().substring(3)),
                BigInteger.valueOf(serial++), Date.from(Instant.now().minus(1, ChronoUnit.HOURS)),
                Date.from(Instant.now().plus(1, ChronoUnit.DAYS)), new X500Name("CN=" + cn), kp.getPublic());
        if (host != null) {
            b.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
                new GeneralName(GeneralName.dNSName, host), new GeneralName(GeneralName.iPAddress, "127.0.0.1")}));
        }
        return new Issued(kp, sign(b));
    }

    private X509Certificate sign(JcaX509v3CertificateBuilder b) throws Exception {
        String alg = EcKeys.algorithm(EcKeys.fieldBits(caKey.getPrivate()));
        return new JcaX509CertificateConverter().setProvider(BouncyCastle.PROVIDER)
                .getCertificate(b.build(new JcaContentSignerBuilder(alg).setProvider(BouncyCastle.PROVIDER).build(caKey.getPrivate())));
    }

    Path writeCa(Path dir) throws Exception {
        Path f = dir.resolve("ca.pem");
        Files.writeString(f, Pem.text(ca), StandardCharsets.US_ASCII);
        return f;
    }

    record Issued(KeyPair key, X509Certificate cert) {
        Path writeCert(Path dir, String name) throws Exception {
            Path f = dir.resolve(name + ".crt");
            Files.writeString(f, Pem.text(cert), StandardCharsets.US_ASCII);
            return f;
        }

        Path writeKey(Path dir, String name) throws Exception {
            Path f = dir.resolve(name + ".key");
            Files.writeString(f, Pem.text(key.getPrivate()), StandardCharsets.US_ASCII);
            return f;
        }
    }
}
