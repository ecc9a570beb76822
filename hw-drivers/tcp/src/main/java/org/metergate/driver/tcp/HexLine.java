package org.metergate.driver.tcp;

import java.util.Locale;
import java.util.Objects;
import java.util.OptionalInt;
import org.metergate.api.radio.RadioModeId;
import org.metergate.api.telegram.TelegramFormat;
import org.metergate.serial.support.FaultKind;
import org.metergate.serial.support.FrameFormatException;
import org.metergate.serial.support.Hex;

/**
 * One frame line of a network receiver (format in the package documentation), validated.
 *
 * @param mode the radio mode, or null when the receiver did not say
 * @param rssiDbm signal strength, when given
 * @param format how the frame is framed
 * @param frame the frame bytes
 */
record HexLine(RadioModeId mode, OptionalInt rssiDbm, TelegramFormat format, byte[] frame) {

    HexLine {
        Objects.requireNonNull(rssiDbm, "rssiDbm");
        Objects.requireNonNull(format, "format");
        frame = frame.clone();
    }

    @Override
    public byte[] frame() {
        return frame.clone();
    }

    /**
     * Parses a line (not blank, not a comment).
     *
     * @throws FrameFormatException (framing) naming the field that is wrong
     */
    static HexLine parse(String line, TelegramFormat defaultFormat) throws FrameFormatException {
        String[] f = line.strip().split(";", -1);
        RadioModeId mode = null;
        OptionalInt rssi = OptionalInt.empty();
        TelegramFormat format = defaultFormat;
        String hex;
        switch (f.length) {
            case 1 -> hex = f[0];
            case 3, 4 -> {
                mode = mode(f[0].strip());
                rssi = rssi(f[1].strip());
                if (f.length == 4) {
                    format = format(f[2].strip());
                }
                hex = f[f.length - 1];
            }
            default -> throw new FrameFormatException(FaultKind.FRAMING,
                    "expected HEX, MODE;RSSI;HEX or MODE;RSSI;FRAMING;HEX, found " + f.length + " fields");
        }
        hex = hex.strip();
        if (hex.startsWith("0x") || hex.startsWith("0X")) {
            hex = hex.substring(2);
        }
        if (hex.isEmpty()) {
            throw new FrameFormatException(FaultKind.FRAMING, "no frame bytes");
        }
        byte[] frame = Hex.decode(hex);
        if (frame.length < 2) {
            throw new FrameFormatException(FaultKind.FRAMING, "a frame of " + frame.length + " byte");
        }
        if (format == TelegramFormat.WMBUS_NO_CRC && (frame[0] & 0xFF) != frame.length - 1) {
            throw new FrameFormatException(FaultKind.FRAMING, "L-field " + (frame[0] & 0xFF) + " but "
                    + (frame.length - 1) + " bytes follow (a frame without CRCs)");
        }
        return new HexLine(mode, rssi, format, frame);
    }

    private static RadioModeId mode(String s) throws FrameFormatException {
        if (s.equals("-")) {
            return null;
        }
        try {
            return RadioModeId.ofLabel(s);
        } catch (IllegalArgumentException e) {
            throw new FrameFormatException(FaultKind.FRAMING, "mode '" + s + "' is not an EN 13757-4 mode");
        }
    }

    private static OptionalInt rssi(String s) throws FrameFormatException {
        if (s.equals("-")) {
            return OptionalInt.empty();
        }
        try {
            int v = Integer.parseInt(s);
            if (v < -150 || v > 20) {
                throw new FrameFormatException(FaultKind.FRAMING, "RSSI " + v + " dBm out of range (-150 to 20)");
            }
            return OptionalInt.of(v);
        } catch (NumberFormatException e) {
            throw new FrameFormatException(FaultKind.FRAMING, "RSSI '" + s + "' is not whole dBm or -");
        }
    }

    static TelegramFormat format(String s) throws FrameFormatException {
        return switch (s.toUpperCase(Locale.ROOT)) {
            case "NOCRC" -> TelegramFormat.WMBUS_NO_CRC;
            case "A" -> TelegramFormat.WMBUS_FORMAT_A;
            case "B" -> TelegramFormat.WMBUS_FORMAT_B;
            case "DETECT" -> TelegramFormat.WMBUS_DETECT;
            default -> throw new FrameFormatException(FaultKind.FRAMING,
                    "framing '" + s + "' is not NOCRC, A, B or DETECT");
        };
    }
}
