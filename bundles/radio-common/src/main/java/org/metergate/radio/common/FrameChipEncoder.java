package org.metergate.radio.common;

import org.metergate.api.radio.ChipCodingException;
import org.metergate.api.radio.ChipSequence;
import org.metergate.api.radio.PhysicalChannel;
import org.metergate.api.radio.RadioMode.FrameFormat;

/**
 * Turns a link-layer frame into the chips a transmitter sends on a channel: n x preamble unit, the
 * synchronisation word of the frame format, the line-coded frame and the postamble. The postamble
 * alternates and starts with the complement of the last data chip, so the last symbol ends on a
 * transition (EN 13757-4 asks for 2 to 8 trailer chips in modes S and T and none in the NRZ modes).
 */
public final class FrameChipEncoder {

    private FrameChipEncoder() {
    }

    /**
     * @param frame the frame with the CRCs of {@code format}, from the L-field on
     * @param preambleRepetitions how often the preamble unit is sent (at least the channel's minimum)
     * @param postambleChips trailer chips (within the channel's postamble range)
     * @throws IllegalArgumentException when the format is not allowed on the channel, the frame length
     *         does not fit its L-field and format, or the preamble or postamble do not conform
     */
    public static ChipSequence encode(PhysicalChannel channel, LineCode code, FrameFormat format, byte[] frame,
            int preambleRepetitions, int postambleChips) {
        ChipSequence sync = channel.syncWord(format).orElseThrow(() -> new IllegalArgumentException(
                "frame format " + format + " is not used " + channel.direction() + " on this channel"));
        if (code.encoding() != channel.encoding()) {
            throw new IllegalArgumentException("the channel is " + channel.encoding() + ", not " + code.encoding());
        }
        checkLength(format, frame);
        if (preambleRepetitions < channel.preamble().minRepetitions()) {
            throw new IllegalArgumentException("at least " + channel.preamble().minRepetitions()
                    + " preamble repetitions, not " + preambleRepetitions);
        }
        if (postambleChips < channel.postamble().minChips() || postambleChips > channel.postamble().maxChips()) {
            throw new IllegalArgumentException("postamble of " + channel.postamble().minChips() + " to "
                    + channel.postamble().maxChips() + " chips, not " + postambleChips);
        }
        ChipSequence.Builder b = new ChipSequence.Builder(
                preambleRepetitions * 2 + sync.length() + frame.length * code.chipsPerByte() + postambleChips);
        b.append(channel.preamble().unit().repeat(preambleRepetitions));
        b.append(sync);
        int last = 0;
        for (byte value : frame) {
            int chips = code.encodeByte(value & 0xFF);
            b.appendBits(chips, code.chipsPerByte());
            last = chips & 1;
        }
        for (int i = 0; i < postambleChips; i++) {
            b.append(((last + 1 + i) & 1) != 0);
        }
        return b.build();
    }

    /** The line-coded bytes alone, without preamble, synchronisation word or postamble. */
    public static ChipSequence encodeBytes(LineCode code, byte[] bytes) {
        ChipSequence.Builder b = new ChipSequence.Builder(bytes.length * code.chipsPerByte());
        for (byte value : bytes) {
            b.appendBits(code.encodeByte(value & 0xFF), code.chipsPerByte());
        }
        return b.build();
    }

    static void checkLength(FrameFormat format, byte[] frame) {
        if (frame.length == 0) {
            throw new IllegalArgumentException("empty frame");
        }
        int l = frame[0] & 0xFF;
        int total;
        try {
            total = FrameLayout.totalLength(format, l);
        } catch (ChipCodingException e) {
            throw new IllegalArgumentException(e.reason(), e);
        }
        if (total != frame.length) {
            throw new IllegalArgumentException("frame format " + format + " with L-field " + l + " has " + total
                    + " bytes with its CRCs, not " + frame.length);
        }
    }
}
