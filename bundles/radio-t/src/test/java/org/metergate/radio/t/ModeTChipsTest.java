package org.metergate.radio.t;

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
import org.metergate.api.radio.RadioMode.FrameFormat;
import org.metergate.radio.common.FrameChipEncoder;
import org.metergate.radio.common.FrameLayout;
import org.metergate.radio.common.Noise;
import org.metergate.radio.common.Nrz;
import org.metergate.radio.common.RealTelegrams;
import org.metergate.radio.common.SyncWords;

/**
 * Mode T at the bit level: real telegrams (wmbusmeters test data, EN 13757-4 CRCs of format A added)
 * encoded into chips as a T1 meter sends them and decoded back, with chip errors, noise and cuts.
 */
class ModeTChipsTest {

    private static final ModeT1 T1 = new ModeT1();
    private static final ModeT2 T2 = new ModeT2();
    /** 19 x 01 and the 10-chip sync word. */
    private static final int HEADER = 38 + 10;

    private static List<ChipDecoderResult> decode(ChipDecoderOptions options, ChipSequence... parts) {
        ChipDecoder d = T1.newChipDecoder(Direction.METER_TO_OTHER, options);
        List<ChipDecoderResult> out = new ArrayList<>(d.feed(ChipSequence.concat(parts)));
        out.addAll(d.finish());
        return out;
    }

    private static List<DecodedFrame> frames(List<ChipDecoderResult> r) {
        return r.stream().filter(DecodedFrame.class::isInstance).map(DecodedFrame.class::cast).toList();
    }

    private static ChipSequence sent(RealTelegrams.Telegram t) {
        return T1.encodeFrame(Direction.METER_TO_OTHER, FrameFormat.A, t.framed(FrameFormat.A));
    }

    @Test
    void realTelegramsInNoiseAndBackToBack() {
        List<ChipSequence> parts = new ArrayList<>();
        parts.add(Noise.chips(100, 2000));
        for (RealTelegrams.Telegram t : RealTelegrams.handful()) {
            parts.add(sent(t)); // back to back: the next preamble follows the postamble at once
        }
        parts.add(Noise.chips(101, 700));
        List<ChipDecoderResult> r = decode(ChipDecoderOptions.DEFAULT, parts.toArray(ChipSequence[]::new));
        assertThat(r).allMatch(DecodedFrame.class::isInstance);
        assertThat(frames(r)).extracting(DecodedFrame::hex).containsExactlyElementsOf(RealTelegrams.handful().stream()
                .map(t -> java.util.HexFormat.of().withUpperCase().formatHex(t.framed(FrameFormat.A))).toList());
        assertThat(frames(r).get(0).start()).isEqualTo(2000 + HEADER);
        assertThat(frames(r)).allSatisfy(f -> assertThat(f.toTelegram(new org.metergate.api.telegram.ReceiveInfo(
                java.time.Instant.EPOCH, java.util.OptionalInt.of(-70), "wmbus", "T1", "sdr")).format())
                .isEqualTo(org.metergate.api.telegram.TelegramFormat.WMBUS_FORMAT_A));
    }

    @Test
    void aWrongChipInTheFrameIsAnInvalidSymbolWhereItIs() {
        ChipSequence chips = sent(RealTelegrams.EFE_HCAE2_T1);
        int wrong = HEADER + 12 * 150 + 8; // byte 150, low nibble
        List<ChipDecoderResult> r = decode(ChipDecoderOptions.DEFAULT, chips.withFlippedChips(wrong), sent(RealTelegrams.IZAR));
        assertThat(r).hasSize(2);
        assertThat(r.get(0)).isInstanceOfSatisfying(FrameError.class, e -> {
            assertThat(e.kind()).isEqualTo(FrameError.Kind.INVALID_SYMBOL);
            assertThat(e.position()).isEqualTo(HEADER + 12 * 150 + 6);
            assertThat(e.mode()).isEqualTo(T1.id());
        });
        assertThat(r.get(1)).isInstanceOfSatisfying(DecodedFrame.class,
                d -> assertThat(d.frame()).isEqualTo(RealTelegrams.IZAR.framed(FrameFormat.A)));
    }

    @Test
    void twoWrongChipsThatFormAnotherCodeWordAreCaughtByTheCrc() {
        // nibble 0 = 010110 and nibble 2 = 001110 differ in chips 1 and 2: swap them in byte 20's high nibble
        byte[] plain = RealTelegrams.KAMSTRUP_WATER.withoutCrcs();
        plain[18] &= 0x0F; // byte 18 without CRCs is byte 20 of format A (block 2 starts at 12 after block 1's CRC)
        byte[] frame = FrameLayout.withCrcs(plain, FrameFormat.A); // a high nibble 0 is sent as 010110 ...
        ChipSequence chips = T1.encodeFrame(Direction.METER_TO_OTHER, FrameFormat.A, frame);
        int at = HEADER + 12 * 20;
        ChipSequence twoWrong = chips.withFlippedChips(at + 1, at + 2); // ... and received as 001110, nibble 2
        List<ChipDecoderResult> r = decode(ChipDecoderOptions.DEFAULT, twoWrong);
        assertThat(r).singleElement().isInstanceOfSatisfying(FrameError.class, e -> {
            assertThat(e.kind()).isEqualTo(FrameError.Kind.CRC_ERROR);
            assertThat(e.position()).isEqualTo(HEADER + 12 * (12 + 16)); // byte 20 is in block 2, its CRC at 28
        });
    }

    @Test
    void syncWordErrorsUpToTheConfiguredCount() {
        ChipSequence chips = sent(RealTelegrams.ELV_SENSE);
        ChipSequence oneWrong = chips.withFlippedChips(38 + 4);
        ChipSequence twoWrong = chips.withFlippedChips(38 + 4, 38 + 9);
        assertThat(frames(decode(ChipDecoderOptions.exact(16), oneWrong))).isEmpty();
        assertThat(frames(decode(new ChipDecoderOptions(1, 16), oneWrong))).singleElement()
                .satisfies(f -> assertThat(f.syncErrors()).isEqualTo(1));
        assertThat(frames(decode(new ChipDecoderOptions(1, 16), twoWrong))).isEmpty();
        assertThat(frames(decode(new ChipDecoderOptions(2, 16), twoWrong))).singleElement()
                .satisfies(f -> assertThat(f.frame()).isEqualTo(RealTelegrams.ELV_SENSE.framed(FrameFormat.A)));
    }

    @Test
    void aCutFrameIsTruncated() {
        ChipSequence chips = sent(RealTelegrams.KAMSTRUP_WATER);
        List<ChipDecoderResult> r = decode(ChipDecoderOptions.DEFAULT, Noise.chips(5, 100), chips.slice(0, HEADER + 12 * 30));
        assertThat(r).singleElement().isInstanceOfSatisfying(FrameError.class, e -> {
            assertThat(e.kind()).isEqualTo(FrameError.Kind.TRUNCATED);
            assertThat(e.position()).isEqualTo(100 + HEADER + 12 * 30);
        });
    }

    @Test
    void modeCFramesOnTheSameChannelAreNotTCodingErrors() {
        byte[] c = RealTelegrams.EFE_HCAE2_C1.framed(FrameFormat.B);
        ChipSequence modeC = ChipSequence.concat(ChipSequence.parse("01").repeat(16), SyncWords.C_FORMAT_B,
                FrameChipEncoder.encodeBytes(Nrz.INSTANCE, c));
        List<ChipDecoderResult> r = decode(ChipDecoderOptions.DEFAULT, modeC, sent(RealTelegrams.ELV_SENSE), modeC);
        assertThat(r).singleElement().isInstanceOf(DecodedFrame.class);
    }

    @Test
    void afterTheSyncWordTheChipsGiveTheFrame() throws ChipCodingException {
        byte[] frame = RealTelegrams.EFE_HCAE2_T1.framed(FrameFormat.A);
        ChipSequence chips = sent(RealTelegrams.EFE_HCAE2_T1);
        ChipSequence afterSync = chips.slice(HEADER, chips.length());
        DecodedFrame d = T1.decodeFrame(Direction.METER_TO_OTHER, FrameFormat.A, afterSync);
        assertThat(d.frame()).isEqualTo(frame);
        assertThat(afterSync.length() - d.end()).isEqualTo(2); // the postamble
        assertThatThrownBy(() -> T1.decodeFrame(Direction.METER_TO_OTHER, FrameFormat.A, afterSync.withFlippedChips(0)))
                .isInstanceOfSatisfying(ChipCodingException.class, e -> {
                    assertThat(e.kind()).isEqualTo(FrameError.Kind.INVALID_SYMBOL);
                    assertThat(e.position()).isZero();
                });
        assertThatThrownBy(() -> T1.decodeFrame(Direction.METER_TO_OTHER, FrameFormat.B, afterSync))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theT2DownlinkIsManchester() {
        byte[] frame = RealTelegrams.KAMSTRUP_WATER.framed(FrameFormat.A);
        ChipSequence chips = T2.encodeFrame(Direction.OTHER_TO_METER, FrameFormat.A, frame);
        assertThat(chips.length()).isEqualTo(30 + 18 + 16 * frame.length + 2);
        ChipDecoder d = T2.newChipDecoder(Direction.OTHER_TO_METER, ChipDecoderOptions.DEFAULT);
        List<ChipDecoderResult> r = new ArrayList<>(d.feed(ChipSequence.concat(Noise.chips(9, 300), chips)));
        r.addAll(d.finish());
        assertThat(frames(r)).singleElement().satisfies(f -> {
            assertThat(f.frame()).isEqualTo(frame);
            assertThat(f.direction()).isEqualTo(Direction.OTHER_TO_METER);
        });
        assertThatThrownBy(() -> T1.encodeFrame(Direction.OTHER_TO_METER, FrameFormat.A, frame))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unidirectional");
    }
}
