package org.metergate.driver.amb8465;

import java.util.Random;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The AMB8465 command frames (0xFF, command, length, data, XOR checksum) and transparent telegrams. */
class AmberCodecTest {

    private static final HexFormat HEX = HexFormat.of().withUpperCase();
    /** Sensus iPERL T1 telegram, wmbusmeters drivers/src/iperl.xmq. */
    private static final String IPERL = "1844AE4C4455223368077A55000000041389E20100023B0000";

    private final List<String> faults = new ArrayList<>();
    private final List<AmberMessage> out = new ArrayList<>();
    private final AmberCodec codec = new AmberCodec((k, d) -> faults.add(k + " " + d), 500, true);

    private void feed(String hex) {
        byte[] b = HEX.parseHex(hex);
        codec.feed(b, b.length, 0, out::add);
    }

    /** CMD_DATA_IND as the module sends it with RSSI_Enable: length = L + 1, data from the C-field, RSSI, checksum. */
    static String dataInd(String telegram, int rssi) {
        byte[] t = HEX.parseHex(telegram);
        byte[] f = new byte[t.length + 4];
        f[0] = (byte) 0xFF;
        f[1] = 0x03;
        f[2] = (byte) t.length; // (L-field + 1 for the RSSI) = bytes after L + 1 = t.length
        System.arraycopy(t, 1, f, 3, t.length - 1);
        f[f.length - 2] = (byte) rssi;
        f[f.length - 1] = (byte) AmberCodec.xor(f, f.length - 1);
        return HEX.formatHex(f);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        // the manual's examples: CMD_SERIALNO_REQ, CMD_FWV_REQ, CMD_RSSI_REQ, CMD_RESET_REQ
        "SERIALNO_REQ, '', FF0B00F4",
        "FWV_REQ, '', FF0C00F3",
        "RSSI_REQ, '', FF0D00F2",
        "RESET_REQ, '', FF0500FA",
        "SET_MODE_REQ, 08, FF040108F2",
        "GET_REQ, 4501, FF0A024501B3"})
    void commandsAreFramedWithTheXorOfAllBytes(AmberCommand command, String payload, String expected) {
        assertThat(HEX.formatHex(AmberCodec.encode(command, HEX.parseHex(payload)))).isEqualTo(expected);
    }

    @Test
    void theManualsConfirmationExamplesDecode() {
        feed("FF8C0302000674"); // CMD_FWV_REQ confirmation for version 2.0.6, from the manual
        feed("FF86010B73"); // CMD_SET_CHANNEL_REQ confirmation for channel 11, from the manual
        assertThat(faults).isEmpty();
        assertThat(out).hasSize(2);
        assertThat(((AmberMessage.Command) out.get(1)).command()).isEqualTo(0x86);
        assertThat(((AmberMessage.Command) out.get(1)).payload()).containsExactly(0x0B);
    }

    @Test
    void dataIndicationBecomesTheTelegramWithItsRssi() {
        String f = dataInd(IPERL, 0x50);
        feed(f.substring(0, 10));
        assertThat(out).isEmpty();
        feed(f.substring(10));
        assertThat(faults).isEmpty();
        AmberMessage.Telegram t = (AmberMessage.Telegram) out.get(0);
        assertThat(HEX.formatHex(t.frame())).isEqualTo(IPERL);
        assertThat(t.rssi()).hasValue(0x50);
    }

    @Test
    void transparentOutputIsLengthDataRssi() {
        // transparent: the length byte counts the RSSI byte too (L + 1)
        String body = IPERL.substring(2);
        feed("19" + body + "A0");
        AmberMessage.Telegram t = (AmberMessage.Telegram) out.get(0);
        assertThat(HEX.formatHex(t.frame())).isEqualTo(IPERL);
        assertThat(t.rssi()).hasValue(0xA0);
        codec.rssiAppended(false);
        feed(IPERL);
        assertThat(((AmberMessage.Telegram) out.get(1)).rssi()).isEmpty();
        assertThat(faults).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "noise | 0102030405 | FRAMING 5 bytes that start no frame skipped",
        "bad checksum | FF0B0412345678FF | CHECKSUM command 0x0B: checksum FF, computed",
        "unknown command | FF6101009F | UNKNOWN_MESSAGE command 0x61 with 1 bytes",
        "too short indication | FF0302AABBEF | FRAMING CMD_DATA_IND with 2 data bytes is no telegram",
        "length with an invalid C-field | 1912 | FRAMING 1 bytes that start no frame skipped"})
    void badInputIsCountedAndTheNextTelegramStillComes(String what, String bad, String fault) {
        feed(bad);
        feed(dataInd(IPERL, 0x40));
        assertThat(out).as(what).hasSize(1);
        assertThat(faults).as(what).isNotEmpty();
        assertThat(faults.get(0)).startsWith(fault);
    }

    @Test
    void randomBytesNeverThrowAndGoodFramesStillDecodeAfterThem() {
        Random r = new Random(8465);
        for (int round = 0; round < 2000; round++) {
            byte[] junk = new byte[r.nextInt(64)];
            r.nextBytes(junk);
            if (r.nextInt(4) == 0 && junk.length > 0) {
                junk[0] = (byte) 0xFF;
            }
            codec.feed(junk, junk.length, round, out::add);
        }
        codec.reset();
        out.clear();
        feed(dataInd(IPERL, 0x40));
        assertThat(out).hasSize(1);
        assertThat(faults).isNotEmpty();
    }
}
