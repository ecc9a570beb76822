package org.metergate.radio.f;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.metergate.api.radio.ChipDecoder;
import org.metergate.api.radio.ChipDecoderOptions;
import org.metergate.api.radio.ChipDecoderResult;
import org.metergate.api.radio.ChipSequence;
import org.metergate.api.radio.DataEncoding;
import org.metergate.api.radio.DecodedFrame;
import org.metergate.api.radio.Direction;
import org.metergate.api.radio.FrameError;
import org.metergate.api.radio.Modulation;
import org.metergate.api.radio.PhysicalChannel;
import org.metergate.api.radio.RadioMode;
import org.metergate.api.radio.RadioMode.FrameFormat;
import org.metergate.api.radio.RadioModeId;
import org.metergate.api.radio.ResponseDelay;
import org.metergate.radio.common.Noise;
import org.metergate.radio.common.RealTelegrams;

/** Mode F: the facts, and real telegrams through NRZ chips at 433.82 MHz. */
class ModeFTest {

    @Test
    void oneChannelAt433_82MHzBothWays() {
        for (RadioMode m : List.of(new ModeF2(), new ModeF2m())) {
            assertThat(m.spec().channels()).hasSize(2);
            for (PhysicalChannel c : m.spec().channels()) {
                assertThat(c.frequencyHz()).isEqualTo(433_820_000);
                assertThat(c.chipRate()).isEqualTo(2_400);
                assertThat(c.encoding()).isEqualTo(DataEncoding.NRZ);
                assertThat(c.modulation()).isEqualTo(Modulation.FSK);
                assertThat(c.deviationHz()).isEqualTo(5_500);
                assertThat(c.syncWord(FrameFormat.A).orElseThrow().bits(0, 16)).isEqualTo(0xF68D);
                assertThat(c.syncWord(FrameFormat.B).orElseThrow().bits(0, 16)).isEqualTo(0xF672);
                assertThat(c.dutyCycle().maxPercent()).isEqualTo(10.0);
            }
            assertThat(m.spec().responseWindow(ResponseDelay.FAST)).hasValueSatisfying(
                    w -> assertThat(w.middle()).isEqualTo(Duration.ofMillis(100)));
            assertThat(m.spec().responseWindow(ResponseDelay.SLOW)).hasValueSatisfying(
                    w -> assertThat(w.middle()).isEqualTo(Duration.ofMillis(1000)));
        }
        assertThat(new ModeF2m().id()).isEqualTo(RadioModeId.F2_M);
        assertThat(new ModeF2m().id().label()).isEqualTo("F2-m");
    }

    @Test
    void realTelegramsBothWaysWithErrorsAndNoise() {
        RadioMode f2 = new ModeF2();
        for (Direction dir : Direction.values()) {
            byte[] a = RealTelegrams.IZAR.framed(FrameFormat.A);
            byte[] b = RealTelegrams.EFE_HCAE2_T1.framed(FrameFormat.B);
            ChipSequence sentA = f2.encodeFrame(dir, FrameFormat.A, a);
            ChipSequence sentB = f2.encodeFrame(dir, FrameFormat.B, b);
            ChipDecoder d = f2.newChipDecoder(dir, ChipDecoderOptions.DEFAULT);
            List<ChipDecoderResult> r = new ArrayList<>(d.feed(ChipSequence.concat(Noise.chips(50, 333), sentA,
                    sentB.withFlippedChips(80 + 16 + 8 * 130), sentB, sentA.slice(0, 200))));
            r.addAll(d.finish());
            assertThat(r).hasSize(4);
            assertThat(r.get(0)).isInstanceOfSatisfying(DecodedFrame.class, f -> assertThat(f.frame()).isEqualTo(a));
            assertThat(r.get(1)).isInstanceOfSatisfying(FrameError.class, e -> {
                assertThat(e.kind()).isEqualTo(FrameError.Kind.CRC_ERROR);
                assertThat(e.position()).isEqualTo(333 + sentA.length() + 80 + 16 + 8 * (b.length - 2)); // block 3's CRC
            });
            assertThat(r.get(2)).isInstanceOfSatisfying(DecodedFrame.class, f -> {
                assertThat(f.frame()).isEqualTo(b);
                assertThat(f.format()).isEqualTo(FrameFormat.B);
            });
            assertThat(r.get(3)).isInstanceOfSatisfying(FrameError.class,
                    e -> assertThat(e.kind()).isEqualTo(FrameError.Kind.TRUNCATED));
        }
    }
}
