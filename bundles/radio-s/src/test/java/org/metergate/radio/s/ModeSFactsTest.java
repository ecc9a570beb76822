package org.metergate.radio.s;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.metergate.api.radio.DataEncoding;
import org.metergate.api.radio.Direction;
import org.metergate.api.radio.Modulation;
import org.metergate.api.radio.PhysicalChannel;
import org.metergate.api.radio.RadioMode.FrameFormat;
import org.metergate.api.radio.RadioModeId;
import org.metergate.api.radio.ResponseDelay;

/** The mode S facts against their sources (see {@link ModeS}). */
class ModeSFactsTest {

    @Test
    void oneChannelAt868_3MHzManchesterAt32_768kcps() {
        for (var mode : new org.metergate.radio.common.StandardRadioMode[] {new ModeS1(), new ModeS1m(), new ModeS2()}) {
            for (PhysicalChannel c : mode.spec().channels()) {
                assertThat(c.frequencyHz()).isEqualTo(868_300_000);
                assertThat(c.chipRate()).isEqualTo(32_768);
                assertThat(c.encoding()).isEqualTo(DataEncoding.MANCHESTER);
                assertThat(c.dataRate()).isEqualTo(16_384);
                assertThat(c.modulation()).isEqualTo(Modulation.FSK);
                assertThat(c.deviationHz()).isEqualTo(50_000);
                assertThat(c.syncWord(FrameFormat.A)).hasValueSatisfying(
                        s -> assertThat(s.toString()).isEqualTo("000111011010010110"));
                assertThat(c.frameFormats()).containsExactly(FrameFormat.A);
                assertThat(c.postamble().minChips()).isEqualTo(2);
                assertThat(c.dutyCycle().maxPercent()).isEqualTo(1.0);
            }
        }
    }

    @Test
    void longHeaderForS1ShortForS1mAndS2() {
        assertThat(new ModeS1().spec().meterToOther().preamble().minRepetitions()).isEqualTo(279);
        assertThat(new ModeS1m().spec().meterToOther().preamble().minRepetitions()).isEqualTo(15);
        assertThat(new ModeS2().spec().meterToOther().preamble().minRepetitions()).isEqualTo(15);
        assertThat(new ModeS1m().id()).isEqualTo(RadioModeId.S1_M);
        assertThat(new ModeS1().spec().bidirectional()).isFalse();
        assertThat(new ModeS1m().spec().bidirectional()).isFalse();
    }

    @Test
    void s2AnswersComeThreeToFiftyMillisecondsAfterTheMetersFrame() {
        ModeS2 s2 = new ModeS2();
        assertThat(s2.spec().channel(Direction.OTHER_TO_METER)).hasValueSatisfying(c -> {
            assertThat(c.preamble().minRepetitions()).isEqualTo(15);
            assertThat(c.frequencyHz()).isEqualTo(868_300_000);
        });
        assertThat(s2.spec().responseWindows()).singleElement().satisfies(w -> {
            assertThat(w.delay()).isEqualTo(ResponseDelay.STANDARD);
            assertThat(w.earliest()).isEqualTo(Duration.ofMillis(3));
            assertThat(w.latest()).isEqualTo(Duration.ofMillis(50));
        });
    }
}
