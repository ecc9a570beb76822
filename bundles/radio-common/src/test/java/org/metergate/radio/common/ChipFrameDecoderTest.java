package org.metergate.radio.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.metergate.api.radio.ChipDecoder;
import org.metergate.api.radio.ChipDecoderOptions;
import org.metergate.api.radio.ChipDecoderResult;
import org.metergate.api.radio.ChipSequence;
import org.metergate.api.radio.DecodedFrame;
import org.metergate.api.radio.Direction;
import org.metergate.api.radio.FrameError;
import org.metergate.api.radio.RadioMode.FrameFormat;
import org.metergate.api.telegram.ReceiveInfo;
import org.metergate.api.telegram.TelegramFormat;

/** The streaming decoder on real telegrams encoded for an NRZ (mode C like) and a Manchester (mode S like) channel. */
class ChipFrameDecoderTest {

    private static final StandardRadioMode NRZ = new StandardRadioMode(TestChannels.NRZ_MODE);
    private static final StandardRadioMode MANCHESTER = new StandardRadioMode(TestChannels.MANCHESTER_MODE);
    /** Preamble (16 x 01) and the 26-chip sync word come before the frame. */
    private static final int NRZ_HEADER = 32 + 26;

    private static ChipDecoder nrz(ChipDecoderOptions options) {
        return NRZ.newChipDecoder(Direction.METER_TO_OTHER, options);
    }

    private static List<DecodedFrame> frames(List<ChipDecoderResult> results) {
        return results.stream().filter(DecodedFrame.class::isInstance).map(DecodedFrame.class::cast).toList();
    }

    private static List<FrameError> errors(List<ChipDecoderResult> results) {
        return results.stream().filter(FrameError.class::isInstance).map(FrameError.class::cast).toList();
    }

    private static List<ChipDecoderResult> decodeAll(ChipDecoder d, ChipSequence chips) {
        List<ChipDecoderResult> out = new ArrayList<>(d.feed(chips));
        out.addAll(d.finish());
        return out;
    }

    @Test
    void realTelegramsComeBackInBothFormats() {
        for (RealTelegrams.Telegram t : RealTelegrams.handful()) {
            for (FrameFormat f : FrameFormat.values()) {
                byte[] frame = t.framed(f);
                ChipSequence chips = NRZ.encodeFrame(Direction.METER_TO_OTHER, f, frame);
                List<ChipDecoderResult> r = decodeAll(nrz(ChipDecoderOptions.DEFAULT), chips);
                assertThat(r).as(t + " " + f).hasSize(1);
                DecodedFrame d = (DecodedFrame) r.get(0);
                assertThat(d.format()).isEqualTo(f);
                assertThat(d.frame()).isEqualTo(frame);
                assertThat(d.start()).isEqualTo(NRZ_HEADER);
                assertThat(d.end()).isEqualTo(NRZ_HEADER + 8L * frame.length);
                assertThat(d.syncErrors()).isZero();
                assertThat(d.toTelegram(new ReceiveInfo(java.time.Instant.EPOCH, java.util.OptionalInt.empty(), "l",
                        "C1", "sdr")).format()).isEqualTo(f == FrameFormat.A ? TelegramFormat.WMBUS_FORMAT_A
                                : TelegramFormat.WMBUS_FORMAT_B);
            }
        }
    }

    @Test
    void chunkingOfTheStreamDoesNotMatter() {
        ChipSequence stream = ChipSequence.concat(Noise.chips(1, 333),
                NRZ.encodeFrame(Direction.METER_TO_OTHER, FrameFormat.A, RealTelegrams.KAMSTRUP_WATER.framed(FrameFormat.A)),
                Noise.chips(2, 77),
                NRZ.encodeFrame(Direction.METER_TO_OTHER, FrameFormat.B, RealTelegrams.EFE_HCAE2_C1.framed(FrameFormat.B)),
                Noise.chips(3, 50));
        List<ChipDecoderResult> whole = decodeAll(nrz(ChipDecoderOptions.DEFAULT), stream);
        assertThat(frames(whole)).hasSize(2);

        ChipDecoder d = nrz(ChipDecoderOptions.DEFAULT);
        List<ChipDecoderResult> pieces = new ArrayList<>();
        SplittableRandom r = new SplittableRandom(7);
        int at = 0;
        while (at < stream.length()) {
            int n = Math.min(stream.length() - at, 1 + r.nextInt(40));
            pieces.addAll(d.feed(stream.slice(at, at + n)));
            at += n;
        }
        assertThat(d.position()).isEqualTo(stream.length());
        pieces.addAll(d.finish());
        assertThat(pieces).isEqualTo(whole);
    }

    @Test
    void framesInNoiseAndBackToBack() {
        byte[] a = RealTelegrams.ELV_SENSE.framed(FrameFormat.A);
        byte[] b = RealTelegrams.IZAR.framed(FrameFormat.B);
        ChipSequence first = NRZ.encodeFrame(Direction.METER_TO_OTHER, FrameFormat.A, a);
        ChipSequence second = NRZ.encodeFrame(Direction.METER_TO_OTHER, FrameFormat.B, b);
        ChipSequence noise = Noise.chips(11, 1000);
        List<ChipDecoderResult> r = decodeAll(nrz(ChipDecoderOptions.DEFAULT),
                ChipSequence.concat(noise, first, second, Noise.chips(12, 500)));
        assertThat(errors(r)).isEmpty();
        assertThat(frames(r)).extracting(DecodedFrame::frame).containsExactly(a, b);
        assertThat(frames(r).get(0).start()).isEqualTo(1000 + NRZ_HEADER);
        assertThat(frames(r).get(1).start()).isEqualTo(1000 + first.length() + NRZ_HEADER);
    }

    @Test
    void wrongChipsInTheSyncWordAreToleratedUpToTheConfiguredCount() {
        byte[] frame = RealTelegrams.KAMSTRUP_WATER.framed(FrameFormat.A);
        ChipSequence chips = NRZ.encodeFrame(Direction.METER_TO_OTHER, FrameFormat.A, frame);
        int sync = 32; // first chip of the sync word
        ChipSequence twoWrong = chips.withFlippedChips(sync + 1, sync + 7);
        for (int tolerated = 0; tolerated <= 3; tolerated++) {
            List<DecodedFrame> found = frames(decodeAll(nrz(new ChipDecoderOptions(tolerated, 16)), twoWrong));
            if (tolerated >= 2) {
                assertThat(found).as("tolerating %d", tolerated).hasSize(1);
                assertThat(found.get(0).syncErrors()).isEqualTo(2);
                assertThat(found.get(0).frame()).isEqualTo(frame);
            } else {
                assertThat(found).as("tolerating %d", tolerated).isEmpty();
            }
        }
        // wrong chips in the matched preamble tail count too
        ChipSequence preambleHit = chips.withFlippedChips(20);
        assertThat(frames(decodeAll(nrz(new ChipDecoderOptions(0, 16)), preambleHit))).isEmpty();
        assertThat(frames(decodeAll(nrz(new ChipDecoderOptions(0, 8)), preambleHit))).hasSize(1);
    }

    @Test
    void aWrongPayloadChipIsACrcErrorOfItsBlockAndTheNextFrameStillComes() {
        byte[] frame = RealTelegrams.KAMSTRUP_WATER.framed(FrameFormat.A);
        ChipSequence bad = NRZ.encodeFrame(Direction.METER_TO_OTHER, FrameFormat.A, frame)
                .withFlippedChips(NRZ_HEADER + 8 * 14 + 3); // a chip of byte 14, in block 2 (bytes 12..27)
        ChipSequence good = NRZ.encodeFrame(Direction.METER_TO_OTHER, FrameFormat.A, frame);
        List<ChipDecoderResult> r = decodeAll(nrz(ChipDecoderOptions.DEFAULT), ChipSequence.concat(bad, good));
        assertThat(errors(r)).singleElement().satisfies(e -> {
            assertThat(e.kind()).isEqualTo(FrameError.Kind.CRC_ERROR);
            assertThat(e.position()).isEqualTo(NRZ_HEADER + 8 * (12 + 16)); // the CRC of block 2
        });
        assertThat(frames(r)).singleElement().satisfies(d -> {
            assertThat(d.frame()).isEqualTo(frame);
            assertThat(d.start()).isEqualTo(bad.length() + NRZ_HEADER);
        });
    }

    @Test
    void aManchesterViolationIsReportedAtItsChip() {
        byte[] frame = RealTelegrams.ELV_SENSE.framed(FrameFormat.A);
        ChipSequence chips = MANCHESTER.encodeFrame(Direction.METER_TO_OTHER, FrameFormat.A, frame);
        int header = 30 + 18;
        int pos = header + 16 * 5 + 4; // first chip of bit 2 of byte 5
        List<ChipDecoderResult> r = decodeAll(MANCHESTER.newChipDecoder(Direction.METER_TO_OTHER,
                ChipDecoderOptions.DEFAULT), chips.withFlippedChips(pos));
        assertThat(r).singleElement().isInstanceOfSatisfying(FrameError.class, e -> {
            assertThat(e.kind()).isEqualTo(FrameError.Kind.MANCHESTER_VIOLATION);
            assertThat(e.position()).isEqualTo(pos);
            assertThat(e.message()).contains("not a Manchester symbol");
        });
        assertThat(frames(decodeAll(MANCHESTER.newChipDecoder(Direction.METER_TO_OTHER, ChipDecoderOptions.DEFAULT),
                chips))).singleElement().satisfies(d -> assertThat(d.frame()).isEqualTo(frame));
    }

    @Test
    void aStreamEndingInsideAFrameReportsItTruncated() {
        byte[] frame = RealTelegrams.EFE_HCAE2_C1.framed(FrameFormat.B);
        ChipSequence chips = NRZ.encodeFrame(Direction.METER_TO_OTHER, FrameFormat.B, frame);
        ChipSequence cut = chips.slice(0, NRZ_HEADER + 8 * 100 + 5);
        ChipDecoder d = nrz(ChipDecoderOptions.DEFAULT);
        assertThat(d.feed(cut)).isEmpty(); // waits for the rest
        assertThat(d.finish()).singleElement().isInstanceOfSatisfying(FrameError.class, e -> {
            assertThat(e.kind()).isEqualTo(FrameError.Kind.TRUNCATED);
            assertThat(e.position()).isEqualTo(cut.length());
        });
        // ready for a new stream from chip 0
        assertThat(frames(decodeAll(d, chips))).singleElement().satisfies(f -> assertThat(f.start()).isEqualTo(NRZ_HEADER));
    }

    @Test
    void anLFieldNoFrameCanHaveIsAnInvalidLength() {
        ChipSequence chips = ChipSequence.concat(ChipSequence.parse("01").repeat(16), TestChannels.C_SYNC_B,
                FrameChipEncoder.encodeBytes(Nrz.INSTANCE, new byte[] {(byte) 128, 0x44, 1, 2}));
        assertThat(decodeAll(nrz(ChipDecoderOptions.DEFAULT), chips)).singleElement()
                .isInstanceOfSatisfying(FrameError.class, e -> {
                    assertThat(e.kind()).isEqualTo(FrameError.Kind.INVALID_LENGTH);
                    assertThat(e.position()).isEqualTo(NRZ_HEADER);
                });
    }

    @Test
    void aSyncWordHalfWayBetweenTwoFormatsIsAmbiguous() {
        // the format A and B words differ in chips 18..21 of the sync word: make two of them B-like
        ChipSequence chips = NRZ.encodeFrame(Direction.METER_TO_OTHER, FrameFormat.A,
                RealTelegrams.ELV_SENSE.framed(FrameFormat.A)).withFlippedChips(32 + 18, 32 + 19);
        assertThat(errors(decodeAll(nrz(new ChipDecoderOptions(2, 16)), chips))).extracting(FrameError::kind)
                .contains(FrameError.Kind.AMBIGUOUS_SYNC);
        assertThat(frames(decodeAll(nrz(new ChipDecoderOptions(2, 16)), chips))).isEmpty();
    }

    @Test
    void aForeignContinuationIsPassedOverSilently() {
        ChipSequence frameA = NRZ.encodeFrame(Direction.METER_TO_OTHER, FrameFormat.A,
                RealTelegrams.ELV_SENSE.framed(FrameFormat.A));
        ChipDecoder d = new ChipFrameDecoder(TestChannels.NRZ_MODE.id(), TestChannels.NRZ_TWO_FORMATS, Nrz.INSTANCE,
                ChipDecoderOptions.DEFAULT, List.of(ChipSequence.parse("00011000"))); // the first L-field chips of ELV
        assertThat(decodeAll(d, frameA)).isEmpty();
    }

    @Test
    void optionsBeyondTheMinimumPreambleAreRefused() {
        assertThatThrownBy(() -> nrz(new ChipDecoderOptions(0, 33))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("32 chips");
        assertThatThrownBy(() -> new StandardRadioMode(TestChannels.NRZ_MODE).newChipDecoder(Direction.OTHER_TO_METER,
                ChipDecoderOptions.DEFAULT)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unidirectional");
    }
}
