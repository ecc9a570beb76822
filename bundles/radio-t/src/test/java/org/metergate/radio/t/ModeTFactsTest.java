package org.metergate.radio.t;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.metergate.api.radio.DataEncoding;
import org.metergate.api.radio.Direction;
import org.metergate.api.radio.Modulation;
import org.metergate.api.radio.PhysicalChannel;
import org.metergate.api.radio.RadioMode.FrameFormat;
import org.metergate.api.radio.RadioModeId;
import org.metergate.api.radio.ResponseDelay;

/** The mode T facts against their sources (see {@link ModeT}). */
class ModeTFactsTest {

    @Test
    void t1MeterToOther() {
        PhysicalChannel up = new ModeT1().spec().meterToOther();
        assertThat(up.frequencyHz()).isEqualTo(868_950_000);
        assertThat(up.chipRate()).isEqualTo(100_000);
        assertThat(up.encoding()).isEqualTo(DataEncoding.THREE_OUT_OF_SIX);
        assertThat(up.dataRate()).isCloseTo(66_666.7, Offset.offset(0.1));
        assertThat(up.modulation()).isEqualTo(Modulation.FSK);
        assertThat(up.deviationHz()).isEqualTo(50_000);
        assertThat(up.preamble().minRepetitions()).isEqualTo(19);
        assertThat(up.syncWord(FrameFormat.A)).hasValueSatisfying(s -> assertThat(s.toString()).isEqualTo("0000111101"));
        assertThat(up.frameFormats()).containsExactly(FrameFormat.A);
        assertThat(up.postamble().minChips()).isEqualTo(2);
        assertThat(up.postamble().maxChips()).isEqualTo(8);
        assertThat(up.dutyCycle().maxPercent()).isEqualTo(0.1);
        assertThat(new ModeT1().spec().bidirectional()).isFalse();
        assertThat(new ModeT1().id()).isEqualTo(RadioModeId.T1);
        assertThat(new ModeT1().frameFormats()).containsExactly(FrameFormat.A);
    }

    @Test
    void t2ListensOnS2sChannelTwoToThreeMillisecondsAfterItsFrame() {
        ModeT2 t2 = new ModeT2();
        PhysicalChannel down = t2.spec().channel(Direction.OTHER_TO_METER).orElseThrow();
        assertThat(down.frequencyHz()).isEqualTo(868_300_000);
        assertThat(down.chipRate()).isEqualTo(32_768);
        assertThat(down.encoding()).isEqualTo(DataEncoding.MANCHESTER);
        assertThat(down.dataRate()).isEqualTo(16_384);
        assertThat(down.preamble().minRepetitions()).isEqualTo(15);
        assertThat(down.syncWord(FrameFormat.A)).hasValueSatisfying(
                s -> assertThat(s.toString()).isEqualTo("000111011010010110"));
        assertThat(down.dutyCycle().maxPercent()).isEqualTo(1.0);
        assertThat(t2.spec().responseWindow(ResponseDelay.STANDARD)).hasValueSatisfying(w -> {
            assertThat(w.earliest()).isEqualTo(Duration.ofMillis(2));
            assertThat(w.latest()).isEqualTo(Duration.ofMillis(3));
        });
    }
}
