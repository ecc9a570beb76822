package org.metergate.radio.s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
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
import org.metergate.radio.common.Noise;
import org.metergate.radio.common.RealTelegrams;

/**
 * Mode S at the bit level: real telegrams (wmbusmeters test data with the EN 13757-4 CRCs of format A)
 * sent as Manchester chips and decoded back, with chip errors, noise and cuts.
 */
class ModeSChipsTest {

    private static final ModeS1 S1 = new ModeS1();
    private static final ModeS1m S1M = new ModeS1m();
    private static final ModeS2 S2 = new ModeS2();

    private static List<ChipDecoderResult> decode(RadioMode mode, Direction direction, ChipDecoderOptions options,
            ChipSequence... parts) {
        ChipDecoder d = mode.newChipDecoder(direction, options);
        List<ChipDecoderResult> out = new ArrayList<>(d.feed(ChipSequence.concat(parts)));
        out.addAll(d.finish());
        return out;
    }

    private static List<DecodedFrame> frames(List<ChipDecoderResult> r) {
        return r.stream().filter(DecodedFrame.class::isInstance).map(DecodedFrame.class::cast).toList();
    }

    @Test
    void longAndShortHeaderFramesInNoiseBackToBack() {
        byte[] a = RealTelegrams.EFE_HCAE2_T1.framed(FrameFormat.A);
        byte[] b = RealTelegrams.ELV_SENSE.framed(FrameFormat.A);
        ChipSequence s1 = S1.encodeFrame(Direction.METER_TO_OTHER, FrameFormat.A, a);
        ChipSequence s1m = S1M.encodeFrame(Direction.METER_TO_OTHER, FrameFormat.A, b);
        assertThat(s1.length()).isEqualTo(558 + 18 + 16 * a.length + 2);
        // the same channel and sync word: an S1 receiver hears S1-m meters too
        List<ChipDecoderResult> r = decode(S1, Direction.METER_TO_OTHER, ChipDecoderOptions.DEFAULT,
                Noise.chips(20, 1500), s1, s1m, Noise.chips(21, 64));
        assertThat(r).allMatch(DecodedFrame.class::isInstance);
        assertThat(frames(r)).extracting(DecodedFrame::frame).containsExactly(a, b);
        assertThat(frames(r).get(0).start()).isEqualTo(1500 + 558 + 18);
    }

    @Test
    void aWrongChipBreaksItsManchesterPair() {
        byte[] frame = RealTelegrams.KAMSTRUP_WATER.framed(FrameFormat.A);
        ChipSequence chips = S1M.encodeFrame(Direction.METER_TO_OTHER, FrameFormat.A, frame);
        int header = 30 + 18;
        for (int wrong : new int[] {header, header + 16 * 20 + 5, header + 16 * (frame.length - 1) + 15}) {
            List<ChipDecoderResult> r = decode(S1M, Direction.METER_TO_OTHER, ChipDecoderOptions.DEFAULT,
                    chips.withFlippedChips(wrong));
            assertThat(r).singleElement().isInstanceOfSatisfying(FrameError.class, e -> {
                assertThat(e.kind()).isEqualTo(FrameError.Kind.MANCHESTER_VIOLATION);
                assertThat(e.position()).isEqualTo(wrong - (wrong - header) % 2); // the pair's first chip
            });
        }
    }

    @Test
    void aWrongPairThatStillLooksLikeManchesterIsACrcError() {
        byte[] frame = RealTelegrams.KAMSTRUP_WATER.framed(FrameFormat.A);
        ChipSequence chips = S1M.encodeFrame(Direction.METER_TO_OTHER, FrameFormat.A, frame);
        int pair = 30 + 18 + 16 * 5 + 2; // both chips of a bit of byte 5: 01 <-> 10 flips the bit
        List<ChipDecoderResult> r = decode(S1M, Direction.METER_TO_OTHER, ChipDecoderOptions.DEFAULT,
                chips.withFlippedChips(pair, pair + 1));
        assertThat(r).singleElement().isInstanceOfSatisfying(FrameError.class, e -> {
            assertThat(e.kind()).isEqualTo(FrameError.Kind.CRC_ERROR);
            assertThat(e.position()).isEqualTo(30 + 18 + 16 * 10); // block 1's CRC
        });
    }

    @Test
    void syncWordErrorsAndCuts() {
        ChipSequence chips = S1M.encodeFrame(Direction.METER_TO_OTHER, FrameFormat.A, RealTelegrams.IZAR.framed(FrameFormat.A));
        ChipSequence syncHit = chips.withFlippedChips(30 + 3, 30 + 12);
        assertThat(frames(decode(S1M, Direction.METER_TO_OTHER, new ChipDecoderOptions(1, 16), syncHit))).isEmpty();
        assertThat(frames(decode(S1M, Direction.METER_TO_OTHER, new ChipDecoderOptions(2, 16), syncHit)))
                .singleElement().satisfies(f -> assertThat(f.syncErrors()).isEqualTo(2));
        assertThat(decode(S1M, Direction.METER_TO_OTHER, ChipDecoderOptions.DEFAULT, chips.slice(0, 400)))
                .singleElement().isInstanceOfSatisfying(FrameError.class,
                        e -> assertThat(e.kind()).isEqualTo(FrameError.Kind.TRUNCATED));
    }

    @Test
    void theS2DownlinkAndTheOneShotDecoder() throws ChipCodingException {
        byte[] frame = RealTelegrams.hex(RealTelegrams.OMS_EXAMPLE_FORMAT_A);
        ChipSequence chips = S2.encodeFrame(Direction.OTHER_TO_METER, FrameFormat.A, frame);
        assertThat(frames(decode(S2, Direction.OTHER_TO_METER, ChipDecoderOptions.DEFAULT, Noise.chips(3, 99), chips)))
                .singleElement().satisfies(f -> assertThat(f.frame()).isEqualTo(frame));
        DecodedFrame d = S2.decodeFrame(Direction.OTHER_TO_METER, FrameFormat.A, chips.slice(48, chips.length()));
        assertThat(d.frame()).isEqualTo(frame);
        assertThatThrownBy(() -> S1.newChipDecoder(Direction.OTHER_TO_METER, ChipDecoderOptions.DEFAULT))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void everyCorpusTelegramSurvivesTheAir() {
        List<RealTelegrams.Telegram> corpus = RealTelegrams.corpus();
        ChipDecoder d = S1M.newChipDecoder(Direction.METER_TO_OTHER, ChipDecoderOptions.DEFAULT);
        List<ChipDecoderResult> results = new ArrayList<>();
        int seed = 1000;
        for (RealTelegrams.Telegram t : corpus) {
            results.addAll(d.feed(Noise.chips(seed++, 50 + seed % 150)));
            results.addAll(d.feed(S1M.encodeFrame(Direction.METER_TO_OTHER, FrameFormat.A, t.framed(FrameFormat.A))));
        }
        results.addAll(d.finish());
        assertThat(results).allMatch(DecodedFrame.class::isInstance).hasSameSizeAs(corpus);
        for (int i = 0; i < corpus.size(); i++) {
            assertThat(((DecodedFrame) results.get(i)).frame()).as(corpus.get(i).toString())
                    .isEqualTo(corpus.get(i).framed(FrameFormat.A));
        }
    }
}
