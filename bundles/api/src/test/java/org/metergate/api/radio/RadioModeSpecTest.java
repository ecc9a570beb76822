package org.metergate.api.radio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.metergate.api.radio.RadioMode.FrameFormat;

class RadioModeSpecTest {

    private static PhysicalChannel channel(Direction d) {
        return new PhysicalChannel(d, "", 868_950_000, 100_000, DataEncoding.THREE_OUT_OF_SIX, Modulation.FSK, 50_000,
                Preamble.alternating(19), Map.of(FrameFormat.A, ChipSequence.parse("0000111101")),
                new Postamble(2, 8), new DutyCycle(0.1, "868.7-869.2 MHz"));
    }

    @Test
    void dataRateFollowsTheLineCode() {
        assertThat(channel(Direction.METER_TO_OTHER).dataRate()).isCloseTo(66_666.7, org.assertj.core.data.Offset.offset(0.1));
        assertThat(DataEncoding.MANCHESTER.dataRate(32_768)).isEqualTo(16_384);
        assertThat(DataEncoding.NRZ.chipsPerByte()).isEqualTo(8);
    }

    @Test
    void aUnidirectionalSubModeHasNeitherDownlinkNorWindow() {
        RadioModeSpec t1 = new RadioModeSpec(RadioModeId.T1, List.of(channel(Direction.METER_TO_OTHER)), List.of());
        assertThat(t1.bidirectional()).isFalse();
        assertThat(t1.channel(Direction.OTHER_TO_METER)).isEmpty();
        assertThat(t1.frameFormats()).containsExactly(FrameFormat.A);
        assertThatThrownBy(() -> new RadioModeSpec(RadioModeId.T1,
                List.of(channel(Direction.METER_TO_OTHER), channel(Direction.OTHER_TO_METER)), List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aBidirectionalSubModeNeedsItsWindow() {
        assertThatThrownBy(() -> new RadioModeSpec(RadioModeId.T2,
                List.of(channel(Direction.METER_TO_OTHER), channel(Direction.OTHER_TO_METER)), List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("response windows");
        ResponseWindow w = new ResponseWindow(ResponseDelay.STANDARD, Duration.ofMillis(2), Duration.ofMillis(3));
        RadioModeSpec t2 = new RadioModeSpec(RadioModeId.T2,
                List.of(channel(Direction.METER_TO_OTHER), channel(Direction.OTHER_TO_METER)), List.of(w));
        assertThat(t2.responseWindow(ResponseDelay.STANDARD)).contains(w);
        assertThat(w.contains(Duration.ofMillis(2))).isTrue();
        assertThat(w.contains(Duration.ofMillis(4))).isFalse();
        assertThat(w.middle()).isEqualTo(Duration.ofMillis(2).plusNanos(500_000));
    }

    @Test
    void dutyCycleInTimePerHour() {
        assertThat(new DutyCycle(0.1, "g2").maxMillisPerHour()).isEqualTo(3_600);
        assertThat(new DutyCycle(10, "g3").maxMillisPerHour()).isEqualTo(360_000);
    }
}
