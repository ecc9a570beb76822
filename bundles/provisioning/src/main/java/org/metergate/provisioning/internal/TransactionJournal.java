package org.metergate.provisioning.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.zip.CRC32C;
import org.metergate.pkg.DurableFiles;

/**
 * The transaction journal ({@code journal.log}): one line per step, written and fsynced before the
 * step changes anything, so that after a crash the next start knows which transaction was open and
 * what it had touched.
 *
 * <p>A line is {@code <CRC32C of the JSON, 8 hex digits> <JSON>}. Steps: {@code BEGIN} (operation, unit,
 * the configurations it will touch with their values before, the bundles it will touch),
 * {@code STEP} (one framework or configuration change, before it is made), {@code HEALTHY} /
 * {@code UNHEALTHY}, {@code COMMIT} (after the new state file is written), {@code ROLLBACK} (with
 * the reason), {@code ABORTED} (the previous state is back), {@code RECOVERED} (an open transaction
 * found at start and undone). A torn or damaged line ends the journal there: it was never completely
 * written, so its step never ran.
 */
final class TransactionJournal {

    static final String FILE = "journal.log";
    /** When the journal is larger and no transaction is open, it is shortened to its last records. */
    static final long COMPACT_BYTES = 256 * 1024;
    static final int KEEP_RECORDS = 200;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;

    TransactionJournal(Path dir) {
        this.file = dir.resolve(FILE);
    }

    Path file() {
        return file;
    }

    static ObjectNode record(long tx, String step) {
        ObjectNode n = JSON.createObjectNode();
        n.put("tx", tx);
        n.put("step", step);
        n.put("time", java.time.Instant.now().toString());
        return n;
    }

    /** Appends a record durably. */
    void append(ObjectNode record) throws IOException {
        Files.createDirectories(file.getParent());
        try (FileChannel c = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
            ByteBuffer b = ByteBuffer.wrap(line(record));
            while (b.hasRemaining()) {
                c.write(b);
            }
            c.force(false);
        }
    }

    private static byte[] line(JsonNode record) throws IOException {
        byte[] json = JSON.writeValueAsBytes(record);
        CRC32C crc = new CRC32C();
        crc.update(json);
        String prefix = String.format("%08x ", crc.getValue());
        byte[] out = new byte[prefix.length() + json.length + 1];
        System.arraycopy(prefix.getBytes(StandardCharsets.US_ASCII), 0, out, 0, prefix.length());
        System.arraycopy(json, 0, out, prefix.length(), json.length);
        out[out.length - 1] = '\n';
        return out;
    }

    /** Every intact record, up to the first torn or damaged line. */
    List<JsonNode> read() throws IOException {
        byte[] all;
        try {
            all = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return List.of();
        }
        List<JsonNode> out = new ArrayList<>();
        int start = 0;
        while (start < all.length) {
            int end = start;
            while (end < all.length && all[end] != '\n') {
                end++;
            }
            if (end == all.length) {
                break; // no newline: torn
            }
            JsonNode n = parse(all, start, end);
            if (n == null) {
                break;
            }
            out.add(n);
            start = end + 1;
        }
        return out;
    }

    private static JsonNode parse(byte[] all, int start, int end) {
        if (end - start < 10 || all[start + 8] != ' ') {
            return null;
        }
        try {
            long crc = Long.parseLong(new String(all, start, 8, StandardCharsets.US_ASCII), 16);
            CRC32C c = new CRC32C();
            c.update(all, start + 9, end - start - 9);
            if (c.getValue() != crc) {
                return null;
            }
            return JSON.readTree(new String(all, start + 9, end - start - 9, StandardCharsets.UTF_8));
        } catch (NumberFormatException | IOException e) {
            return null;
        }
    }

    /** The records of the last transaction if it has no end (COMMIT, ABORTED, RECOVERED). */
    Optional<List<JsonNode>> openTransaction() throws IOException {
        List<JsonNode> all = read();
        long last = -1;
        for (JsonNode n : all) {
            if (n.path("step").asText().equals("BEGIN")) {
                last = n.path("tx").asLong();
            }
        }
        if (last < 0) {
            return Optional.empty();
        }
        List<JsonNode> tx = new ArrayList<>();
        for (JsonNode n : all) {
            if (n.path("tx").asLong() == last) {
                tx.add(n);
            }
        }
        String end = tx.get(tx.size() - 1).path("step").asText();
        boolean ended = end.equals("COMMIT") || end.equals("ABORTED") || end.equals("RECOVERED");
        return ended ? Optional.empty() : Optional.of(tx);
    }

    /** The highest transaction number in the journal, 0 when empty. */
    long lastTransaction() throws IOException {
        return read().stream().mapToLong(n -> n.path("tx").asLong()).max().orElse(0);
    }

    /** Shortens a large journal to its last records; only when no transaction is open. */
    void compact() throws IOException {
        if (!Files.exists(file) || Files.size(file) < COMPACT_BYTES || openTransaction().isPresent()) {
            return;
        }
        List<JsonNode> all = read();
        List<JsonNode> keep = all.subList(Math.max(0, all.size() - KEEP_RECORDS), all.size());
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (JsonNode n : keep) {
            out.write(line(n));
        }
        DurableFiles.write(file, out.toByteArray());
    }
}
