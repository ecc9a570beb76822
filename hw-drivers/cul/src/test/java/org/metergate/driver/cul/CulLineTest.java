package org.metergate.driver.cul;

import java.util.Random;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import org.metergate.api.telegram.TelegramFormat;
import org.metergate.serial.support.FaultKind;
import org.metergate.serial.support.FrameFormatException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class CulLineTest {

    private static final HexFormat HEX = HexFormat.of().withUpperCase();
    /** culfw's own "valid tx example data" (clib/rf_mbus.c): a 15-byte frame in format A with its two CRCs. */
    private static final String CULFW_EXAMPLE = "0F44AE0C7856341201074447780B12436587255D";
    /** Sensus iPERL T1 telegram without CRCs, wmbusmeters drivers/src/iperl.xmq. */
    private static final String IPERL = "1844AE4C4455223368077A55000000041389E20100023B0000";

    @Test
    void theEn13757CrcReproducesCulfwsExample() throws Exception {
        byte[] f = HEX.parseHex(CULFW_EXAMPLE);
        assertThat(WMBusCrc.of(f, 0, 10)).isEqualTo(0x4447);
        assertThat(WMBusCrc.of(f, 12, 6)).isEqualTo(0x255D);
        WMBusCrc.checkA(f);
        assertThat(HEX.formatHex(WMBusCrc.addA(HEX.parseHex("0F44AE0C785634120107780B12436587"))))
                .isEqualTo(CULFW_EXAMPLE);
    }

    @ParameterizedTest(name = "L={0}: format A {1} bytes, format B {2}")
    @CsvSource({"9, 12, -1", "15, 20, 16", "24, 29, 25", "25, 30, 26", "26, 33, 27", "132, 151, 133", "255, 290, 256"})
    void frameLengthsWithCrcs(int l, int a, int b) {
        assertThat(WMBusCrc.lengthA(l)).isEqualTo(a);
        assertThat(WMBusCrc.lengthB(l)).isEqualTo(b);
    }

    @Test
    void aFormatALineWithLqiAndRssi() throws Exception {
        String withCrc = HEX.formatHex(WMBusCrc.addA(HEX.parseHex(IPERL)));
        CulLine l = CulLine.parse("b" + withCrc + "2A" + "B0");
        assertThat(l).isInstanceOf(CulLine.Frame.class);
        CulLine.Frame f = (CulLine.Frame) l;
        assertThat(HEX.formatHex(f.frame())).isEqualTo(withCrc);
        assertThat(f.format()).isEqualTo(TelegramFormat.WMBUS_FORMAT_A);
        assertThat(f.lqi()).hasValue(0x2A);
        assertThat(f.rssi()).hasValue(0xB0);
        assertThat(CulLine.rssiDbm(0xB0)).isEqualTo(-114);
    }

    @Test
    void aFormatBLineIsMarkedY() throws Exception {
        // format B of "0F44AE0C785634120107780B12436587": L counts the one CRC: 0x11
        byte[] body = HEX.parseHex("1144AE0C785634120107780B12436587");
        int crc = WMBusCrc.of(body, 0, body.length);
        String line = "bY" + HEX.formatHex(body) + String.format("%04X", crc);
        CulLine.Frame f = (CulLine.Frame) CulLine.parse(line);
        assertThat(f.format()).isEqualTo(TelegramFormat.WMBUS_FORMAT_B);
        assertThat(f.rssi()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "a flipped bit | b0F44AE0C7856341201074447780B12436587255C | CHECKSUM | CRC of block 2 is 255C, computed 255D",
        "a wrong first block | b0F44AE0C7856341201064447780B12436587255D | CHECKSUM | CRC of block 1 is 4447",
        "one byte too many | b0F44AE0C7856341201074447780B12436587255D00 | FRAMING | L-field 15 gives 20 bytes (format A) but the line has 21",
        "not hex | b0F44AE0C78563412010744ZZ | FRAMING | not a hex digit at position 22: 'Z'",
        "odd hex | b0F4 | FRAMING | odd number of hex digits",
        "impossible L | b05AABBCCDDEE | FRAMING | L-field 5 is too short",
        "format B without bytes | bY | FRAMING | frame line without frame bytes"})
    void badFrameLinesAreTyped(String what, String line, FaultKind kind, String message) {
        assertThatThrownBy(() -> CulLine.parse(line)).as(what).isInstanceOf(FrameFormatException.class)
                .hasMessageContaining(message)
                .satisfies(e -> assertThat(((FrameFormatException) e).kind()).isEqualTo(kind));
    }

    @ParameterizedTest
    @CsvSource({"V 1.67 nanoCUL868", "TMODE", "? (x is unknown) Use one of B b C F i A Z G M K U Y R T V W X e f m l t u x", "b", "bonjour"})
    void otherLinesAreText(String line) throws Exception {
        assertThat(CulLine.parse(line)).isEqualTo(new CulLine.Text(line));
    }

    @Test
    void randomLinesAreTextOrTypedFaultsNeverOtherExceptions() {
        Random r = new Random(1067);
        String alphabet = "b0123456789ABCDEFYabcdefXZ ;?";
        int faults = 0;
        for (int i = 0; i < 5000; i++) {
            StringBuilder sb = new StringBuilder(r.nextBoolean() ? "b" : "");
            int n = r.nextInt(120);
            for (int k = 0; k < n; k++) {
                sb.append(alphabet.charAt(r.nextInt(alphabet.length())));
            }
            try {
                CulLine.parse(sb.toString());
            } catch (FrameFormatException e) {
                faults++;
            }
        }
        assertThat(faults).isPositive();
    }
}
