package org.metergate.radio.c;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.metergate.api.radio.DataEncoding;
import org.metergate.api.radio.Direction;
import org.metergate.api.radio.Modulation;
import org.metergate.api.radio.PhysicalChannel;
import org.metergate.api.radio.RadioMode.FrameFormat;
import org.metergate.api.radio.ResponseDelay;

/** The mode C facts against their sources (see {@link ModeC}). */
class ModeCFactsTest {

    @Test
    void meterToOtherAt868_95MHzNrz100kbps() {
        PhysicalChannel up = new ModeC1().spec().meterToOther();
        assertThat(up.frequencyHz()).isEqualTo(868_950_000);
        assertThat(up.chipRate()).isEqualTo(100_000);
        assertThat(up.dataRate()).isEqualTo(100_000);
        assertThat(up.encoding()).isEqualTo(DataEncoding.NRZ);
        assertThat(up.modulation()).isEqualTo(Modulation.FSK);
        assertThat(up.deviationHz()).isEqualTo(45_000);
        assertThat(up.preamble().minRepetitions()).isEqualTo(16);
        assertThat(up.frameFormats()).containsExactlyInAnyOrder(FrameFormat.A, FrameFormat.B);
        assertThat(up.syncWord(FrameFormat.A)).hasValueSatisfying(s -> assertThat(s.toString()).isEqualTo("00001111010101010011001101"));
        assertThat(up.syncWord(FrameFormat.B)).hasValueSatisfying(s -> assertThat(s.toString()).isEqualTo("00001111010101010000111101"));
        assertThat(up.postamble().maxChips()).isZero();
        assertThat(up.dutyCycle().maxPercent()).isEqualTo(0.1);
        assertThat(new ModeC1().frameFormats()).containsExactlyInAnyOrder(FrameFormat.A, FrameFormat.B);
    }

    @Test
    void c2ListensAt869_525MHzFastOrSlow() {
        ModeC2 c2 = new ModeC2();
        PhysicalChannel down = c2.spec().channel(Direction.OTHER_TO_METER).orElseThrow();
        assertThat(down.frequencyHz()).isEqualTo(869_525_000);
        assertThat(down.chipRate()).isEqualTo(50_000);
        assertThat(down.modulation()).isEqualTo(Modulation.GFSK);
        assertThat(down.deviationHz()).isEqualTo(25_000);
        assertThat(down.dutyCycle().maxPercent()).isEqualTo(10.0);
        assertThat(c2.spec().responseWindow(ResponseDelay.FAST)).hasValueSatisfying(w -> {
            assertThat(w.contains(Duration.ofMillis(100))).isTrue();
            assertThat(w.latest().minus(w.earliest())).isEqualTo(Duration.ofMillis(1));
        });
        assertThat(c2.spec().responseWindow(ResponseDelay.SLOW)).hasValueSatisfying(
                w -> assertThat(w.middle()).isEqualTo(Duration.ofMillis(1000)));
    }
}
