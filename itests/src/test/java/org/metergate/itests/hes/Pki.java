package org.metergate.itests.hes;

import java.math.BigInteger;
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
import org.metergate.headend.security.crypto.BouncyCastle;
import org.metergate.headend.security.crypto.EcKeys;
import org.metergate.headend.security.crypto.Pem;

/** A throwaway certificate authority (P-256 unless told another curve) made with Bouncy Castle; writes PEM files. */
final class Pki {

    private final String name;
    private final String curve;
    private final KeyPair caKey;
    private final X509Certificate ca;
    private long serial = 1;

    Pki(String name) throws Exception {
        this(name, "secp256r1");
    }

    /** CA and every certificate it issues on {@code curve}, e.g. {@code brainpoolP256r1}. */
    Pki(String name, String curve) throws Exception {
        this.name = name;
        this.curve = curve;
        caKey = EcKeys.generate(curve);
        X500Name n = new X500Name("CN=" + name);
        JcaX509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(n, BigInteger.valueOf(serial++),
                Date.from(Instant.now().minus(1, ChronoUnit.HOURS)), Date.from(Instant.now().plus(1, ChronoUnit.DAYS)), n, caKey.getPublic());
        b.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
        ca = sign(b);
    }

    Path writeCa(Path dir) throws Exception {
        Path f = dir.resolve(name.replace(' ', '-') + "-ca.pem");
        Files.writeString(f, Pem.text(ca));
        return f;
    }

    /** Writes {@code <file>.crt} and {@code <file>.key}; a server certificate names 127.0.0.1 and localhost. */
    Path[] issue(Path dir, String file, String cn, boolean server) throws Exception {
        KeyPair kp = EcKeys.generate(curve);
        JcaX509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(new X500Name("CN=" + name), BigInteger.valueOf(serial++),
                Date.from(Instant.now().minus(1, ChronoUnit.HOURS)), Date.from(Instant.now().plus(1, ChronoUnit.DAYS)),
                new X500Name("CN=" + cn), kp.getPublic());
        if (server) {
            b.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
                new GeneralName(GeneralName.dNSName, "localhost"), new GeneralName(GeneralName.iPAddress, "127.0.0.1")}));
        }
        Path crt = dir.resolve(file + ".crt");
        Path key = dir.resolve(file + ".key");
        Files.writeString(crt, Pem.text(sign(b)));
        Files.writeString(key, Pem.text(kp.getPrivate()));
        return new Path[] {crt, key};
    }

    private X509Certificate sign(JcaX509v3CertificateBuilder b) throws Exception {
        return new JcaX509CertificateConverter().setProvider(BouncyCastle.PROVIDER)
                .getCertificate(b.build(new JcaContentSignerBuilder("SHA256withECDSA").setProvider(BouncyCastle.PROVIDER).build(caKey.getPrivate())));
    }
}
