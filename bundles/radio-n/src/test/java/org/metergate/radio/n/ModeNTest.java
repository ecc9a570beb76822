package org.metergate.radio.n;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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

/** Mode N: the channel table, and real telegrams through NRZ chips at 169 MHz. */
class ModeNTest {

    private static final List<RadioMode> ALL = List.of(new ModeN1a(), new ModeN1b(), new ModeN1c(), new ModeN1d(),
            new ModeN1e(), new ModeN1f(), new ModeN2a(), new ModeN2b(), new ModeN2c(), new ModeN2d(), new ModeN2e(),
            new ModeN2f());

    @Test
    void theChannelTable() {
        // sub-mode letter -> channel, centre frequency, bit rate (EN 13757-4 table via the WebdynRF manual)
        Map<Character, Object[]> table = Map.of('a', new Object[] {"1a", 169_406_250L, 4_800},
                'b', new Object[] {"1b", 169_418_750L, 4_800}, 'c', new Object[] {"2a", 169_431_250L, 2_400},
                'd', new Object[] {"2b", 169_443_750L, 2_400}, 'e', new Object[] {"3a", 169_456_250L, 4_800},
                'f', new Object[] {"3b", 169_468_750L, 4_800});
        assertThat(ALL).extracting(m -> m.id().label()).containsExactly("N1a", "N1b", "N1c", "N1d", "N1e", "N1f", "N2a",
                "N2b", "N2c", "N2d", "N2e", "N2f");
        for (RadioMode m : ALL) {
            Object[] row = table.get(m.id().label().charAt(2));
            for (PhysicalChannel c : m.spec().channels()) {
                assertThat(c.channel()).as(m.id().label()).isEqualTo(row[0]);
                assertThat(c.frequencyHz()).isEqualTo(row[1]);
                assertThat(c.chipRate()).isEqualTo(row[2]);
                assertThat(c.encoding()).isEqualTo(DataEncoding.NRZ);
                assertThat(c.modulation()).isEqualTo(Modulation.GFSK);
                assertThat(c.deviationHz()).isEqualTo(2_400);
                assertThat(c.preamble().minChips()).isEqualTo(16);
                assertThat(c.syncWord(FrameFormat.A).orElseThrow().bits(0, 16)).isEqualTo(0xF68D);
                assertThat(c.syncWord(FrameFormat.B).orElseThrow().bits(0, 16)).isEqualTo(0xF672);
                assertThat(c.dutyCycle().maxPercent()).isEqualTo(10.0);
            }
            assertThat(m.spec().channels()).hasSize(m.id().bidirectional() ? 2 : 1);
            if (m.id().bidirectional()) {
                assertThat(m.spec().responseWindow(ResponseDelay.FAST)).hasValueSatisfying(
                        w -> assertThat(w.middle()).isEqualTo(Duration.ofMillis(100)));
            }
        }
    }

    @Test
    void realTelegramsInBothFormatsWithErrorsAndNoise() {
        RadioMode n1c = new ModeN1c();
        byte[] a = RealTelegrams.KAMSTRUP_WATER.framed(FrameFormat.A);
        byte[] b = RealTelegrams.EFE_HCAE2_C1.framed(FrameFormat.B);
        ChipSequence sentA = n1c.encodeFrame(Direction.METER_TO_OTHER, FrameFormat.A, a);
        ChipSequence sentB = n1c.encodeFrame(Direction.METER_TO_OTHER, FrameFormat.B, b);
        assertThat(sentA.length()).isEqualTo(16 + 16 + 8 * a.length);
        ChipDecoder d = n1c.newChipDecoder(Direction.METER_TO_OTHER, ChipDecoderOptions.DEFAULT);
        List<ChipDecoderResult> r = new ArrayList<>(d.feed(ChipSequence.concat(Noise.chips(40, 300), sentB,
                sentA.withFlippedChips(32 + 8 * 15 + 2), sentA, sentB.withFlippedChips(20))));
        r.addAll(d.finish());
        assertThat(r).hasSize(4);
        assertThat(r.get(0)).isInstanceOfSatisfying(DecodedFrame.class, f -> {
            assertThat(f.format()).isEqualTo(FrameFormat.B);
            assertThat(f.frame()).isEqualTo(b);
        });
        assertThat(r.get(1)).isInstanceOfSatisfying(FrameError.class,
                e -> assertThat(e.kind()).isEqualTo(FrameError.Kind.CRC_ERROR));
        assertThat(r.get(2)).isInstanceOfSatisfying(DecodedFrame.class, f -> assertThat(f.frame()).isEqualTo(a));
        assertThat(r.get(3)).isInstanceOfSatisfying(DecodedFrame.class, f -> assertThat(f.syncErrors()).isEqualTo(1));
    }

    @Test
    void n2AnswersOnTheSameChannel() {
        RadioMode n2f = new ModeN2f();
        byte[] frame = RealTelegrams.ELV_SENSE.framed(FrameFormat.B);
        ChipDecoder d = n2f.newChipDecoder(Direction.OTHER_TO_METER, ChipDecoderOptions.DEFAULT);
        List<ChipDecoderResult> r = new ArrayList<>(d.feed(n2f.encodeFrame(Direction.OTHER_TO_METER, FrameFormat.B, frame)));
        r.addAll(d.finish());
        assertThat(r).singleElement().isInstanceOfSatisfying(DecodedFrame.class,
                f -> assertThat(f.frame()).isEqualTo(frame));
        assertThat(n2f.spec().channel(Direction.OTHER_TO_METER).orElseThrow().frequencyHz())
                .isEqualTo(n2f.spec().meterToOther().frequencyHz());
        assertThat(new ModeN1a().id()).isEqualTo(RadioModeId.N1A);
    }

    @Test
    void everyCorpusTelegramSurvivesTheAirInBothFormats() {
        List<RealTelegrams.Telegram> corpus = RealTelegrams.corpus();
        RadioMode n1a = new ModeN1a();
        ChipDecoder d = n1a.newChipDecoder(Direction.METER_TO_OTHER, ChipDecoderOptions.DEFAULT);
        List<ChipDecoderResult> results = new ArrayList<>();
        List<byte[]> expected = new ArrayList<>();
        int seed = 3000;
        for (RealTelegrams.Telegram t : corpus) {
            for (FrameFormat f : FrameFormat.values()) {
                results.addAll(d.feed(Noise.chips(seed++, 40 + seed % 90)));
                results.addAll(d.feed(n1a.encodeFrame(Direction.METER_TO_OTHER, f, t.framed(f))));
                expected.add(t.framed(f));
            }
        }
        results.addAll(d.finish());
        assertThat(results).allMatch(DecodedFrame.class::isInstance).hasSameSizeAs(expected);
        for (int i = 0; i < expected.size(); i++) {
            assertThat(((DecodedFrame) results.get(i)).frame()).isEqualTo(expected.get(i));
        }
    }
}
