package org.metergate.provisioning.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.metergate.provisioning.Phase;

/**
 * The DEPLOY application's jobs ({@code jobs.json}, replaced atomically) and its downloads
 * ({@code downloads/<job>.part} while arriving, {@code downloads/<job>.mgp} once complete and
 * hash-checked). The oldest finished jobs and their files are dropped beyond {@link #KEEP} jobs.
 */
final class JobStore {

    static final int KEEP = 50;
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Path dir;
    private final Map<String, Job> jobs = new LinkedHashMap<>();

    JobStore(Path dir) throws IOException {
        this.dir = dir;
        Files.createDirectories(dir.resolve("downloads"));
        load();
    }

    Path partFile(Job j) {
        return dir.resolve("downloads").resolve(fileName(j.id) + ".part");
    }

    Path packageFile(Job j) {
        return dir.resolve("downloads").resolve(fileName(j.id) + ".mgp");
    }

    /** A job id as a file name: anything but letters, digits, . _ - becomes _ (ids are checked on the way in too). */
    private static String fileName(String id) {
        return id.replaceAll("[^A-Za-z0-9._-]", "_");
    }

    synchronized Optional<Job> get(String id) {
        return Optional.ofNullable(jobs.get(id));
    }

    synchronized List<Job> all() {
        return new ArrayList<>(jobs.values());
    }

    /** The latest download job, if any. */
    synchronized Optional<Job> latestDownload() {
        return jobs.values().stream().filter(j -> j.kind == Job.Kind.DOWNLOAD).reduce((a, b) -> b);
    }

    synchronized void put(Job j) throws IOException {
        j.updated = Instant.now();
        jobs.remove(j.id);
        jobs.put(j.id, j);
        trim();
        save();
    }

    synchronized void save() throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", 1);
        ArrayNode list = root.putArray("jobs");
        for (Job j : jobs.values()) {
            ObjectNode n = list.addObject();
            n.put("id", j.id);
            n.put("kind", j.kind.name());
            n.put("requester", j.requester);
            n.put("created", j.created.toString());
            n.put("updated", j.updated.toString());
            n.put("name", j.name);
            n.put("version", j.version);
            n.put("uri", j.uri);
            n.put("transport", j.transport.name());
            n.put("size", j.size);
            n.put("sha256", j.sha256);
            n.put("received", j.received);
            n.put("complete", j.complete);
            n.put("install", j.install);
            n.put("downloadJob", j.downloadJob);
            n.put("status", j.status.name());
            n.put("progress", j.progress);
            n.put("reason", j.reason);
            n.put("message", j.message);
            n.put("firmwareSlot", j.firmwareSlot);
        }
        Path target = dir.resolve("jobs.json");
        Path tmp = Files.createTempFile(dir, "jobs.json", ".tmp");
        try {
            try (FileChannel c = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                ByteBuffer b = ByteBuffer.wrap(JSON.writeValueAsBytes(root));
                while (b.hasRemaining()) {
                    c.write(b);
                }
                c.force(true);
            }
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            tmp = null;
        } finally {
            if (tmp != null) {
                Files.deleteIfExists(tmp);
            }
        }
    }

    private void load() throws IOException {
        JsonNode root;
        try {
            root = JSON.readTree(Files.readAllBytes(dir.resolve("jobs.json")));
        } catch (NoSuchFileException e) {
            return;
        }
        for (JsonNode n : root.path("jobs")) {
            Job j = new Job(n.path("id").asText(), Job.Kind.valueOf(n.path("kind").asText()), n.path("requester").asText(),
                    Instant.parse(n.path("created").asText()));
            j.updated = Instant.parse(n.path("updated").asText());
            j.name = n.path("name").asText();
            j.version = n.path("version").asText();
            j.uri = n.path("uri").asText();
            j.transport = Job.Transport.valueOf(n.path("transport").asText("MQTT"));
            j.size = n.path("size").asLong(-1);
            j.sha256 = n.path("sha256").asText();
            j.received = n.path("received").asLong();
            j.complete = n.path("complete").asBoolean(false);
            j.install = n.path("install").asBoolean(true);
            j.downloadJob = n.path("downloadJob").asText();
            j.status = Phase.valueOf(n.path("status").asText());
            j.progress = n.path("progress").asInt();
            j.reason = n.path("reason").asText();
            j.message = n.path("message").asText();
            j.firmwareSlot = n.path("firmwareSlot").asText();
            jobs.put(j.id, j);
        }
    }

    private void trim() throws IOException {
        List<Job> finished = jobs.values().stream().filter(Job::terminal).sorted(Comparator.comparing(j -> j.updated)).toList();
        int excess = jobs.size() - KEEP;
        for (int i = 0; i < excess && i < finished.size(); i++) {
            Job j = finished.get(i);
            jobs.remove(j.id);
            Files.deleteIfExists(partFile(j));
            Files.deleteIfExists(packageFile(j));
        }
    }
}
