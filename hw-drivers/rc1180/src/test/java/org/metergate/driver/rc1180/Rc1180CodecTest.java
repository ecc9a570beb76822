package org.metergate.driver.rc1180;

import java.util.Random;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.metergate.api.radio.RadioModeId;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class Rc1180CodecTest {

    private static final HexFormat HEX = HexFormat.of().withUpperCase();
    /** Bmeters Hydrodigit T1 telegram, wmbusmeters drivers/src/hydrodigit.xmq. */
    private static final String HYDRODIGIT = "2144B4099163742315077A400000000C1399999999046D092A30340F050B01000000";

    private final List<String> faults = new ArrayList<>();
    private final List<Rc1180Codec.Packet> out = new ArrayList<>();
    private final Rc1180Codec codec = new Rc1180Codec((k, d) -> faults.add(k + " " + d), 500, true);

    private void feed(String hex, long at) {
        byte[] b = HEX.parseHex(hex);
        codec.feed(b, b.length, at, out::add);
    }

    /** The module's output with RSSI_MODE 1: length = L + 1, the telegram after L, the RSSI byte. */
    private static String output(String telegram, int rssi) {
        int l = Integer.parseInt(telegram.substring(0, 2), 16);
        return String.format("%02X", l + 1) + telegram.substring(2) + String.format("%02X", rssi);
    }

    @Test
    void aPacketIsTheTelegramWithItsRssiSplitAnywhere() {
        String p = output(HYDRODIGIT, 161);
        feed(p.substring(0, 2), 0);
        feed(p.substring(2, 30), 1);
        feed(p.substring(30), 2);
        assertThat(faults).isEmpty();
        assertThat(HEX.formatHex(out.get(0).frame())).isEqualTo(HYDRODIGIT);
        assertThat(out.get(0).rssi()).hasValue(161);
        assertThat(Rc1180Codec.rssiDbm(161)).isEqualTo(-80);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "noise | 0001020304 | FRAMING 5 bytes that start no packet skipped",
        "a length without a C-field | 2299 | FRAMING 2 bytes that start no packet skipped",
        "a prompt left over from configuration mode | 3E | FRAMING 1 bytes that start no packet skipped"})
    void junkIsSkippedAndCountedOncePerRun(String what, String junk, String fault) {
        feed(junk + output(HYDRODIGIT, 100), 0);
        assertThat(out).as(what).hasSize(1);
        assertThat(faults).as(what).containsExactly(fault);
    }

    @Test
    void aPacketCutOffBySilenceIsDropped() {
        feed(output(HYDRODIGIT, 100).substring(0, 20), 0);
        feed(output(HYDRODIGIT, 100), 900);
        assertThat(out).hasSize(1);
        assertThat(faults).containsExactly("FRAMING incomplete packet of 10 bytes dropped after 900 ms of silence");
    }

    @ParameterizedTest(name = "{0} -> MBUS_MODE {1}")
    @CsvSource({"T1, 1", "C1, 9", "T1 C1, 10", "T2 C2, 11", "S1, 3", "S2, 0", "T2, 2", "C2, 8", "S1 T1, 1",
        "S1 S2, 3"})
    void mbusModeTable(String requested, int code) {
        Set<RadioModeId> r = Stream.of(requested.split(" ")).map(RadioModeId::ofLabel)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(RadioModeId.class)));
        assertThat(Rc1180Mode.forReception(r).code()).isEqualTo(code);
    }

    @Test
    void randomBytesNeverThrowAndGoodPacketsStillDecodeAfterThem() {
        Random r = new Random(1180);
        for (int round = 0; round < 2000; round++) {
            byte[] junk = new byte[r.nextInt(64)];
            r.nextBytes(junk);
            codec.feed(junk, junk.length, round, out::add);
        }
        codec.reset();
        out.clear();
        feed(output(HYDRODIGIT, 100), 10_000);
        assertThat(out).hasSize(1);
        assertThat(faults).isNotEmpty();
    }
}
