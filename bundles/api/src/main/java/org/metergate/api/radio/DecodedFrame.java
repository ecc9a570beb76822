package org.metergate.api.radio;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;
import org.metergate.api.radio.RadioMode.FrameFormat;
import org.metergate.api.telegram.RawTelegram;
import org.metergate.api.telegram.ReceiveInfo;
import org.metergate.api.telegram.TelegramFormat;

/**
 * An EN 13757-4 link-layer frame decoded from chips: its bytes from the L-field on, with the CRCs of
 * its frame format (all checked), and where in the chip stream it was. Immutable.
 */
public final class DecodedFrame implements ChipDecoderResult {

    private final RadioModeId mode;
    private final Direction direction;
    private final FrameFormat format;
    private final byte[] frame;
    private final long start;
    private final long end;
    private final int syncErrors;

    /**
     * @param frame the frame with its CRCs, from the L-field on
     * @param start the chip position of the first chip of the frame (just after the synchronisation word)
     * @param end the chip position just after the last chip of the frame
     * @param syncErrors how many chips of the frame start pattern were wrong
     */
    public DecodedFrame(RadioModeId mode, Direction direction, FrameFormat format, byte[] frame, long start, long end,
            int syncErrors) {
        this.mode = Objects.requireNonNull(mode, "mode");
        this.direction = Objects.requireNonNull(direction, "direction");
        this.format = Objects.requireNonNull(format, "format");
        Objects.requireNonNull(frame, "frame");
        if (frame.length == 0 || start < 0 || end < start || syncErrors < 0) {
            throw new IllegalArgumentException("empty frame or bad positions " + start + ".." + end);
        }
        this.frame = frame.clone();
        this.start = start;
        this.end = end;
        this.syncErrors = syncErrors;
    }

    @Override
    public RadioModeId mode() {
        return mode;
    }

    public Direction direction() {
        return direction;
    }

    /** The frame format the synchronisation word announced. */
    public FrameFormat format() {
        return format;
    }

    /** {@link TelegramFormat#WMBUS_FORMAT_A} or {@link TelegramFormat#WMBUS_FORMAT_B}. */
    public TelegramFormat telegramFormat() {
        return format == FrameFormat.A ? TelegramFormat.WMBUS_FORMAT_A : TelegramFormat.WMBUS_FORMAT_B;
    }

    /** A copy of the frame bytes with their CRCs. */
    public byte[] frame() {
        return frame.clone();
    }

    public int length() {
        return frame.length;
    }

    /** The frame in upper-case hex. */
    public String hex() {
        return HexFormat.of().withUpperCase().formatHex(frame);
    }

    /** Same as {@link #start()}. */
    @Override
    public long position() {
        return start;
    }

    public long start() {
        return start;
    }

    public long end() {
        return end;
    }

    public int syncErrors() {
        return syncErrors;
    }

    /** The frame as a raw telegram with the metadata of its reception. */
    public RawTelegram toTelegram(ReceiveInfo info) {
        return new RawTelegram(frame, telegramFormat(), info);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DecodedFrame d && mode == d.mode && direction == d.direction && format == d.format
                && start == d.start && end == d.end && syncErrors == d.syncErrors
                && Arrays.equals(frame, d.frame);
    }

    @Override
    public int hashCode() {
        return Objects.hash(mode, format, start, end) * 31 + Arrays.hashCode(frame);
    }

    @Override
    public String toString() {
        return "DecodedFrame[" + mode + " " + direction + " format " + format + ", " + frame.length + " bytes, chips "
                + start + ".." + end + ", " + syncErrors + " sync errors]";
    }
}
