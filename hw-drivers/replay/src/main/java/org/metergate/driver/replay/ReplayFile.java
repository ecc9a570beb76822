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

    /** Reads a whole replay file into memory (small recordings, tests). */
    static List<RecordedFrame> read(Reader in, String source) throws IOException, ReplayFileException {
        List<RecordedFrame> frames = new ArrayList<>();
        try (Lines lines = new Lines(in, source)) {
            for (RecordedFrame f = lines.next(); f != null; f = lines.next()) {
                frames.add(f);
            }
        }
        return frames;
    }

    /**
     * A replay file read one frame at a time, so that a recording of any length plays in constant
     * memory. Errors name the line.
     */
    static final class Lines implements Recording.Frames {
        private final BufferedReader reader;
        private final String source;
        private int lineNo;
        private long lastOffset;

        Lines(Reader in, String source) {
            this.reader = in instanceof BufferedReader b ? b : new BufferedReader(in, 1 << 16);
            this.source = source;
        }

        /** The next frame, or null at the end of the file. */
        @Override
        public RecordedFrame next() throws IOException, ReplayFileException {
            String text;
            while ((text = reader.readLine()) != null) {
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
                return new RecordedFrame(offset, parseMode(cols[1], source, lineNo), parseRssi(cols[2], source, lineNo),
                        parseFormat(cols[3], source, lineNo), parseHex(cols[4], source, lineNo));
            }
            return null;
        }

        @Override
        public void close() throws IOException {
            reader.close();
        }
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
