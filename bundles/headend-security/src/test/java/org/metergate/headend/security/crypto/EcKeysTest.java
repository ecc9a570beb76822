package org.metergate.headend.security.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** ECDSA on NIST and brainpool curves (RFC 5639), the JDK lacking the latter: keys, ids, PEM round trips. */
class EcKeysTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"secp256r1", "secp384r1", "brainpoolP256r1", "brainpoolP384r1"})
    void signsAndVerifiesOnEveryCurve(String curve) throws Exception {
        KeyPair kp = EcKeys.generate(curve);
        byte[] data = "disconnect the breaker".getBytes(StandardCharsets.UTF_8);
        byte[] sig = EcKeys.sign(kp.getPrivate(), data);
        assertThat(EcKeys.verify(kp.getPublic(), data, sig)).isTrue();
        data[0] ^= 1;
        assertThat(EcKeys.verify(kp.getPublic(), data, sig)).isFalse();
        assertThat(EcKeys.verify(kp.getPublic(), data, new byte[] {1, 2, 3})).as("garbage is just invalid").isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"secp256r1", "brainpoolP256r1"})
    void pemRoundTripKeepsTheKeyId(String curve) throws Exception {
        KeyPair kp = EcKeys.generate(curve);
        Path priv = dir.resolve("k.pem");
        Path pub = dir.resolve("k.pub.pem");
        Files.writeString(priv, Pem.text(kp.getPrivate()));
        Files.writeString(pub, Pem.text(kp.getPublic()));
        PrivateKey p2 = Pem.privateKey(priv, null);
        PublicKey q2 = Pem.publicKey(pub);
        assertThat(EcKeys.keyId(q2)).isEqualTo(EcKeys.keyId(kp.getPublic())).hasSize(64);
        assertThat(EcKeys.keyId(EcKeys.publicOf(p2))).isEqualTo(EcKeys.keyId(kp.getPublic()));
    }

    @Test
    void readsAnOpenSslSec1Key() throws Exception {
        // openssl ecparam -name prime256v1 -genkey -noout (a throwaway test key, SEC1 form)
        String sec1 = """
                -----BEGIN EC PRIVATE KEY-----
                MHcCAQEEIFcAWut3rl3YTjJ6/mLcsbfMxtedd4/ca2yhvxZ+Lnr5oAoGCCqGSM49
                AwEHoUQDQgAEmuOqkcYfOI0SNGp252fXSIc/tB6+WMrmlWYp/cBJaPMPQn06Gla4
                JB5xdKMax0j9JNVL7UkTyaOlw10fgU07ow==
                -----END EC PRIVATE KEY-----
                """;
        Path f = dir.resolve("sec1.pem");
        Files.writeString(f, sec1);
        PrivateKey k = Pem.privateKey(f, null);
        byte[] sig = EcKeys.sign(k, new byte[] {42});
        assertThat(EcKeys.verify(EcKeys.publicOf(k), new byte[] {42}, sig)).isTrue();
    }

    @Test
    void badFilesAreClearErrorsWithoutContent() throws Exception {
        Path f = dir.resolve("bad.pem");
        Files.writeString(f, "-----BEGIN PUBLIC KEY-----\nnot base64 at all!\n-----END PUBLIC KEY-----\n");
        assertThatThrownBy(() -> Pem.publicKey(f)).hasMessageContaining(f.toString()).hasMessageNotContaining("not base64");
        assertThatThrownBy(() -> Pem.privateKey(dir.resolve("missing.pem"), null)).hasMessageContaining("does not exist");
        Files.writeString(f, "hello");
        assertThatThrownBy(() -> Pem.certificates(f)).hasMessageContaining("no PEM CERTIFICATE");
    }
}
