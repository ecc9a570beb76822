package org.metergate.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.metergate.security.TestKeys.DEFAULT_HEX;
import static org.metergate.security.TestKeys.DEFAULT_KEY;
import static org.metergate.security.TestKeys.KAM;
import static org.metergate.security.TestKeys.KAM_HEX;
import static org.metergate.security.TestKeys.KAM_KEY;
import static org.metergate.security.TestKeys.KEK128_HEX;
import static org.metergate.security.TestKeys.LSE;
import static org.metergate.security.TestKeys.LSE_HEX;
import static org.metergate.security.TestKeys.LSE_KEY;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.metergate.security.KeyStoreFileException.Reason;

/** The at-rest format, checked against its specification in the package documentation. */
class KeyStoreFileTest {

    private static final Path PATH = Path.of("/data/keys/meter-keys.store");
    private static final MeterKeys KEYS = MeterKeys.of(Map.of(LSE, LSE_KEY, KAM, KAM_KEY), Optional.of(DEFAULT_KEY));
    private final SecureRandom random = new SecureRandom();

    /** Decrypts a file with nothing but the JDK and the layout the documentation gives. */
    private static byte[] decryptAsDocumented(byte[] file, String kekHex, byte[] aad) throws Exception {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(TestKeys.bytes(kekHex), "AES"),
                new GCMParameterSpec(128, Arrays.copyOfRange(file, 8, 20)));
        cipher.updateAAD(aad);
        return cipher.doFinal(file, 20, file.length - 20);
    }

    /** Encrypts any payload under any header, as a writer following the documentation would. */
    private static byte[] encryptAsDocumented(byte[] header, byte[] payload, String kekHex) throws Exception {
        byte[] nonce = new byte[12];
        new SecureRandom().nextBytes(nonce);
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(TestKeys.bytes(kekHex), "AES"), new GCMParameterSpec(128, nonce));
        cipher.updateAAD(header);
        byte[] sealed = cipher.doFinal(payload);
        return ByteBuffer.allocate(header.length + 12 + sealed.length).put(header).put(nonce).put(sealed).array();
    }

    @Test
    void layoutIsHeaderNonceCiphertextAndTag() throws Exception {
        byte[] file = KeyStoreFile.seal(KEYS, TestKeys.kek128(), random);

        byte[] header = HexFormat.of().parseHex("4D474B4559530001"); // "MGKEYS", version 1
        assertThat(Arrays.copyOf(file, 8)).isEqualTo(header);
        int payloadLength = 1 + 16 + 4 + 2 * 22;
        assertThat(file).hasSize(8 + 12 + payloadLength + 16);

        byte[] payload = decryptAsDocumented(file, KEK128_HEX, header);
        String expected = "01" + DEFAULT_HEX + "00000002"
                + HexFormat.of().withUpperCase().formatHex(new byte[] {(byte) (KAM.manufacturer().id() >> 8), (byte) KAM.manufacturer().id()})
                + "12345678" + KAM_HEX
                + HexFormat.of().withUpperCase().formatHex(new byte[] {(byte) (LSE.manufacturer().id() >> 8), (byte) LSE.manufacturer().id()})
                + "0000AB12" + LSE_HEX;
        assertThat(HexFormat.of().withUpperCase().formatHex(payload)).isEqualTo(expected);
        // KAM = ((11*32)+1)*32+13 = 0x2C2D, LSE = ((12*32)+19)*32+5 = 0x3265
        assertThat(expected).contains("2C2D12345678", "32650000AB12");
    }

    @Test
    void theHeaderIsAuthenticated() throws Exception {
        byte[] file = KeyStoreFile.seal(KEYS, TestKeys.kek128(), random);
        byte[] otherAad = HexFormat.of().parseHex("4D474B4559530002");
        assertThatThrownBy(() -> decryptAsDocumented(file, KEK128_HEX, otherAad)).isInstanceOf(javax.crypto.AEADBadTagException.class);
    }

    @Test
    void everyWriteHasAFreshNonce() throws Exception {
        KeyEncryptionKey kek = TestKeys.kek128();
        byte[] first = KeyStoreFile.seal(KEYS, kek, random);
        byte[] second = KeyStoreFile.seal(KEYS, kek, random);
        assertThat(Arrays.copyOfRange(first, 8, 20)).isNotEqualTo(Arrays.copyOfRange(second, 8, 20));
        assertThat(Arrays.copyOfRange(first, 20, first.length)).isNotEqualTo(Arrays.copyOfRange(second, 20, second.length));
        assertThat(KeyStoreFile.open(first, kek, PATH)).isEqualTo(KEYS);
        assertThat(KeyStoreFile.open(second, kek, PATH)).isEqualTo(KEYS);
    }

    @Test
    void holdsNoKeyInClear() throws Exception {
        byte[] file = KeyStoreFile.seal(KEYS, TestKeys.kek256(), random);
        LeakCheck.assertNoSecret(file, TestKeys.SECRETS);
        LeakCheck.assertNoSecret(new String(file, java.nio.charset.StandardCharsets.ISO_8859_1), TestKeys.SECRETS);
    }

    @Test
    void roundTripsEmptyAndWith256BitKek() throws Exception {
        KeyEncryptionKey kek = TestKeys.kek256();
        assertThat(KeyStoreFile.open(KeyStoreFile.seal(MeterKeys.empty(), kek, random), kek, PATH)).isEqualTo(MeterKeys.empty());
        assertThat(KeyStoreFile.open(KeyStoreFile.seal(KEYS, kek, random), kek, PATH)).isEqualTo(KEYS);
    }

    @Test
    void aFlipOfAnyBitOfAnyByteGivesATypedError() throws Exception {
        KeyEncryptionKey kek = TestKeys.kek128();
        byte[] file = KeyStoreFile.seal(KEYS, kek, random);
        for (int i = 0; i < file.length; i++) {
            for (int bit = 0; bit < 8; bit++) {
                byte[] tampered = file.clone();
                tampered[i] ^= (byte) (1 << bit);
                Reason expected = i < 6 ? Reason.NOT_A_KEY_STORE : i < 8 ? Reason.UNSUPPORTED_VERSION : Reason.UNDECRYPTABLE;
                int at = i;
                assertThatThrownBy(() -> KeyStoreFile.open(tampered, kek, PATH))
                        .as("byte %d bit %d", at, bit)
                        .isInstanceOfSatisfying(KeyStoreFileException.class, e -> assertThat(e.reason()).isEqualTo(expected));
            }
        }
    }

    @Test
    void aWrongKekOrAModifiedFileSaySo() throws Exception {
        byte[] file = KeyStoreFile.seal(KEYS, TestKeys.kek128(), random);
        assertThatThrownBy(() -> KeyStoreFile.open(file, TestKeys.otherKek(), PATH))
                .isInstanceOfSatisfying(KeyStoreFileException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.UNDECRYPTABLE);
                    assertThat(e.file()).isEqualTo(PATH);
                })
                .hasMessage("key store " + PATH + " cannot be decrypted: wrong key-encryption key or the file was modified");
        byte[] longer = Arrays.copyOf(file, file.length + 1);
        assertThatThrownBy(() -> KeyStoreFile.open(longer, TestKeys.kek128(), PATH))
                .isInstanceOfSatisfying(KeyStoreFileException.class, e -> assertThat(e.reason()).isEqualTo(Reason.UNDECRYPTABLE));
    }

    @Test
    void truncationsGiveTypedErrors() throws Exception {
        KeyEncryptionKey kek = TestKeys.kek128();
        byte[] file = KeyStoreFile.seal(KEYS, kek, random);
        for (int length = 0; length < file.length; length++) {
            byte[] cut = Arrays.copyOf(file, length);
            Reason expected = length < 8 + 12 + 16 ? Reason.TRUNCATED : Reason.UNDECRYPTABLE;
            int at = length;
            assertThatThrownBy(() -> KeyStoreFile.open(cut, kek, PATH)).as("length %d", at)
                    .isInstanceOfSatisfying(KeyStoreFileException.class, e -> assertThat(e.reason()).isEqualTo(expected));
        }
    }

    @Test
    void anotherVersionIsRefusedEvenWhenAuthentic() throws Exception {
        byte[] header = HexFormat.of().parseHex("4D474B4559530002");
        byte[] file = encryptAsDocumented(header, KeyStoreFile.payload(KEYS), KEK128_HEX);
        assertThatThrownBy(() -> KeyStoreFile.open(file, TestKeys.kek128(), PATH))
                .isInstanceOfSatisfying(KeyStoreFileException.class, e -> assertThat(e.reason()).isEqualTo(Reason.UNSUPPORTED_VERSION))
                .hasMessage("key store " + PATH + " has format version 2; this gateway reads version 1");
    }

    @Test
    void aForeignFileIsNotAKeyStore() throws Exception {
        byte[] text = "KAM-12345678 00112233445566778899AABBCCDDEEFF\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        assertThatThrownBy(() -> KeyStoreFile.open(text, TestKeys.kek128(), PATH))
                .isInstanceOfSatisfying(KeyStoreFileException.class, e -> assertThat(e.reason()).isEqualTo(Reason.NOT_A_KEY_STORE))
                .hasMessageStartingWith(PATH + " is not a Metergate key store");
    }

    @Test
    void anAuthenticButMalformedPayloadIsCorrupt() throws Exception {
        byte[] header = KeyStoreFile.header();
        byte[][] payloads = {
            HexFormat.of().parseHex("02" + "00000000"),                        // unknown flag
            HexFormat.of().parseHex("00" + "00000001"),                        // one entry announced, none follows
            HexFormat.of().parseHex("01" + DEFAULT_HEX.substring(0, 10)),      // default key cut short
            HexFormat.of().parseHex("00" + "00000002" + "2C2D12345678" + KAM_HEX + "2C2D12345678" + LSE_HEX), // repeated meter
            HexFormat.of().parseHex("00" + "00000001" + "AC2D12345678" + KAM_HEX), // manufacturer field with bit 15
        };
        for (byte[] payload : payloads) {
            byte[] file = encryptAsDocumented(header, payload, KEK128_HEX);
            assertThatThrownBy(() -> KeyStoreFile.open(file, TestKeys.kek128(), PATH))
                    .isInstanceOfSatisfying(KeyStoreFileException.class, e -> assertThat(e.reason()).isEqualTo(Reason.CORRUPT))
                    .hasMessageStartingWith("key store " + PATH + " decrypts but its content is malformed: ")
                    .satisfies(e -> LeakCheck.assertNoSecret(e.getMessage(), TestKeys.SECRETS));
        }
    }
}
