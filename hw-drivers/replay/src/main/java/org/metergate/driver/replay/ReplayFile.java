package org.metergate.driver.replay;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import org.metergate.api.radio.RadioModeId;
import org.metergate.api.telegram.TelegramFormat;

/**
 * Reads the replay file format: one received frame a line,
 *
 * <pre>
 * # comment
 * &lt;seconds since start&gt; &lt;radio mode or -&gt; &lt;RSSI dBm or -&gt; &lt;framing&gt; &lt;frame hex&gt;
 * 12.5 T1 -71 NOCRC 2E449315785634123303...
 * </pre>
 *
 * Framing is {@code A} or {@code B} (EN 13757-4 frame format with link CRCs), {@code NOCRC}
 * (CRCs removed by the receiver, the usual stick output), {@code DETECT} or {@code MBUS} (a wired
 * EN 13757-2 frame). Times must not go backwards.
 */
final class ReplayFile {

    private ReplayFile() {
    }

    static List<RecordedFrame> read(Reader in, String source) throws IOException, ReplayFileException {
        List<RecordedFrame> frames = new ArrayList<>();
        BufferedReader r = new BufferedReader(in);
        String text;
        int lineNo = 0;
        long lastOffset = 0;
        while ((text = r.readLine()) != null) {
            lineNo++;
            String line = text.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] cols = line.split("\\s+");
            if (cols.length != 5) {
                throw new ReplayFileException(source, lineNo, "expected 5 columns (time mode rssi framing hex), found " + cols.length);
            }
            long offset = parseOffset(cols[0], source, lineNo);
            if (offset < lastOffset) {
                throw new ReplayFileException(source, lineNo, "time goes backwards: " + cols[0]);
            }
            lastOffset = offset;
            RadioModeId mode = parseMode(cols[1], source, lineNo);
            OptionalInt rssi = parseRssi(cols[2], source, lineNo);
            TelegramFormat format = parseFormat(cols[3], source, lineNo);
            byte[] frame = parseHex(cols[4], source, lineNo);
            frames.add(new RecordedFrame(offset, mode, rssi, format, frame));
        }
        return frames;
    }

    private static long parseOffset(String s, String source, int line) throws ReplayFileException {
        try {
            double seconds = Double.parseDouble(s);
            if (!(seconds >= 0) || Double.isInfinite(seconds)) {
                throw new ReplayFileException(source, line, "time must be a non-negative number of seconds: " + s);
            }
            return Math.round(seconds * 1000);
        } catch (NumberFormatException e) {
            throw new ReplayFileException(source, line, "time must be a number of seconds: " + s);
        }
    }

    private static RadioModeId parseMode(String s, String source, int line) throws ReplayFileException {
        if (s.equals("-")) {
            return null;
        }
        try {
            return RadioModeId.ofLabel(s);
        } catch (IllegalArgumentException e) {
            throw new ReplayFileException(source, line, e.getMessage());
        }
    }

    private static OptionalInt parseRssi(String s, String source, int line) throws ReplayFileException {
        if (s.equals("-")) {
            return OptionalInt.empty();
        }
        try {
            int v = Integer.parseInt(s);
            if (v < -150 || v > 20) {
                throw new ReplayFileException(source, line, "RSSI out of range (-150..20 dBm): " + s);
            }
            return OptionalInt.of(v);
        } catch (NumberFormatException e) {
            throw new ReplayFileException(source, line, "RSSI must be an integer dBm or -: " + s);
        }
    }

    private static TelegramFormat parseFormat(String s, String source, int line) throws ReplayFileException {
        return switch (s.toUpperCase(Locale.ROOT)) {
            case "A" -> TelegramFormat.WMBUS_FORMAT_A;
            case "B" -> TelegramFormat.WMBUS_FORMAT_B;
            case "NOCRC" -> TelegramFormat.WMBUS_NO_CRC;
            case "DETECT" -> TelegramFormat.WMBUS_DETECT;
            case "MBUS" -> TelegramFormat.MBUS_FRAME;
            default -> throw new ReplayFileException(source, line, "framing must be A, B, NOCRC, DETECT or MBUS: " + s);
        };
    }

    private static byte[] parseHex(String s, String source, int line) throws ReplayFileException {
        if (s.length() % 2 != 0) {
            throw new ReplayFileException(source, line, "odd number of hex digits");
        }
        try {
            return HexFormat.of().parseHex(s);
        } catch (IllegalArgumentException e) {
            throw new ReplayFileException(source, line, "not hex: " + e.getMessage());
        }
    }
}
