package org.metergate.radio.common;

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
import org.metergate.api.radio.RadioMode;
import org.metergate.api.radio.RadioMode.FrameFormat;

/**
 * Whatever chips arrive - noise, damaged real frames, cut streams - the decoders answer only with
 * frames, typed frame errors or (one-shot) {@link ChipCodingException}, never with another exception.
 */
class DecoderRobustnessTest {

    private static final List<RadioMode> MODES = List.of(new StandardRadioMode(TestChannels.NRZ_MODE),
            new StandardRadioMode(TestChannels.MANCHESTER_MODE));

    /** Real frames with random wrong chips and cuts, between random noise, fed in random pieces. */
    private static void damagedStreams(RadioMode mode, long seed, int rounds) {
        SplittableRandom r = new SplittableRandom(seed);
        List<RealTelegrams.Telegram> telegrams = RealTelegrams.handful();
        for (int round = 0; round < rounds; round++) {
            List<ChipSequence> parts = new ArrayList<>();
            for (int i = 0; i < 1 + r.nextInt(4); i++) {
                parts.add(Noise.chips(r.nextLong(), r.nextInt(300)));
                RealTelegrams.Telegram t = telegrams.get(r.nextInt(telegrams.size()));
                FrameFormat f = mode.frameFormats().contains(FrameFormat.B) && r.nextBoolean() ? FrameFormat.B : FrameFormat.A;
                ChipSequence chips = mode.encodeFrame(Direction.METER_TO_OTHER, f, t.framed(f));
                int[] flips = new int[r.nextInt(6)];
                for (int k = 0; k < flips.length; k++) {
                    flips[k] = r.nextInt(chips.length());
                }
                chips = chips.withFlippedChips(flips);
                if (r.nextInt(4) == 0) {
                    chips = chips.slice(0, r.nextInt(chips.length()));
                }
                parts.add(chips);
            }
            ChipSequence stream = ChipSequence.concat(parts.toArray(ChipSequence[]::new));
            ChipDecoder d = mode.newChipDecoder(Direction.METER_TO_OTHER,
                    new ChipDecoderOptions(r.nextInt(4), r.nextInt(17)));
            List<ChipDecoderResult> results = new ArrayList<>();
            int at = 0;
            while (at < stream.length()) {
                int n = Math.min(stream.length() - at, 1 + r.nextInt(500));
                results.addAll(d.feed(stream.slice(at, at + n)));
                at += n;
            }
            results.addAll(d.finish());
            for (ChipDecoderResult x : results) {
                assertThat(x).isInstanceOfAny(DecodedFrame.class, FrameError.class);
                assertThat(x.position()).isBetween(0L, (long) stream.length());
                if (x instanceof DecodedFrame frame) {
                    assertThat(FrameLayout.firstBadCrc(frame.format(), frame.frame())).isEqualTo(-1);
                }
            }
            try {
                DecodedFrame one = mode.decodeFrame(Direction.METER_TO_OTHER, FrameFormat.A,
                        stream.slice(r.nextInt(Math.max(1, stream.length())), stream.length()));
                assertThat(one.end()).isLessThanOrEqualTo(stream.length());
            } catch (ChipCodingException expected) {
                assertThat(expected.kind()).isNotNull();
            }
        }
    }

    @Test
    void damagedStreamsOnlyGiveTypedResults() {
        for (RadioMode mode : MODES) {
            damagedStreams(mode, 42, 150);
        }
    }

    @Test
    void pureNoiseGivesNoFrame() {
        for (RadioMode mode : MODES) {
            ChipDecoder d = mode.newChipDecoder(Direction.METER_TO_OTHER, ChipDecoderOptions.DEFAULT);
            List<ChipDecoderResult> r = new ArrayList<>(d.feed(Noise.chips(99, 200_000)));
            r.addAll(d.finish());
            assertThat(r).noneMatch(DecodedFrame.class::isInstance);
        }
    }
}
