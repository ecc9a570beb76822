package org.metergate.api.telegram;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * A telegram as received on the M or C interface, before any decoding: the frame bytes, their
 * framing and the metadata of the reception. Immutable: the bytes are copied in and out.
 */
public final class RawTelegram {

    private final byte[] frame;
    private final TelegramFormat format;
    private final ReceiveInfo info;

    public RawTelegram(byte[] frame, TelegramFormat format, ReceiveInfo info) {
        Objects.requireNonNull(frame, "frame");
        if (frame.length == 0) {
            throw new IllegalArgumentException("empty frame");
        }
        this.frame = frame.clone();
        this.format = Objects.requireNonNull(format, "format");
        this.info = Objects.requireNonNull(info, "info");
    }

    /** A copy of the frame bytes. */
    public byte[] frame() {
        return frame.clone();
    }

    public int length() {
        return frame.length;
    }

    /** The byte at {@code index}, 0..255. */
    public int byteAt(int index) {
        return frame[index] & 0xFF;
    }

    public TelegramFormat format() {
        return format;
    }

    public ReceiveInfo info() {
        return info;
    }

    /** The frame in upper-case hex, as logs and replay files show it. */
    public String hex() {
        return HexFormat.of().withUpperCase().formatHex(frame);
    }

    /** True when the frame bytes are identical (receptions may differ). */
    public boolean sameFrame(RawTelegram other) {
        return Arrays.equals(frame, other.frame);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RawTelegram t && format == t.format && info.equals(t.info) && Arrays.equals(frame, t.frame);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(frame) + info.hashCode();
    }

    @Override
    public String toString() {
        return "RawTelegram[" + format + ", " + frame.length + " bytes, " + info + "]";
    }
}
