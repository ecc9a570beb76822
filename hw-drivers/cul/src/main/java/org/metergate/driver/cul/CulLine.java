package org.metergate.driver.cul;

import java.util.Objects;
import java.util.OptionalInt;
import org.metergate.api.telegram.TelegramFormat;
import org.metergate.serial.support.FaultKind;
import org.metergate.serial.support.FrameFormatException;
import org.metergate.serial.support.Hex;

/** What a line from culfw is: a received wM-Bus frame, an answer to a command, or something else. */
sealed interface CulLine {

    /**
     * A received frame ({@code b...} or {@code bY...}), CRCs checked.
     *
     * @param frame the frame with its link CRCs
     * @param format format A or B
     * @param lqi the CC1101 link quality indicator, when reported
     * @param rssi the CC1101 raw RSSI, when reported
     */
    record Frame(byte[] frame, TelegramFormat format, OptionalInt lqi, OptionalInt rssi) implements CulLine {
        public Frame {
            frame = frame.clone();
            Objects.requireNonNull(format, "format");
        }

        @Override
        public byte[] frame() {
            return frame.clone();
        }
    }

    /** Any other line: a version, a mode confirmation ({@code TMODE}), an error message. */
    record Text(String text) implements CulLine {
    }

    /**
     * Parses one line.
     *
     * @throws FrameFormatException for a {@code b} line whose hex, length or CRCs are wrong
     */
    static CulLine parse(String line) throws FrameFormatException {
        if (line.length() < 2 || line.charAt(0) != 'b' || !(line.charAt(1) == 'Y' || Character.digit(line.charAt(1), 16) >= 0)) {
            return new Text(line);
        }
        boolean formatB = line.charAt(1) == 'Y';
        byte[] bytes = Hex.decode(line, formatB ? 2 : 1, line.length());
        if (bytes.length == 0) {
            throw new FrameFormatException(FaultKind.FRAMING, "frame line without frame bytes");
        }
        int l = bytes[0] & 0xFF;
        int length = formatB ? WMBusCrc.lengthB(l) : WMBusCrc.lengthA(l);
        if (length < 0) {
            throw new FrameFormatException(FaultKind.FRAMING, "L-field " + l + " is too short for a frame");
        }
        int extra = bytes.length - length;
        if (extra != 0 && extra != 2) {
            throw new FrameFormatException(FaultKind.FRAMING, String.format(
                    "L-field %d gives %d bytes (format %s) but the line has %d", l, length, formatB ? "B" : "A",
                    bytes.length));
        }
        byte[] frame = new byte[length];
        System.arraycopy(bytes, 0, frame, 0, length);
        if (formatB) {
            WMBusCrc.checkB(frame);
        } else {
            WMBusCrc.checkA(frame);
        }
        OptionalInt lqi = extra == 2 ? OptionalInt.of(bytes[length] & 0xFF) : OptionalInt.empty();
        OptionalInt rssi = extra == 2 ? OptionalInt.of(bytes[length + 1] & 0xFF) : OptionalInt.empty();
        return new Frame(frame, formatB ? TelegramFormat.WMBUS_FORMAT_B : TelegramFormat.WMBUS_FORMAT_A, lqi, rssi);
    }

    /** The CC1101 RSSI register in dBm (data sheet: half dB steps, two's complement, 74 dB offset at 868 MHz). */
    static int rssiDbm(int raw) {
        if (raw < 0 || raw > 255) {
            throw new IllegalArgumentException("raw RSSI is one byte: " + raw);
        }
        return raw >= 128 ? (raw - 256) / 2 - 74 : raw / 2 - 74;
    }
}
