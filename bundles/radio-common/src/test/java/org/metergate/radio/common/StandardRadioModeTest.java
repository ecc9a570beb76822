package org.metergate.radio.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.metergate.api.radio.ChipCodingException;
import org.metergate.api.radio.ChipSequence;
import org.metergate.api.radio.DataEncoding;
import org.metergate.api.radio.DecodedFrame;
import org.metergate.api.radio.Direction;
import org.metergate.api.radio.FrameError;
import org.metergate.api.radio.RadioMode.FrameFormat;

/** Decoding the chips after a known synchronisation word, and encoding a frame into chips. */
class StandardRadioModeTest {

    private static final StandardRadioMode NRZ = new StandardRadioMode(TestChannels.NRZ_MODE);
    private static final StandardRadioMode MANCHESTER = new StandardRadioMode(TestChannels.MANCHESTER_MODE);

    @Test
    void theChipsAfterTheSyncWordGiveTheFrame() throws ChipCodingException {
        byte[] frame = RealTelegrams.hex(RealTelegrams.OMS_EXAMPLE_FORMAT_A);
        ChipSequence payload = FrameChipEncoder.encodeBytes(Manchester.INSTANCE, frame);
        DecodedFrame d = MANCHESTER.decodeFrame(Direction.OTHER_TO_METER, FrameFormat.A,
                ChipSequence.concat(payload, ChipSequence.parse("01")));
        assertThat(d.frame()).isEqualTo(frame);
        assertThat(d.end()).isEqualTo(payload.length());
        assertThat(d.mode()).isEqualTo(TestChannels.MANCHESTER_MODE.id());
    }

    @Test
    void faultsCarryKindAndChipPosition() {
        byte[] frame = RealTelegrams.hex(RealTelegrams.OMS_EXAMPLE_FORMAT_A);
        ChipSequence payload = FrameChipEncoder.encodeBytes(Nrz.INSTANCE, frame);
        assertThatThrownBy(() -> NRZ.decodeFrame(Direction.METER_TO_OTHER, FrameFormat.A, payload.slice(0, 300)))
                .isInstanceOfSatisfying(ChipCodingException.class, e -> {
                    assertThat(e.kind()).isEqualTo(FrameError.Kind.TRUNCATED);
                    assertThat(e.position()).isEqualTo(300);
                });
        assertThatThrownBy(() -> NRZ.decodeFrame(Direction.METER_TO_OTHER, FrameFormat.A, payload.withFlippedChips(8 * 3)))
                .isInstanceOfSatisfying(ChipCodingException.class, e -> {
                    assertThat(e.kind()).isEqualTo(FrameError.Kind.CRC_ERROR);
                    assertThat(e.position()).isEqualTo(8 * 10); // the CRC of block 1
                });
        // read as format B the same L-field promises fewer bytes, whose CRC cannot match
        assertThatThrownBy(() -> NRZ.decodeFrame(Direction.METER_TO_OTHER, FrameFormat.B, payload))
                .isInstanceOfSatisfying(ChipCodingException.class,
                        e -> assertThat(e.kind()).isEqualTo(FrameError.Kind.CRC_ERROR));
    }

    @Test
    void theEncoderSendsPreambleSyncWordFramePostamble() {
        byte[] frame = RealTelegrams.ELV_SENSE.framed(FrameFormat.A);
        ChipSequence chips = MANCHESTER.encodeFrame(Direction.METER_TO_OTHER, FrameFormat.A, frame);
        assertThat(chips.length()).isEqualTo(30 + 18 + 16 * frame.length + 2);
        assertThat(chips.slice(0, 30)).isEqualTo(ChipSequence.parse("01").repeat(15));
        assertThat(chips.slice(30, 48)).isEqualTo(ChipSequence.parse("000111011010010110"));
        boolean last = chips.chip(chips.length() - 3);
        assertThat(chips.chip(chips.length() - 2)).isNotEqualTo(last);
        assertThat(chips.chip(chips.length() - 1)).isEqualTo(last);
        assertThat(MANCHESTER.lineCode(Direction.METER_TO_OTHER).encoding()).isEqualTo(DataEncoding.MANCHESTER);
    }

    @Test
    void theEncoderRefusesWhatCannotBeSent() {
        byte[] a = RealTelegrams.ELV_SENSE.framed(FrameFormat.A);
        assertThatThrownBy(() -> MANCHESTER.encodeFrame(Direction.METER_TO_OTHER, FrameFormat.B, a))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("format B");
        assertThatThrownBy(() -> NRZ.encodeFrame(Direction.METER_TO_OTHER, FrameFormat.B, a))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("bytes with its CRCs");
        assertThatThrownBy(() -> NRZ.encodeFrame(Direction.METER_TO_OTHER, FrameFormat.A, RealTelegrams.ELV_SENSE.withoutCrcs()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FrameChipEncoder.encode(TestChannels.MANCHESTER, Manchester.INSTANCE, FrameFormat.A, a, 14, 2))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("preamble");
        assertThatThrownBy(() -> FrameChipEncoder.encode(TestChannels.MANCHESTER, Manchester.INSTANCE, FrameFormat.A, a, 15, 9))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("postamble");
        assertThatThrownBy(() -> new StandardRadioMode(TestChannels.NRZ_MODE) {
        }.newChipDecoder(Direction.METER_TO_OTHER, null)).isInstanceOf(NullPointerException.class);
    }
}
