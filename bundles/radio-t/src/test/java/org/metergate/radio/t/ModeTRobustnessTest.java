package org.metergate.radio.t;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.metergate.api.radio.ChipCodingException;
import org.metergate.api.radio.ChipDecoder;
import org.metergate.api.radio.ChipDecoderOptions;
import org.metergate.api.radio.ChipDecoderResult;
import org.metergate.api.radio.ChipSequence;
import org.metergate.api.radio.DecodedFrame;
import org.metergate.api.radio.Direction;
import org.metergate.api.radio.FrameError;
import org.metergate.api.radio.RadioMode.FrameFormat;
import org.metergate.radio.common.Noise;
import org.metergate.radio.common.RealTelegrams;

/** Damaged and cut T1 chip streams give only frames and typed errors, never another exception. */
class ModeTRobustnessTest {

    @Test
    void damagedStreamsOnlyGiveTypedResults() {
        ModeT1 t1 = new ModeT1();
        SplittableRandom r = new SplittableRandom(4711);
        List<RealTelegrams.Telegram> telegrams = RealTelegrams.handful();
        for (int round = 0; round < 150; round++) {
            RealTelegrams.Telegram t = telegrams.get(r.nextInt(telegrams.size()));
            ChipSequence chips = t1.encodeFrame(Direction.METER_TO_OTHER, FrameFormat.A, t.framed(FrameFormat.A));
            int[] flips = new int[r.nextInt(8)];
            for (int k = 0; k < flips.length; k++) {
                flips[k] = r.nextInt(chips.length());
            }
            ChipSequence stream = ChipSequence.concat(Noise.chips(r.nextLong(), r.nextInt(400)),
                    chips.withFlippedChips(flips).slice(0, r.nextInt(chips.length() + 1)), Noise.chips(r.nextLong(), 50));
            ChipDecoder d = t1.newChipDecoder(Direction.METER_TO_OTHER, new ChipDecoderOptions(r.nextInt(4), 16));
            List<ChipDecoderResult> results = new ArrayList<>(d.feed(stream));
            results.addAll(d.finish());
            assertThat(results).allSatisfy(x -> assertThat(x).isInstanceOfAny(DecodedFrame.class, FrameError.class));
            try {
                t1.decodeFrame(Direction.METER_TO_OTHER, FrameFormat.A, stream.slice(r.nextInt(stream.length()), stream.length()));
            } catch (ChipCodingException expected) {
                assertThat(expected.position()).isNotNegative();
            }
        }
    }
}
