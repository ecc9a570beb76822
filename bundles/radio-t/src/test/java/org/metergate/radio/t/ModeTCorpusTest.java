package org.metergate.radio.t;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.metergate.api.radio.ChipDecoder;
import org.metergate.api.radio.ChipDecoderOptions;
import org.metergate.api.radio.ChipDecoderResult;
import org.metergate.api.radio.ChipSequence;
import org.metergate.api.radio.DecodedFrame;
import org.metergate.api.radio.Direction;
import org.metergate.api.radio.RadioMode.FrameFormat;
import org.metergate.radio.common.FrameLayout;
import org.metergate.radio.common.Noise;
import org.metergate.radio.common.RealTelegrams;

/**
 * Conformance over the public corpus: every wireless telegram of wmbusmeters' test data, framed in
 * format A, sent as T1 chips with noise in between, comes back byte for byte. Skipped without the corpus.
 */
class ModeTCorpusTest {

    @Test
    void everyCorpusTelegramSurvivesTheAir() {
        List<RealTelegrams.Telegram> corpus = RealTelegrams.corpus();
        ModeT1 t1 = new ModeT1();
        ChipDecoder d = t1.newChipDecoder(Direction.METER_TO_OTHER, ChipDecoderOptions.DEFAULT);
        List<ChipDecoderResult> results = new ArrayList<>();
        int seed = 0;
        for (RealTelegrams.Telegram t : corpus) {
            results.addAll(d.feed(Noise.chips(seed++, 64 + seed % 200)));
            results.addAll(d.feed(t1.encodeFrame(Direction.METER_TO_OTHER, FrameFormat.A, t.framed(FrameFormat.A))));
        }
        results.addAll(d.finish());
        assertThat(corpus).hasSizeGreaterThan(200);
        assertThat(results).allMatch(DecodedFrame.class::isInstance);
        List<byte[]> back = results.stream().map(r -> FrameLayout.withoutCrcs(((DecodedFrame) r).frame(), FrameFormat.A))
                .toList();
        assertThat(back).hasSameSizeAs(corpus);
        for (int i = 0; i < corpus.size(); i++) {
            assertThat(back.get(i)).as(corpus.get(i).toString()).isEqualTo(corpus.get(i).withoutCrcs());
        }
    }
}
