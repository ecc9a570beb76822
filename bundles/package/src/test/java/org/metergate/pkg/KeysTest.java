package org.metergate.pkg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Keys and signatures against outside references: the Ed25519 test vectors of RFC 8032 section 7.1,
 * and keys and signatures made by OpenSSL 3.0 (commands below), so packages signed with OpenSSL-made
 * keys verify on a gateway and the other way round.
 *
 * <pre>
 * openssl ecparam -name brainpoolP256r1 -genkey -noout -out bp.pem;  openssl ec -in bp.pem -pubout -out bp.pub
 * openssl ecparam -name prime256v1 -genkey -noout -out p256.pem;     openssl ec -in p256.pem -pubout -out p256.pub
 * openssl genpkey -algorithm ed25519 -out ed.pem;                    openssl pkey -in ed.pem -pubout -out ed.pub
 * printf 'metergate interop vector\n' > msg
 * openssl dgst -sha256 -sign bp.pem -out bp.sig msg;  openssl dgst -sha256 -sign p256.pem -out p256.sig msg
 * openssl pkeyutl -sign -inkey ed.pem -rawin -in msg -out ed.sig
 * </pre>
 * These keys are test vectors, published here: never trust them on a gateway.
 */
class KeysTest {

    static final byte[] MESSAGE = "metergate interop vector\n".getBytes(StandardCharsets.US_ASCII);

    static final String BRAINPOOL_KEY =
            "-----BEGIN EC PRIVATE KEY-----\n" +
            "MHgCAQEEIIxPTff9RnvL0ZXvFrN+4JT3p/6mnApU35W//X5sH64noAsGCSskAwMC\n" +
            "CAEBB6FEA0IABKltJCtce9gqVASq20qPWKT9uEkFcgl1xo7+SHLNQga0TlUHVhI4\n" +
            "9wrIX3p3Vyh8qn6ruxeD1Vju7rUajaVPjfs=\n" +
            "-----END EC PRIVATE KEY-----\n";
    static final String BRAINPOOL_PUB =
            "-----BEGIN PUBLIC KEY-----\n" +
            "MFowFAYHKoZIzj0CAQYJKyQDAwIIAQEHA0IABKltJCtce9gqVASq20qPWKT9uEkF\n" +
            "cgl1xo7+SHLNQga0TlUHVhI49wrIX3p3Vyh8qn6ruxeD1Vju7rUajaVPjfs=\n" +
            "-----END PUBLIC KEY-----\n";
    static final String BRAINPOOL_SIG = "MEUCIDhD1uI3RogXnt80cYy5ed3mbDyR+zB/U+9xquDPQTEeAiEAhh8C9yRXYWNZw/qQH8hy5tgXfOG49uTA7EU3PlOMwV8=";

    static final String P256_KEY =
            "-----BEGIN EC PRIVATE KEY-----\n" +
            "MHcCAQEEII+h35R62yxO8Ore7+XQsvFQ9vRMEnWxKabsb7lBN/Q0oAoGCCqGSM49\n" +
            "AwEHoUQDQgAEDx1sU9RH84byuyGXDjNrxp6JMIUlKBziD7SPRlfbu13hePJamFg+\n" +
            "ZhBiL9SUL0KZskeMI9jLaC0H1WxdPKrj+w==\n" +
            "-----END EC PRIVATE KEY-----\n";
    static final String P256_PUB =
            "-----BEGIN PUBLIC KEY-----\n" +
            "MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEDx1sU9RH84byuyGXDjNrxp6JMIUl\n" +
            "KBziD7SPRlfbu13hePJamFg+ZhBiL9SUL0KZskeMI9jLaC0H1WxdPKrj+w==\n" +
            "-----END PUBLIC KEY-----\n";
    static final String P256_SIG = "MEQCIDLg4P7GjmZpuTlP8Y1dkny+nc04Fu0A80Xj2tvAVWvEAiBBUupUKLGaevONcQl+/RQyyhuwSFeEIXMN1unFxjqjug==";

    static final String ED25519_KEY =
            "-----BEGIN PRIVATE KEY-----\n" +
            "MC4CAQAwBQYDK2VwBCIEINH+kSO/iw8yHO3nVjffb0H72cp3eefHttTqbc5SF7ia\n" +
            "-----END PRIVATE KEY-----\n";
    static final String ED25519_PUB =
            "-----BEGIN PUBLIC KEY-----\n" +
            "MCowBQYDK2VwAyEAbWcDl4Cp4Vr5WI1Ho1aFKsaDtHDk63tK+gZ8jtDJn4Y=\n" +
            "-----END PUBLIC KEY-----\n";
    static final String ED25519_SIG = "qNuBsmt+Ik36KbYRRnn5kpBEN6gm1eXXbEPbwoIGAArzhIwVeE0nwDN4Tgce626Czk7UlSs27M6i+AA0ueXZBg==";

    @TempDir
    Path dir;

    private Path file(String name, String content) throws Exception {
        Path p = dir.resolve(name);
        Files.writeString(p, content, StandardCharsets.US_ASCII);
        return p;
    }

    @Test
    void openSslSignaturesVerifyWithOpenSslPublicKeys() throws Exception {
        check(BRAINPOOL_PUB, BRAINPOOL_SIG, SignatureAlgorithm.ECDSA_BRAINPOOL_P256R1);
        check(P256_PUB, P256_SIG, SignatureAlgorithm.ECDSA_P256);
        check(ED25519_PUB, ED25519_SIG, SignatureAlgorithm.ED25519);
    }

    private void check(String pub, String sig, SignatureAlgorithm expected) throws Exception {
        List<TrustAnchor> anchors = Keys.readTrustAnchors(file("anchor.pem", pub));
        assertThat(anchors).hasSize(1);
        TrustAnchor a = anchors.get(0);
        assertThat(a.algorithm()).isEqualTo(expected);
        byte[] signature = Base64.getDecoder().decode(sig);
        assertThat(Crypto.verify(a.algorithm(), a.publicKey(), MESSAGE, signature)).isTrue();
        byte[] other = MESSAGE.clone();
        other[0] ^= 1;
        assertThat(Crypto.verify(a.algorithm(), a.publicKey(), other, signature)).isFalse();
        assertThat(Crypto.verify(a.algorithm(), a.publicKey(), MESSAGE, new byte[] {0x30, 0x00})).isFalse();
    }

    @Test
    void openSslPrivateKeysSignWhatTheirPublicKeysVerify() throws Exception {
        String[][] pairs = {{BRAINPOOL_KEY, BRAINPOOL_PUB}, {P256_KEY, P256_PUB}, {ED25519_KEY, ED25519_PUB}};
        for (String[] p : pairs) {
            SigningKey key = Keys.readSigningKey(file("key.pem", p[0]));
            TrustAnchor anchor = Keys.readTrustAnchors(file("pub.pem", p[1])).get(0);
            assertThat(key.keyId()).as("the key id of the private key's public half").isEqualTo(anchor.keyId());
            assertThat(Crypto.verify(anchor.algorithm(), anchor.publicKey(), MESSAGE, key.sign(MESSAGE))).isTrue();
            assertThat(key.toString()).doesNotContain(p[0].split("\n")[1]);
        }
    }

    @Test
    void rfc8032Ed25519Vectors() throws Exception {
        // RFC 8032, 7.1, TEST 1 (empty message) and TEST 2 (one byte, 0x72)
        verifyRaw("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a", "",
                "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b");
        verifyRaw("3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c", "72",
                "92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00");
    }

    private static void verifyRaw(String publicKey, String message, String signature) throws Exception {
        HexFormat hex = HexFormat.of();
        byte[] spki = hex.parseHex("302a300506032b6570032100" + publicKey);
        var key = KeyFactory.getInstance("Ed25519", Crypto.provider()).generatePublic(new X509EncodedKeySpec(spki));
        assertThat(Crypto.verify(SignatureAlgorithm.ED25519, key, hex.parseHex(message), hex.parseHex(signature))).isTrue();
    }

    @ParameterizedTest
    @EnumSource(SignatureAlgorithm.class)
    void generatedKeysSurviveAPemRoundTrip(SignatureAlgorithm algorithm) throws Exception {
        SigningKey key = SigningKey.generate(algorithm);
        SigningKey again = Keys.readSigningKey(file("k.pem", Keys.privateKeyPem(key)));
        TrustAnchor anchor = Keys.readTrustAnchors(file("k.pub", Keys.publicKeyPem(key.publicKey()))).get(0);
        assertThat(again.algorithm()).isEqualTo(algorithm);
        assertThat(again.keyId()).isEqualTo(key.keyId()).isEqualTo(anchor.keyId());
        assertThat(Crypto.verify(algorithm, anchor.publicKey(), MESSAGE, again.sign(MESSAGE))).isTrue();
    }

    @Test
    void aTrustDirectoryReadsEveryAnchorFileAndRefusesABadOne() throws Exception {
        Path trust = Files.createDirectory(dir.resolve("trust"));
        Files.writeString(trust.resolve("operator-a.pem"), P256_PUB + ED25519_PUB);
        Files.writeString(trust.resolve("operator-b.pub"), BRAINPOOL_PUB);
        Files.writeString(trust.resolve("notes.txt"), "not an anchor");
        assertThat(Keys.readTrustDirectory(trust)).extracting(TrustAnchor::algorithm).containsExactly(
                SignatureAlgorithm.ECDSA_P256, SignatureAlgorithm.ED25519, SignatureAlgorithm.ECDSA_BRAINPOOL_P256R1);
        assertThat(Keys.readTrustDirectory(dir.resolve("absent"))).isEmpty();

        Files.writeString(trust.resolve("oops.pem"), P256_KEY);
        assertThatThrownBy(() -> Keys.readTrustDirectory(trust)).isInstanceOf(PackageException.class)
                .hasMessageContaining("oops.pem").hasMessageContaining("public keys or certificates only")
                .hasMessageNotContaining(P256_KEY.split("\n")[1]);
    }

    @Test
    void keysOnOtherCurvesAreRefused() throws Exception {
        // secp384r1 public key (openssl ecparam -name secp384r1 -genkey | openssl ec -pubout)
        String p384 = "-----BEGIN PUBLIC KEY-----\n" + "MHYwEAYHKoZIzj0CAQYFK4EEACIDYgAEprneoFDHBHFDJGgRt/P03sXqahO8egwk\n" + "I05KF7gce+ZBlxsJi5l9xj4+mUEDC+F3z6FLaSUs03ipDLbxM3M45DfrlQ1886zo\n" + "HfZA7OWzYv7vZnmUEUJGHymdCJBYftQP\n" + "-----END PUBLIC KEY-----\n";
        assertThatThrownBy(() -> Keys.readTrustAnchors(file("p384.pem", p384))).isInstanceOf(PackageException.class)
                .satisfies(e -> assertThat(((PackageException) e).reason()).isEqualTo(PackageException.Reason.KEY));
        assertThatThrownBy(() -> Keys.readSigningKey(file("none.pem", "hello"))).isInstanceOf(PackageException.class)
                .hasMessageContaining("none.pem");
        assertThatThrownBy(() -> Keys.readSigningKey(dir.resolve("missing.pem"))).isInstanceOf(PackageException.class)
                .hasMessageContaining("does not exist");
    }
}
