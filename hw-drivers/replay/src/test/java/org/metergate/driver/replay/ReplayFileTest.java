package org.metergate.driver.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStreamReader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.metergate.api.radio.RadioModeId;
import org.metergate.api.telegram.TelegramFormat;
import org.junit.jupiter.api.Test;

class ReplayFileTest {

    @Test
    void readsTimeModeRssiFramingAndFrame() throws Exception {
        List<RecordedFrame> frames = ReplayFile.read(new StringReader("""
                # a comment, then a blank line

                0.25 T1 -71 NOCRC 1844AE4C4455223368077A55000000041389E20100023B0000
                1.5  -  -   MBUS  E5
                2    C1 -60 b     0A0B
                """), "test");
        assertThat(frames).hasSize(3);
        assertThat(frames.get(0).offsetMillis()).isEqualTo(250);
        assertThat(frames.get(0).mode()).isEqualTo(RadioModeId.T1);
        assertThat(frames.get(0).rssiDbm()).hasValue(-71);
        assertThat(frames.get(0).format()).isEqualTo(TelegramFormat.WMBUS_NO_CRC);
        assertThat(frames.get(0).frame()).hasSize(0x19).startsWith(0x18, 0x44);
        assertThat(frames.get(1).mode()).isNull();
        assertThat(frames.get(1).rssiDbm()).isEmpty();
        assertThat(frames.get(1).format()).isEqualTo(TelegramFormat.MBUS_FRAME);
        assertThat(frames.get(2).format()).isEqualTo(TelegramFormat.WMBUS_FORMAT_B);
    }

    @Test
    void namesTheLineAndTheFault() {
        assertThatThrownBy(() -> ReplayFile.read(new StringReader("0 T1 -70 NOCRC 0A\n1 T9 -70 NOCRC 0A\n"), "f.replay"))
                .isInstanceOf(ReplayFileException.class)
                .hasMessageContaining("f.replay:2")
                .hasMessageContaining("T9");
        assertThatThrownBy(() -> ReplayFile.read(new StringReader("0 T1 -70 NOCRC 0A1\n"), "f"))
                .hasMessageContaining("odd number of hex digits");
        assertThatThrownBy(() -> ReplayFile.read(new StringReader("0 T1 -70 NOCRC ZZ\n"), "f"))
                .hasMessageContaining("not hex");
        assertThatThrownBy(() -> ReplayFile.read(new StringReader("5 T1 -70 NOCRC 0A\n4 T1 -70 NOCRC 0A\n"), "f"))
                .hasMessageContaining("time goes backwards");
        assertThatThrownBy(() -> ReplayFile.read(new StringReader("0 T1 -70 0A\n"), "f"))
                .hasMessageContaining("expected 5 columns");
        assertThatThrownBy(() -> ReplayFile.read(new StringReader("0 T1 loud NOCRC 0A\n"), "f"))
                .hasMessageContaining("RSSI");
        assertThatThrownBy(() -> ReplayFile.read(new StringReader("0 T1 -70 Q 0A\n"), "f"))
                .hasMessageContaining("framing");
        assertThatThrownBy(() -> ReplayFile.read(new StringReader("-1 T1 -70 NOCRC 0A\n"), "f"))
                .hasMessageContaining("non-negative");
    }

    @Test
    void theBundledRecordingIsValidAndHoldsWholeFrames() throws Exception {
        try (var in = ReplayTransceiver.class.getResourceAsStream(ReplayTransceiver.BUNDLED_RECORDING)) {
            List<RecordedFrame> frames = ReplayFile.read(new InputStreamReader(in, StandardCharsets.UTF_8), "demo");
            assertThat(frames).hasSizeGreaterThan(10);
            for (RecordedFrame f : frames) {
                // without link CRCs the L-field counts every byte after itself
                assertThat(f.frame()[0] & 0xFF).as("L-field").isEqualTo(f.frame().length - 1);
            }
        }
    }
}
