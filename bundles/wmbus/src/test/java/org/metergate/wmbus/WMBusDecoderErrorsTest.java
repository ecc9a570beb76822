package org.metergate.wmbus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.metergate.api.telegram.TelegramFormat;
import org.metergate.wmbus.WMBusException.Kind;

/** Bad frames give the codec's typed error with what and where, never another exception. */
class WMBusDecoderErrorsTest {

    @ParameterizedTest(name = "{2}")
    @CsvSource({
        // frame (no CRCs), expected kind, what
        "0A44931578563412330372, TRUNCATED, long header cut off",
        "0B4493157856341233030011, UNKNOWN_CI, CI 0x00 is not defined",
        "0B4493157856341233038111, UNSUPPORTED, CI 0x81 network layer",
        "0E4493157856341233038D2091D37C, TRUNCATED, ELL II without payload CRC",
        "0F4493157856341233039005002C2500, TRUNCATED, AFLL past the end",
        "0D4493157856341233037A0000, TRUNCATED, short header cut off",
        "0E4493157856341233037A00000007, TRUNCATED, mode 7 without configuration field extension",
        "1044931578563412330379EDA86A, TRUNCATED, compact frame without full-frame CRC",
        "0E44931578563412330390020040780F, UNSUPPORTED, AFL with more fragments",
        "3444EE4D813929271608811D7A51000000046D1912A62B036E0000005170426CE1F1436E00000002FF2C00000259D6D0D4090265FC0902FD66A00044, LENGTH_MISMATCH, wmbusmeters simulation_broken: 60 bytes for L 52",
    })
    void typedErrors(String hex, String kind, String what) {
        byte[] frame = HexFormat.of().parseHex(hex);
        if (!kind.equals("LENGTH_MISMATCH")) {
            frame[0] = (byte) (frame.length - 1); // a consistent L-field: the error must come from the named layer
        }
        assertThatThrownBy(() -> WMBusDecoder.withoutKeys().decode(frame, TelegramFormat.WMBUS_DETECT))
                .isInstanceOfSatisfying(WMBusException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.valueOf(kind));
                    assertThat(e.offset()).isBetween(0, frame.length);
                    assertThat(e.getMessage()).contains("at byte " + e.offset());
                });
    }

    @org.junit.jupiter.api.Test
    void manufacturerSpecificCiIsPassedOn() throws WMBusException {
        byte[] frame = HexFormat.of().parseHex("0D449315785634123303A2010203");
        WMBusTelegram t = WMBusDecoder.withoutKeys().decode(frame);
        assertThat(t.applicationKind()).isEqualTo(org.metergate.wmbus.transport.ApplicationKind.MANUFACTURER_SPECIFIC);
        assertThat(t.applicationData()).containsExactly(1, 2, 3);
        assertThat(t.transport()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"WMBUS_NO_CRC", "WMBUS_FORMAT_A", "WMBUS_FORMAT_B", "WMBUS_DETECT"})
    void emptyAndTinyInputs(TelegramFormat format) {
        for (String hex : new String[] {"", "00", "01FF", "0944931578563412330378"}) {
            byte[] frame = HexFormat.of().parseHex(hex);
            assertThatThrownBy(() -> WMBusDecoder.withoutKeys().decode(frame, format)).isInstanceOf(WMBusException.class);
        }
    }
}
