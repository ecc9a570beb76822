package org.metergate.driver.rtlwmbus;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.metergate.api.radio.RadioModeId;
import org.metergate.serial.support.FaultKind;
import org.metergate.serial.support.FrameFormatException;
import org.metergate.serial.support.Hex;

/**
 * One output line of rtl_wmbus, validated: the datagrams it carries (L-field first, without CRCs) are usable only
 * when rtl_wmbus found their CRCs (and, in T1, their 3-out-of-6 coding) right.
 *
 * @param mode T1, C1 or S1
 * @param crcOk rtl_wmbus checked the link CRCs
 * @param codingOk the 3-out-of-6 decoding had no error (always true outside T1)
 * @param time when rtl_wmbus received it, in the receiving host's local time
 * @param packetRssi the packet's level on rtl_wmbus' scale
 * @param id the link layer identification number as printed
 * @param datagrams the datagrams, L-field first, without CRCs
 */
record RtlWmbusLine(RadioModeId mode, boolean crcOk, boolean codingOk, LocalDateTime time, double packetRssi, String id,
                    List<byte[]> datagrams) {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss[.SSS]");

    RtlWmbusLine {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(time, "time");
        datagrams = datagrams.stream().map(byte[]::clone).toList();
    }

    @Override
    public List<byte[]> datagrams() {
        return datagrams.stream().map(byte[]::clone).toList();
    }

    /**
     * Parses a line.
     *
     * @throws FrameFormatException unknown message for a line that is no rtl_wmbus datagram (e.g. rtl_sdr's talk),
     *         framing for a malformed one
     */
    static RtlWmbusLine parse(String line) throws FrameFormatException {
        String[] f = line.split(";", -1);
        RadioModeId mode = mode(f[0]);
        if (mode == null) {
            throw new FrameFormatException(FaultKind.UNKNOWN_MESSAGE, "not an rtl_wmbus datagram line: '"
                    + (line.length() > 40 ? line.substring(0, 40) + "..." : line) + "'");
        }
        if (f.length < 8) {
            throw new FrameFormatException(FaultKind.FRAMING, "rtl_wmbus line with " + f.length + " fields, expected 8");
        }
        boolean crc = flag(f[1], "CRC_OK");
        boolean coding = flag(f[2], "3OUTOF6OK");
        LocalDateTime time;
        try {
            time = LocalDateTime.parse(f[3].trim(), TIME);
        } catch (DateTimeParseException e) {
            throw new FrameFormatException(FaultKind.FRAMING, "TIMESTAMP is not yyyy-MM-dd HH:mm:ss.SSS: '" + f[3] + "'");
        }
        double rssi;
        try {
            rssi = Double.parseDouble(f[4].trim());
        } catch (NumberFormatException e) {
            throw new FrameFormatException(FaultKind.FRAMING, "PACKET_RSSI is not a number: '" + f[4] + "'");
        }
        List<byte[]> datagrams = new ArrayList<>();
        for (int i = 7; i < f.length; i++) {
            String d = f[i].trim();
            if (!d.startsWith("0x") && !d.startsWith("0X")) {
                throw new FrameFormatException(FaultKind.FRAMING, "datagram " + (i - 6) + " does not start with 0x");
            }
            byte[] b = Hex.decode(d, 2, d.length());
            if (b.length < 2 || (b[0] & 0xFF) != b.length - 1) {
                throw new FrameFormatException(FaultKind.FRAMING, "datagram " + (i - 6) + ": L-field "
                        + (b.length == 0 ? "missing" : (b[0] & 0xFF) + " but " + (b.length - 1) + " bytes follow"));
            }
            datagrams.add(b);
        }
        return new RtlWmbusLine(mode, crc, coding, time, rssi, f[6].trim(), datagrams);
    }

    private static RadioModeId mode(String text) {
        return switch (text.trim()) {
            case "T1" -> RadioModeId.T1;
            case "C1" -> RadioModeId.C1;
            case "S1" -> RadioModeId.S1;
            default -> null;
        };
    }

    private static boolean flag(String text, String name) throws FrameFormatException {
        return switch (text.trim()) {
            case "1" -> true;
            case "0" -> false;
            default -> throw new FrameFormatException(FaultKind.FRAMING, name + " is neither 0 nor 1: '" + text + "'");
        };
    }
}
