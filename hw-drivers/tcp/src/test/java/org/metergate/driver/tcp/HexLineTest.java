package org.metergate.driver.tcp;

import java.util.Random;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import org.metergate.api.radio.RadioModeId;
import org.metergate.api.telegram.TelegramFormat;
import org.metergate.serial.support.FrameFormatException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class HexLineTest {

    /** Sensus iPERL T1 telegram without CRCs, wmbusmeters drivers/src/iperl.xmq. */
    private static final String IPERL = "1844AE4C4455223368077A55000000041389E20100023B0000";

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "1844AE4C4455223368077A55000000041389E20100023B0000 | | | WMBUS_NO_CRC",
        "0x1844ae4c4455223368077a55000000041389e20100023b0000 | | | WMBUS_NO_CRC",
        "T1;-71;1844AE4C4455223368077A55000000041389E20100023B0000 | T1 | -71 | WMBUS_NO_CRC",
        "S1-m;-;NOCRC;1844AE4C4455223368077A55000000041389E20100023B0000 | S1-m | | WMBUS_NO_CRC",
        "-;-90;DETECT;1844AE4C4455223368077A55000000041389E20100023B0000 | | -90 | WMBUS_DETECT",
        "C1 ; -80 ; a ; 1844AE4C4455223368077A55000000041389E20100023B0000 | C1 | -80 | WMBUS_FORMAT_A"})
    void theDocumentedForms(String line, String mode, Integer rssi, TelegramFormat format) throws Exception {
        HexLine l = HexLine.parse(line, TelegramFormat.WMBUS_NO_CRC);
        assertThat(l.mode()).isEqualTo(mode == null ? null : RadioModeId.ofLabel(mode));
        if (rssi == null) {
            assertThat(l.rssiDbm()).isEmpty();
        } else {
            assertThat(l.rssiDbm()).hasValue(rssi);
        }
        assertThat(l.format()).isEqualTo(format);
        assertThat(HexFormat.of().withUpperCase().formatHex(l.frame())).isEqualTo(IPERL);
    }

    @Test
    void theConfiguredDefaultFramingApplies() throws Exception {
        assertThat(HexLine.parse("0A0B", TelegramFormat.WMBUS_FORMAT_B).format()).isEqualTo(TelegramFormat.WMBUS_FORMAT_B);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "T1;1844 | expected HEX, MODE;RSSI;HEX or MODE;RSSI;FRAMING;HEX, found 2 fields",
        "X9;-70;0A0B | mode 'X9' is not an EN 13757-4 mode",
        "T1;loud;0A0B | RSSI 'loud' is not whole dBm or -",
        "T1;-200;0A0B | RSSI -200 dBm out of range",
        "T1;-70;Q;0A0B | framing 'Q' is not NOCRC, A, B or DETECT",
        "T1;-70;0x | no frame bytes",
        "1844AE | L-field 24 but 2 bytes follow",
        "18G4 | not a hex digit at position 2",
        "0A | a frame of 1 byte"})
    void badLinesNameTheField(String line, String message) {
        assertThatThrownBy(() -> HexLine.parse(line, TelegramFormat.WMBUS_NO_CRC))
                .isInstanceOf(FrameFormatException.class).hasMessageContaining(message);
    }

    @Test
    void randomLinesAreTypedFaultsNeverOtherExceptions() {
        Random r = new Random(9011);
        String alphabet = "0123456789abcdefABCDEFxX;-TCS1m ";
        int faults = 0;
        for (int i = 0; i < 5000; i++) {
            StringBuilder sb = new StringBuilder();
            int n = 1 + r.nextInt(60);
            for (int k = 0; k < n; k++) {
                sb.append(alphabet.charAt(r.nextInt(alphabet.length())));
            }
            try {
                HexLine.parse(sb.toString(), TelegramFormat.WMBUS_NO_CRC);
            } catch (FrameFormatException e) {
                faults++;
            }
        }
        assertThat(faults).isPositive();
    }
}
