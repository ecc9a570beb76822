package org.metergate.store.log;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Maps consumer ids to cursor file names and back: letters, digits, '-' and '_' stay, every other
 * UTF-8 byte becomes {@code %XX}. So any id is a safe file name (no '/', no "..") and the mapping is
 * reversible.
 */
final class ConsumerNames {

    static final String SUFFIX = ".cursor";
    static final int MAX_ID_LENGTH = 128;
    static final int MAX_FILE_NAME = 240;

    private ConsumerNames() {
    }

    /** The file name for a valid id, or null when the id is empty, too long or not nameable. */
    static String fileName(String id) {
        if (id == null || id.isEmpty() || id.length() > MAX_ID_LENGTH) {
            return null;
        }
        StringBuilder sb = new StringBuilder();
        for (byte b : id.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_') {
                sb.append((char) c);
            } else {
                sb.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
            }
        }
        sb.append(SUFFIX);
        return sb.length() > MAX_FILE_NAME ? null : sb.toString();
    }

    /** The id a cursor file name stands for, or null when it is not such a name. */
    static String idOf(String fileName) {
        if (!fileName.endsWith(SUFFIX)) {
            return null;
        }
        String enc = fileName.substring(0, fileName.length() - SUFFIX.length());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < enc.length(); i++) {
            char c = enc.charAt(i);
            if (c == '%') {
                if (i + 2 >= enc.length()) {
                    return null;
                }
                int hi = Character.digit(enc.charAt(i + 1), 16);
                int lo = Character.digit(enc.charAt(i + 2), 16);
                if (hi < 0 || lo < 0) {
                    return null;
                }
                out.write(hi << 4 | lo);
                i += 2;
            } else if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_') {
                out.write(c);
            } else {
                return null;
            }
        }
        String id = out.toString(StandardCharsets.UTF_8);
        return fileName.equals(fileName(id)) ? id : null;
    }
}
