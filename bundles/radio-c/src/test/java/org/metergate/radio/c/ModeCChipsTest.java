package org.metergate.radio.c;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.metergate.api.radio.RadioMode.FrameFormat;
import org.metergate.api.telegram.TelegramFormat;
import org.metergate.radio.common.Noise;
import org.metergate.radio.common.RealTelegrams;

/**
 * Mode C at the bit level: real telegrams (wmbusmeters test data with the EN 13757-4 CRCs of format A or
 * B) sent as NRZ chips; the synchronisation word tells the format, the CRCs catch chip errors.
 */
class ModeCChipsTest {

    private static final ModeC1 C1 = new ModeC1();
    private static final ModeC2 C2 = new ModeC2();
    private static final int HEADER = 32 + 26;

    private static List<ChipDecoderResult> decode(ChipDecoderOptions options, ChipSequence... parts) {
        ChipDecoder d = C1.newChipDecoder(Direction.METER_TO_OTHER, options);
        List<ChipDecoderResult> out = new ArrayList<>(d.feed(ChipSequence.concat(parts)));
        out.addAll(d.finish());
        return out;
    }

    private static ChipSequence sent(RealTelegrams.Telegram t, FrameFormat f) {
        return C1.encodeFrame(Direction.METER_TO_OTHER, f, t.framed(f));
    }

    @Test
    void theSyncWordTellsFormatAFromFormatB() {
        List<ChipDecoderResult> r = decode(ChipDecoderOptions.DEFAULT, Noise.chips(30, 800),
                sent(RealTelegrams.EFE_HCAE2_C1, FrameFormat.B), sent(RealTelegrams.EFE_HCAE2_C1, FrameFormat.A),
                Noise.chips(31, 200), sent(RealTelegrams.KAMSTRUP_WATER, FrameFormat.B), Noise.chips(32, 100));
        assertThat(r).allMatch(DecodedFrame.class::isInstance).hasSize(3);
        DecodedFrame b = (DecodedFrame) r.get(0);
        assertThat(b.format()).isEqualTo(FrameFormat.B);
        assertThat(b.telegramFormat()).isEqualTo(TelegramFormat.WMBUS_FORMAT_B);
        assertThat(b.frame()).isEqualTo(RealTelegrams.EFE_HCAE2_C1.framed(FrameFormat.B)); // with block 3
        assertThat(b.start()).isEqualTo(800 + HEADER);
        assertThat(((DecodedFrame) r.get(1)).format()).isEqualTo(FrameFormat.A);
        assertThat(((DecodedFrame) r.get(1)).frame()).isEqualTo(RealTelegrams.EFE_HCAE2_C1.framed(FrameFormat.A));
        assertThat(((DecodedFrame) r.get(2)).frame()).isEqualTo(RealTelegrams.KAMSTRUP_WATER.framed(FrameFormat.B));
    }

    @Test
    void everyWrongDataChipIsCaughtByACrc() {
        byte[] frame = RealTelegrams.KAMSTRUP_WATER.framed(FrameFormat.B);
        ChipSequence chips = sent(RealTelegrams.KAMSTRUP_WATER, FrameFormat.B);
        for (int bit = 8; bit < 8 * frame.length; bit += 7) { // from the C-field on: the L-field is tested below
            List<ChipDecoderResult> r = decode(ChipDecoderOptions.DEFAULT, chips.withFlippedChips(HEADER + bit));
            assertThat(r).as("chip %d", bit).singleElement().isInstanceOfSatisfying(FrameError.class, e -> {
                assertThat(e.kind()).isEqualTo(FrameError.Kind.CRC_ERROR);
                assertThat(e.position()).isEqualTo(HEADER + 8L * (frame.length - 2)); // format B: one CRC at the end
            });
        }
    }

    @Test
    void aWrongLFieldGivesAnotherLengthThatTheCrcOrTheLayoutRejects() {
        ChipSequence chips = sent(RealTelegrams.EFE_HCAE2_C1, FrameFormat.B);
        for (int bit = 0; bit < 8; bit++) {
            List<ChipDecoderResult> r = decode(ChipDecoderOptions.DEFAULT, chips.withFlippedChips(HEADER + bit));
            assertThat(r).as("L-field chip %d", bit).isNotEmpty().noneMatch(DecodedFrame.class::isInstance);
            assertThat(((FrameError) r.get(0)).kind()).isIn(FrameError.Kind.CRC_ERROR, FrameError.Kind.INVALID_LENGTH,
                    FrameError.Kind.TRUNCATED);
        }
    }

    @Test
    void syncErrorsUpToTheConfiguredCountEvenInTheFormatChips() {
        ChipSequence chips = sent(RealTelegrams.ELV_SENSE, FrameFormat.A);
        int formatChip = 32 + 18; // the A and B words differ in chips 18 to 21
        ChipSequence oneWrong = chips.withFlippedChips(formatChip);
        assertThat(decode(ChipDecoderOptions.exact(16), oneWrong)).isEmpty();
        assertThat(decode(new ChipDecoderOptions(1, 16), oneWrong)).singleElement()
                .isInstanceOfSatisfying(DecodedFrame.class, d -> {
                    assertThat(d.format()).isEqualTo(FrameFormat.A);
                    assertThat(d.syncErrors()).isEqualTo(1);
                });
        ChipSequence threeWrong = chips.withFlippedChips(32 + 1, 32 + 5, 32 + 25);
        assertThat(decode(new ChipDecoderOptions(2, 16), threeWrong)).noneMatch(DecodedFrame.class::isInstance);
        assertThat(decode(new ChipDecoderOptions(3, 16), threeWrong)).singleElement().isInstanceOf(DecodedFrame.class);
    }

    @Test
    void truncatedAndOneShot() throws ChipCodingException {
        ChipSequence chips = sent(RealTelegrams.IZAR, FrameFormat.A);
        assertThat(decode(ChipDecoderOptions.DEFAULT, chips.slice(0, chips.length() - 1))).singleElement()
                .isInstanceOfSatisfying(FrameError.class, e -> {
                    assertThat(e.kind()).isEqualTo(FrameError.Kind.TRUNCATED);
                    assertThat(e.position()).isEqualTo(chips.length() - 1);
                });
        assertThat(C1.decodeFrame(Direction.METER_TO_OTHER, FrameFormat.A, chips.slice(HEADER, chips.length())).frame())
                .isEqualTo(RealTelegrams.IZAR.framed(FrameFormat.A));
    }

    @Test
    void theC2DownlinkUsesTheSameWordsAt50kcps() {
        byte[] frame = RealTelegrams.ELV_SENSE.framed(FrameFormat.B);
        ChipSequence chips = C2.encodeFrame(Direction.OTHER_TO_METER, FrameFormat.B, frame);
        ChipDecoder d = C2.newChipDecoder(Direction.OTHER_TO_METER, ChipDecoderOptions.DEFAULT);
        List<ChipDecoderResult> r = new ArrayList<>(d.feed(ChipSequence.concat(Noise.chips(4, 500), chips)));
        r.addAll(d.finish());
        assertThat(r).singleElement().isInstanceOfSatisfying(DecodedFrame.class, f -> {
            assertThat(f.frame()).isEqualTo(frame);
            assertThat(f.direction()).isEqualTo(Direction.OTHER_TO_METER);
        });
    }

    @Test
    void everyCorpusTelegramSurvivesTheAirInBothFormats() {
        List<RealTelegrams.Telegram> corpus = RealTelegrams.corpus();
        ChipDecoder d = C1.newChipDecoder(Direction.METER_TO_OTHER, ChipDecoderOptions.DEFAULT);
        List<ChipDecoderResult> results = new ArrayList<>();
        List<byte[]> expected = new ArrayList<>();
        int seed = 2000;
        for (RealTelegrams.Telegram t : corpus) {
            for (FrameFormat f : FrameFormat.values()) {
                results.addAll(d.feed(Noise.chips(seed++, 40 + seed % 120)));
                results.addAll(d.feed(sent(t, f)));
                expected.add(t.framed(f));
            }
        }
        results.addAll(d.finish());
        assertThat(results).allMatch(DecodedFrame.class::isInstance).hasSameSizeAs(expected);
        for (int i = 0; i < expected.size(); i++) {
            assertThat(((DecodedFrame) results.get(i)).frame()).as(corpus.get(i / 2).toString()).isEqualTo(expected.get(i));
        }
    }
}
