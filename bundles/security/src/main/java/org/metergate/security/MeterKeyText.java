package org.metergate.security;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.metergate.api.meter.ManufacturerCode;
import org.metergate.api.meter.MeterId;
import org.metergate.api.security.MeterKey;

/**
 * Reads and writes the meter key text format defined in the package documentation: one key per line,
 * {@code MAN-12345678 <32 hex digits>} or {@code default <32 hex digits>}, {@code #} comments. Reading
 * is all-or-nothing: the first bad line throws {@link MeterKeyTextException} with its line number, and
 * no message ever repeats what the line holds.
 */
public final class MeterKeyText {

    /** Longest line accepted, in characters (a key line has 45). */
    public static final int MAX_LINE_LENGTH = 1024;

    /** The word that names the default key. */
    public static final String DEFAULT = "default";

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private MeterKeyText() {
    }

    /** Parses a whole key text. */
    public static MeterKeys read(Reader text) throws IOException {
        Lines lines = new Lines(text);
        Map<MeterId, MeterKey> keys = new HashMap<>();
        Map<MeterId, Integer> seenOn = new HashMap<>();
        MeterKey defaultKey = null;
        int defaultLine = 0;
        for (String line = lines.next(); line != null; line = lines.next()) {
            int n = lines.number();
            List<String> fields = fields(n == 1 && line.startsWith("\uFEFF") ? line.substring(1) : line);
            if (fields.isEmpty()) {
                continue;
            }
            if (fields.size() != 2) {
                throw new MeterKeyTextException(n, "expected 'MAN-12345678 <32 hex digits>' or 'default <32 hex digits>', found "
                        + fields.size() + (fields.size() == 1 ? " field" : " fields"));
            }
            String target = fields.get(0);
            MeterKey key = key(fields.get(1), n);
            if (target.equalsIgnoreCase(DEFAULT)) {
                if (defaultKey != null) {
                    throw new MeterKeyTextException(n, "a second default key (the first is on line " + defaultLine + ")");
                }
                defaultKey = key;
                defaultLine = n;
                continue;
            }
            MeterId meter = meter(target);
            if (meter == null) {
                throw new MeterKeyTextException(n, "the first field must be 'default' or a meter as MAN-12345678 "
                        + "(three-letter manufacturer code, hyphen, 8 hex digits of the identification number)");
            }
            Integer first = seenOn.putIfAbsent(meter, n);
            if (first != null) {
                throw new MeterKeyTextException(n, "a second key for meter " + meter + " (the first is on line " + first + ")");
            }
            keys.put(meter, key);
        }
        return MeterKeys.of(keys, Optional.ofNullable(defaultKey));
    }

    /**
     * Writes all keys, default key first, then the meters in order, with a header comment. The output
     * holds the keys in clear.
     */
    public static void write(MeterKeys keys, Writer out) throws IOException {
        out.write("# Metergate meter keys, text format 1: 'MAN-IDENTIFICATION KEY' per meter, 'default KEY'.\n");
        out.write("# This file holds AES keys in clear: keep it no longer than needed, readable by no one else.\n");
        Optional<MeterKey> defaultKey = keys.defaultKey();
        if (defaultKey.isPresent()) {
            writeLine(out, DEFAULT, defaultKey.get());
        }
        for (MeterId meter : keys.meters()) {
            writeLine(out, meter.manufacturer().code() + "-" + meter.identification(), keys.ownKey(meter).orElseThrow());
        }
        out.flush();
    }

    private static void writeLine(Writer out, String target, MeterKey key) throws IOException {
        byte[] bytes = key.bytes();
        char[] line = new char[target.length() + 1 + 2 * bytes.length + 1];
        target.getChars(0, target.length(), line, 0);
        int p = target.length();
        line[p++] = ' ';
        for (byte b : bytes) {
            line[p++] = HEX[(b >> 4) & 0xF];
            line[p++] = HEX[b & 0xF];
        }
        line[p] = '\n';
        out.write(line);
        Arrays.fill(bytes, (byte) 0);
        Arrays.fill(line, '\0');
    }

    /** The whitespace-separated fields of a line, up to a field that starts with '#'. */
    private static List<String> fields(String line) {
        List<String> fields = new ArrayList<>(2);
        int i = 0;
        int len = line.length();
        while (i < len) {
            while (i < len && isBlank(line.charAt(i))) {
                i++;
            }
            if (i == len || line.charAt(i) == '#') {
                break;
            }
            int start = i;
            while (i < len && !isBlank(line.charAt(i))) {
                i++;
            }
            fields.add(line.substring(start, i));
        }
        return fields;
    }

    private static boolean isBlank(char c) {
        return c == ' ' || c == '\t';
    }

    private static MeterKey key(String field, int line) throws MeterKeyTextException {
        if (field.length() != 2 * MeterKey.LENGTH) {
            throw new MeterKeyTextException(line, "the key must have 32 hex digits, found " + field.length() + " characters");
        }
        for (int i = 0; i < field.length(); i++) {
            if (!isHexDigit(field.charAt(i))) {
                throw new MeterKeyTextException(line, "the key must have only hex digits 0-9, A-F");
            }
        }
        return MeterKey.ofHex(field);
    }

    /**
     * A meter as {@code MAN-12345678}, or null. The manufacturer is three characters '@' to '_' of the
     * FLAG packing (letters in either case), so every manufacturer field below 0x8000 that
     * {@link ManufacturerCode#code()} prints is read back.
     */
    static MeterId meter(String field) {
        if (field.length() != 12 || field.charAt(3) != '-') {
            return null;
        }
        int id = 0;
        for (int i = 0; i < 3; i++) {
            char c = field.charAt(i);
            if (c >= 'a' && c <= 'z') {
                c = (char) (c - 'a' + 'A');
            }
            if (c < '@' || c > '_') {
                return null;
            }
            id = id * 32 + (c - '@');
        }
        for (int i = 4; i < 12; i++) {
            if (!isHexDigit(field.charAt(i))) {
                return null;
            }
        }
        return new MeterId(new ManufacturerCode(id), field.substring(4).toUpperCase(Locale.ROOT));
    }

    /** ASCII hex digits only (Character.digit would also take other scripts' digits). */
    static boolean isHexDigit(char c) {
        return c >= '0' && c <= '9' || c >= 'A' && c <= 'F' || c >= 'a' && c <= 'f';
    }

    /** Lines ending in LF, CRLF or CR, each at most {@link #MAX_LINE_LENGTH} characters. */
    private static final class Lines {
        private final BufferedReader in;
        private int number;

        Lines(Reader in) {
            this.in = in instanceof BufferedReader b ? b : new BufferedReader(in);
        }

        String next() throws IOException {
            int c = in.read();
            if (c == -1) {
                return null;
            }
            number++;
            StringBuilder line = new StringBuilder(48);
            while (c != -1 && c != '\n' && c != '\r') {
                if (line.length() == MAX_LINE_LENGTH) {
                    throw new MeterKeyTextException(number, "longer than " + MAX_LINE_LENGTH + " characters");
                }
                line.append((char) c);
                c = in.read();
            }
            if (c == '\r') {
                in.mark(1);
                if (in.read() != '\n') {
                    in.reset();
                }
            }
            return line.toString();
        }

        int number() {
            return number;
        }
    }
}
