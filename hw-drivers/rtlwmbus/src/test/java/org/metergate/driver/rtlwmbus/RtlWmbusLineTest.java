package org.metergate.driver.rtlwmbus;

import java.util.Random;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDateTime;
import java.util.HexFormat;
import org.metergate.api.radio.RadioModeId;
import org.metergate.serial.support.FaultKind;
import org.metergate.serial.support.FrameFormatException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class RtlWmbusLineTest {

    /** A real rtl_wmbus line, quoted in wmbusmeters' src/wmbus_rtlwmbus.cc. */
    static final String REAL_C1 = "C1;1;1;2019-02-09 07:14:18.000;117;102;94740459;0x49449344590474943508780dff5f350082"
            + "7f0000f10007b06effff530100005f2c620100007f2118010000008000800080008000000000000000000e003f005500d4ff2f046d1008"
            + "6922";

    @Test
    void aRealLine() throws Exception {
        RtlWmbusLine l = RtlWmbusLine.parse(REAL_C1);
        assertThat(l.mode()).isEqualTo(RadioModeId.C1);
        assertThat(l.crcOk()).isTrue();
        assertThat(l.codingOk()).isTrue();
        assertThat(l.time()).isEqualTo(LocalDateTime.of(2019, 2, 9, 7, 14, 18));
        assertThat(l.packetRssi()).isEqualTo(117.0);
        assertThat(l.id()).isEqualTo("94740459");
        assertThat(l.datagrams()).singleElement().satisfies(d -> {
            assertThat(d).hasSize(74);
            assertThat(d[0] & 0xFF).isEqualTo(0x49);
        });
    }

    @Test
    void twoDatagramsOnOneLine() throws Exception {
        RtlWmbusLine l = RtlWmbusLine.parse("T1;1;1;2019-03-25 10:26:02.000;97;148;12345678;"
                + "0x1844AE4C4455223368077A55000000041389E20100023B0000;0x0C4468506935639176F0A0019F");
        assertThat(l.datagrams()).hasSize(2);
        assertThat(HexFormat.of().withUpperCase().formatHex(l.datagrams().get(1))).isEqualTo("0C4468506935639176F0A0019F");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "rtl_sdr talk | Found 1 device(s): | UNKNOWN_MESSAGE | not an rtl_wmbus datagram line",
        "too few fields | T1;1;1;2019-03-25 10:26:02.000;97 | FRAMING | 5 fields, expected 8",
        "bad flag | T1;x;1;2019-03-25 10:26:02.000;97;148;1;0x0C4468506935639176F0A0019F | FRAMING | CRC_OK is neither 0 nor 1",
        "bad time | T1;1;1;yesterday;97;148;1;0x0C4468506935639176F0A0019F | FRAMING | TIMESTAMP",
        "bad level | T1;1;1;2019-03-25 10:26:02.000;loud;148;1;0x0C4468506935639176F0A0019F | FRAMING | PACKET_RSSI",
        "no 0x | T1;1;1;2019-03-25 10:26:02.000;97;148;1;0C4468506935639176F0A0019F | FRAMING | does not start with 0x",
        "bad hex | T1;1;1;2019-03-25 10:26:02.000;97;148;1;0x0C44QQ | FRAMING | not a hex digit",
        "L-field counting CRCs | T1;1;1;2019-03-25 10:26:02.000;97;148;1;0x0E4468506935639176F0A0019F | FRAMING | L-field 14 but 12 bytes follow"})
    void badLinesAreTyped(String what, String line, FaultKind kind, String message) {
        assertThatThrownBy(() -> RtlWmbusLine.parse(line)).as(what).isInstanceOf(FrameFormatException.class)
                .hasMessageContaining(message)
                .satisfies(e -> assertThat(((FrameFormatException) e).kind()).isEqualTo(kind));
    }

    @Test
    void mutatedLinesAreTypedFaultsNeverOtherExceptions() {
        Random r = new Random(2019);
        int faults = 0;
        for (int i = 0; i < 5000; i++) {
            char[] c = REAL_C1.toCharArray();
            for (int k = 0; k < 1 + r.nextInt(4); k++) {
                c[r.nextInt(c.length)] = ";0x1T-: .".charAt(r.nextInt(9));
            }
            String line = new String(c, 0, r.nextInt(c.length) + 1);
            try {
                RtlWmbusLine.parse(line);
            } catch (FrameFormatException e) {
                faults++;
            }
        }
        assertThat(faults).isPositive();
    }
}
