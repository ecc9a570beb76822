package org.metergate.radio.common;

import org.metergate.api.radio.ChipCodingException;
import org.metergate.api.radio.FrameError;
import org.metergate.api.radio.RadioMode.FrameFormat;

/**
 * Reads one frame from the chips after a synchronisation word: the L-field, the number of bytes it and
 * the frame format give, each byte through the line code, then the CRCs.
 */
final class FrameReader {

    /** Where the chips come from: absolute positions. */
    interface Chips {
        boolean has(long from, long count);

        long bits(long from, int count);

        /** Position just after the last chip available. */
        long end();
    }

    /** A frame read completely, or the position up to which chips are still missing. */
    record Outcome(byte[] frame, long end, long missingFrom) {

        static Outcome needMore(long from) {
            return new Outcome(null, -1, from);
        }

        boolean complete() {
            return frame != null;
        }
    }

    private FrameReader() {
    }

    /**
     * Reads the frame whose first chip is at {@code start}.
     *
     * @throws ChipCodingException with the absolute chip position of a coding, length or CRC fault
     */
    static Outcome read(Chips chips, long start, FrameFormat format, LineCode code) throws ChipCodingException {
        int perByte = code.chipsPerByte();
        if (!chips.has(start, perByte)) {
            return Outcome.needMore(Math.max(start, chips.end()));
        }
        int l = decode(chips, start, code);
        int total;
        try {
            total = FrameLayout.totalLength(format, l);
        } catch (ChipCodingException e) {
            throw e.movedBy(start);
        }
        if (!chips.has(start, (long) total * perByte)) {
            return Outcome.needMore(Math.max(start, chips.end()));
        }
        byte[] frame = new byte[total];
        frame[0] = (byte) l;
        for (int i = 1; i < total; i++) {
            frame[i] = (byte) decode(chips, start + (long) i * perByte, code);
        }
        int bad = FrameLayout.firstBadCrc(format, frame);
        if (bad >= 0) {
            throw new ChipCodingException(FrameError.Kind.CRC_ERROR, start + (long) bad * perByte,
                    "the CRC at byte " + bad + " of a " + total + "-byte frame format " + format
                            + " does not match its block");
        }
        return new Outcome(frame, start + (long) total * perByte, -1);
    }

    private static int decode(Chips chips, long at, LineCode code) throws ChipCodingException {
        try {
            return code.decodeByte((int) chips.bits(at, code.chipsPerByte()));
        } catch (ChipCodingException e) {
            throw e.movedBy(at);
        }
    }
}
