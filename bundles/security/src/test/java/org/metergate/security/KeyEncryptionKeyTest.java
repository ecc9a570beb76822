package org.metergate.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.metergate.security.TestKeys.KEK128_HEX;
import static org.metergate.security.TestKeys.KEK256_HEX;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyEncryptionKeyTest {

    @TempDir
    Path dir;

    private static KeyEncryptionKey parse(String text) throws KeyEncryptionKeyException {
        return KeyEncryptionKey.parse(text.getBytes(StandardCharsets.ISO_8859_1), "test input");
    }

    private static byte[] keyBytes(KeyEncryptionKey kek) {
        return kek.secretKey().getEncoded();
    }

    @Test
    void readsHexOf128And256BitsInEitherCase() throws Exception {
        assertThat(keyBytes(parse(KEK128_HEX))).isEqualTo(TestKeys.bytes(KEK128_HEX));
        assertThat(keyBytes(parse(KEK128_HEX.toLowerCase()))).isEqualTo(TestKeys.bytes(KEK128_HEX));
        KeyEncryptionKey k256 = parse(KEK256_HEX);
        assertThat(k256.bits()).isEqualTo(256);
        assertThat(keyBytes(k256)).isEqualTo(TestKeys.bytes(KEK256_HEX));
    }

    @Test
    void readsBase64StandardUrlSafeAndUnpadded() throws Exception {
        byte[] k128 = TestKeys.bytes(KEK128_HEX);
        byte[] k256 = TestKeys.bytes(KEK256_HEX);
        assertThat(keyBytes(parse(Base64.getEncoder().encodeToString(k128)))).isEqualTo(k128);
        assertThat(keyBytes(parse(Base64.getEncoder().withoutPadding().encodeToString(k128)))).isEqualTo(k128);
        assertThat(keyBytes(parse(Base64.getEncoder().encodeToString(k256)))).isEqualTo(k256);
        // this key's standard base64 holds '+' or '/', its URL-safe form '-' or '_'
        String url = Base64.getUrlEncoder().encodeToString(k256);
        assertThat(url).containsAnyOf("-", "_");
        assertThat(keyBytes(parse(url))).isEqualTo(k256);
    }

    @Test
    void ignoresSurroundingWhitespaceAndATrailingNewline() throws Exception {
        assertThat(keyBytes(parse("  " + KEK128_HEX + "\r\n"))).isEqualTo(TestKeys.bytes(KEK128_HEX));
    }

    @Test
    void rejectsWrongSizesAndShapesWithoutEchoingThem() {
        String[] bad = {
            KEK128_HEX.substring(2),                                      // 30 hex digits
            KEK128_HEX + "AB",                                            // 34 hex digits
            KEK128_HEX.substring(0, 16) + " " + KEK128_HEX.substring(16), // two words
            Base64.getEncoder().encodeToString(TestKeys.bytes(KEK128_HEX.substring(2))), // base64 of 15 bytes
            KEK128_HEX.replace('A', '!'),                                 // neither hex nor base64
        };
        for (String text : bad) {
            assertThatThrownBy(() -> parse(text))
                    .isInstanceOf(KeyEncryptionKeyException.class)
                    .hasMessageStartingWith("test input")
                    .satisfies(e -> LeakCheck.assertNoSecret(e.getMessage(), TestKeys.SECRETS))
                    .satisfies(e -> assertThat(e.getCause()).isNull());
        }
        assertThatThrownBy(() -> parse(" \n")).isInstanceOf(KeyEncryptionKeyException.class).hasMessage("test input is empty");
    }

    @Test
    void readsAFileAndReportsMissingOrOversizedFiles() throws Exception {
        Path file = dir.resolve("kek");
        Files.writeString(file, KEK256_HEX + "\n");
        KeyEncryptionKey kek = KeyEncryptionKey.fromFile(file);
        assertThat(keyBytes(kek)).isEqualTo(TestKeys.bytes(KEK256_HEX));
        assertThat(kek.source()).isEqualTo("key-encryption key file " + file);

        assertThatThrownBy(() -> KeyEncryptionKey.fromFile(dir.resolve("missing")))
                .isInstanceOf(KeyEncryptionKeyException.class)
                .hasMessage("key-encryption key file " + dir.resolve("missing") + " does not exist or is not a regular file");
        Files.writeString(file, KEK128_HEX.repeat(200));
        assertThatThrownBy(() -> KeyEncryptionKey.fromFile(file))
                .isInstanceOf(KeyEncryptionKeyException.class)
                .hasMessageContaining("has 6400 bytes")
                .satisfies(e -> LeakCheck.assertNoSecret(e.getMessage(), TestKeys.SECRETS));
    }

    @Test
    void readsAnEnvironmentVariable() throws Exception {
        KeyEncryptionKey kek = KeyEncryptionKey.fromEnvironment("MG_KEK", Map.of("MG_KEK", KEK128_HEX));
        assertThat(keyBytes(kek)).isEqualTo(TestKeys.bytes(KEK128_HEX));
        assertThat(kek.source()).isEqualTo("environment variable MG_KEK");
        assertThatThrownBy(() -> KeyEncryptionKey.fromEnvironment("MG_KEK", Map.of()))
                .isInstanceOf(KeyEncryptionKeyException.class).hasMessage("environment variable MG_KEK is not set");
        assertThatThrownBy(() -> KeyEncryptionKey.fromEnvironment("MG_KEK", Map.of("MG_KEK", "tooshort")))
                .isInstanceOf(KeyEncryptionKeyException.class).hasMessageStartingWith("environment variable MG_KEK: expected");
    }

    @Test
    void showsNoKeyAndCannotBeUsedOnceDestroyed() throws Exception {
        KeyEncryptionKey kek = parse(KEK128_HEX);
        assertThat(kek).hasToString("KeyEncryptionKey[AES-128, test input]");
        kek.destroy();
        assertThat(kek.isDestroyed()).isTrue();
        assertThatThrownBy(kek::secretKey).isInstanceOf(IllegalStateException.class);
        assertThat(kek.toString()).endsWith(", destroyed]");
    }

    @Test
    void generatesRandomKeysOfTheTwoSizes() {
        SecureRandom random = new SecureRandom();
        assertThat(KeyEncryptionKey.generate(128, random).bits()).isEqualTo(128);
        assertThat(keyBytes(KeyEncryptionKey.generate(256, random))).isNotEqualTo(keyBytes(KeyEncryptionKey.generate(256, random)));
        assertThatThrownBy(() -> KeyEncryptionKey.generate(192, random)).isInstanceOf(IllegalArgumentException.class);
    }
}
