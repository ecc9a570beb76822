package org.metergate.wmbus.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.metergate.api.security.MeterKey;
import org.metergate.wmbus.DecoderOptions;
import org.metergate.wmbus.DecoderOptions.PlaintextPolicy;
import org.metergate.wmbus.WMBusDecoder;
import org.metergate.wmbus.WMBusException;
import org.metergate.wmbus.WMBusTelegram;

/**
 * Telegrams whose configuration field says mode 5 or 7 but whose payload is already clear (starts with
 * 2F2F): receivers that decrypt, and logs such as wmbusmeters' test data, deliver them. They are
 * detected and reported, never counted as decrypted; a meter whose key we hold must not send clear text.
 */
class PlaintextDespiteEncryptionFlagTest {

    /** wmbusmeters drivers/src/apator162.xmq (stored decrypted): mode 5, 6 blocks, clear records. */
    static final String APATOR = "6E4401062020202005077A9A0060852F2F0F0A734393CC0000435B0183001A54E06F630291342510030F00007B013E0B00003E0B"
            + "00003E0B00003E0B00003E0B00003E0B00003E0B0000650000003D0000003D0000003D00000000000000A0910CB003FFFFFFFFFFFFFFFFFFFFA62B";
    /** The OMS mode 7 example with its payload replaced by the clear records (as a decrypting receiver delivers it). */
    static final String OMS_MODE7_CLEAR = "434493157856341233038C2075900F002C25B30A000021924D4F2FB66E017A7500200710"
            + "2f2f0c1427048502046d32371f1502fd1700002f2f2f2f2f2f2f2f2f2f2f2f2f";

    private static WMBusDecoder decoder(MeterKey key, PlaintextPolicy policy) {
        return new WMBusDecoder(m -> Optional.ofNullable(key), DecoderOptions.defaults().withPlaintext(policy));
    }

    @Test
    void withoutKeyDecodedAndFlagged() throws WMBusException {
        WMBusTelegram t = decoder(null, PlaintextPolicy.REFUSE_WHEN_KEYED).decode(HexFormat.of().parseHex(OMS_MODE7_CLEAR));
        assertThat(t.security().status()).isEqualTo(SecurityStatus.PLAINTEXT_DESPITE_ENCRYPTION_FLAG);
        assertThat(t.security().decrypted()).isFalse();
        assertThat(t.security().authenticated()).isFalse();
        assertThat(t.security().mode()).isEqualTo(SecurityMode.MODE_7);
        assertThat(t.applicationData()).startsWith(0x2F, 0x2F, 0x0C, 0x14);
    }

    @Test
    void withTheMetersKeyRefusedByDefault() throws WMBusException {
        MeterKey key = MeterKey.ofHex("000102030405060708090A0B0C0D0E0F");
        for (String frame : new String[] {OMS_MODE7_CLEAR, APATOR}) {
            WMBusTelegram t = new WMBusDecoder(m -> Optional.of(key)).decode(HexFormat.of().parseHex(frame));
            assertThat(t.security().status()).isEqualTo(SecurityStatus.FAILED);
            assertThat(t.security().failure().kind()).isEqualTo(SecurityErrorKind.PLAINTEXT_REFUSED);
            assertThat(t.applicationData()).isEmpty();
        }
    }

    @Test
    void withTheMetersKeyAcceptedWhenTheOperatorSaysSo() throws WMBusException {
        MeterKey key = MeterKey.ofHex("000102030405060708090A0B0C0D0E0F");
        WMBusTelegram t = decoder(key, PlaintextPolicy.DECODE_AND_FLAG).decode(HexFormat.of().parseHex(APATOR));
        assertThat(t.security().status()).isEqualTo(SecurityStatus.PLAINTEXT_DESPITE_ENCRYPTION_FLAG);
    }

    @Test
    void refusedAlwaysWhenTheOperatorSaysSo() throws WMBusException {
        WMBusTelegram t = decoder(null, PlaintextPolicy.REFUSE).decode(HexFormat.of().parseHex(APATOR));
        assertThat(t.security().failure().kind()).isEqualTo(SecurityErrorKind.PLAINTEXT_REFUSED);
    }
}
