package org.metergate.security;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.metergate.api.meter.MeterId;
import org.metergate.api.security.MeterKey;

/**
 * Keys and meters for the tests. The key values are made up; every 8-character window of each hex
 * form holds a letter, so a leak check cannot be fooled by digit-only text such as temp dir names.
 */
public final class TestKeys {

    public static final MeterId KAM = MeterId.parse("KAM-12345678");
    public static final MeterId LSE = MeterId.parse("LSE-0000AB12");
    public static final MeterId ELS = MeterId.parse("ELS-87654321");

    public static final String KAM_HEX = "A7F3C9E1B5D2F4A6C8E0B1D3F5A7C9E2";
    public static final String LSE_HEX = "5E8B2D7F4A1C9E6B3D8F2A5C7E1B4D9F";
    public static final String ELS_HEX = "C3E5A7B9D1F3E5A7B9D1C3E5F7A9B1D4";
    public static final String DEFAULT_HEX = "D4C3B2A1F6E5D4C3B2A1F6E5D4C3B2AE";

    public static final String KEK128_HEX = "9F8E7D6C5B4A39281706F5E4D3C2B1A0";
    public static final String KEK256_HEX = "1A2B3C4D5E6F708192A3B4C5D6E7F8091A2B3C4D5E6F708192A3B4C5D6E7F80A";
    public static final String OTHER_KEK_HEX = "0AB1C2D3E4F5A6B7C8D9EAFB0C1D2E3F";

    public static final MeterKey KAM_KEY = MeterKey.ofHex(KAM_HEX);
    public static final MeterKey LSE_KEY = MeterKey.ofHex(LSE_HEX);
    public static final MeterKey ELS_KEY = MeterKey.ofHex(ELS_HEX);
    public static final MeterKey DEFAULT_KEY = MeterKey.ofHex(DEFAULT_HEX);

    /** Every secret above, in hex, for leak checks. */
    public static final List<String> SECRETS = List.of(KAM_HEX, LSE_HEX, ELS_HEX, DEFAULT_HEX, KEK128_HEX, KEK256_HEX, OTHER_KEK_HEX);

    private TestKeys() {
    }

    public static KeyEncryptionKey kek128() throws KeyEncryptionKeyException {
        return kek(KEK128_HEX);
    }

    public static KeyEncryptionKey kek256() throws KeyEncryptionKeyException {
        return kek(KEK256_HEX);
    }

    public static KeyEncryptionKey otherKek() throws KeyEncryptionKeyException {
        return kek(OTHER_KEK_HEX);
    }

    public static KeyEncryptionKey kek(String text) throws KeyEncryptionKeyException {
        return KeyEncryptionKey.parse(text.getBytes(StandardCharsets.US_ASCII), "test");
    }

    public static byte[] bytes(String hex) {
        byte[] b = new byte[hex.length() / 2];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) Integer.parseInt(hex, 2 * i, 2 * i + 2, 16);
        }
        return b;
    }
}
