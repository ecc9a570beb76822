package org.metergate.pkg;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The signed part of a package (see the package documentation for the JSON): what it installs, in
 * which version, its place in the id's sequence, which gateways it is for, and every artifact's hash.
 */
public record PackageManifest(PackageKind kind, String id, String version, long sequence, boolean rollback,
                              Target target, Instant created, String description, List<Artifact> artifacts) {

    public static final int FORMAT = 1;
    /** Largest manifest accepted: a firmware manifest lists a few hundred files. */
    public static final int MAX_BYTES = 1 << 20;
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public PackageManifest {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(created, "created");
        description = description == null ? "" : description;
        artifacts = List.copyOf(artifacts);
        if (id == null || !id.matches("[A-Za-z0-9._:-]{1,200}")) {
            throw new IllegalArgumentException("manifest id must be 1-200 characters of A-Z a-z 0-9 . _ : -, got " + id);
        }
        if (version == null || !version.matches("[A-Za-z0-9._-]{1,64}")) {
            throw new IllegalArgumentException("manifest version must be 1-64 characters of A-Z a-z 0-9 . _ -, got " + version);
        }
        if (sequence < 0) {
            throw new IllegalArgumentException("sequence numbers are not negative");
        }
        Set<String> paths = new HashSet<>();
        for (Artifact a : artifacts) {
            if (!paths.add(a.path())) {
                throw new IllegalArgumentException("artifact " + a.path() + " listed twice");
            }
        }
        long features = artifacts.stream().filter(a -> a.role() == ArtifactRole.FEATURE).count();
        long bundles = artifacts.stream().filter(a -> a.role() == ArtifactRole.BUNDLE).count();
        long files = artifacts.stream().filter(a -> a.role() == ArtifactRole.FILE).count();
        switch (kind) {
            case FEATURE -> {
                if (features != 1 || files != 0) {
                    throw new IllegalArgumentException("a feature package holds exactly one feature artifact and bundles, no files");
                }
            }
            case BUNDLE -> {
                if (bundles != 1 || features != 0 || files != 0) {
                    throw new IllegalArgumentException("a bundle package holds exactly one bundle artifact");
                }
            }
            case FIRMWARE -> {
                if (files == 0 || features != 0 || bundles != 0) {
                    throw new IllegalArgumentException("a firmware package holds files only, at least one");
                }
                if (!id.equals("firmware")) {
                    throw new IllegalArgumentException("a firmware package's id is 'firmware', got " + id);
                }
            }
            default -> throw new IllegalStateException();
        }
    }

    /** The artifacts of one role, in manifest order. */
    public List<Artifact> artifacts(ArtifactRole role) {
        return artifacts.stream().filter(a -> a.role() == role).toList();
    }

    public Optional<Artifact> artifact(String path) {
        return artifacts.stream().filter(a -> a.path().equals(path)).findFirst();
    }

    /** Total size of the artifacts. */
    public long payloadSize() {
        return artifacts.stream().mapToLong(Artifact::size).sum();
    }

    /** {@code id@version (sequence n)}, for messages. */
    public String label() {
        return id + "@" + version + " (" + kind.jsonName() + ", sequence " + sequence + (rollback ? ", rollback" : "") + ")";
    }

    /** The manifest as the UTF-8 JSON that gets signed. */
    public byte[] toJson() {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", FORMAT);
        root.put("kind", kind.jsonName());
        root.put("id", id);
        root.put("version", version);
        root.put("sequence", sequence);
        root.put("rollback", rollback);
        ObjectNode t = root.putObject("target");
        ArrayNode g = t.putArray("gateways");
        target.gateways().forEach(g::add);
        ArrayNode m = t.putArray("models");
        target.models().forEach(m::add);
        root.put("created", created.toString());
        root.put("description", description);
        ArrayNode arts = root.putArray("artifacts");
        for (Artifact a : artifacts) {
            ObjectNode n = arts.addObject();
            n.put("path", a.path());
            n.put("role", a.role().jsonName());
            n.put("size", a.size());
            n.put("sha256", a.sha256());
            if (a.executable()) {
                n.put("executable", true);
            }
        }
        try {
            return JSON.writeValueAsBytes(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("writing a JSON tree to bytes cannot fail", e);
        }
    }

    /** Reads a manifest; anything that does not follow the format is {@link PackageException.Reason#MALFORMED}. */
    public static PackageManifest parse(byte[] json) throws PackageException {
        if (json.length > MAX_BYTES) {
            throw malformed("manifest is larger than " + MAX_BYTES + " bytes");
        }
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw malformed("manifest is not JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw malformed("manifest is not JSON");
        }
        if (root == null || !root.isObject()) {
            throw malformed("manifest is not a JSON object");
        }
        Set<String> known = Set.of("format", "kind", "id", "version", "sequence", "rollback", "target", "created",
                "description", "artifacts");
        for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!known.contains(f)) {
                throw malformed("manifest: unknown field '" + f + "'");
            }
        }
        long format = longField(root, "format");
        if (format != FORMAT) {
            throw malformed("manifest format " + format + " is not supported (this gateway reads format " + FORMAT + ")");
        }
        PackageKind kind = PackageKind.ofJson(textField(root, "kind"));
        String id = textField(root, "id");
        String version = textField(root, "version");
        long sequence = longField(root, "sequence");
        JsonNode rb = root.get("rollback");
        if (rb != null && !rb.isBoolean()) {
            throw malformed("manifest: rollback must be true or false");
        }
        boolean rollback = rb != null && rb.booleanValue();
        JsonNode t = root.get("target");
        if (t == null || !t.isObject()) {
            throw malformed("manifest: target must be an object with gateways and models");
        }
        List<String> gateways = stringList(t, "gateways");
        List<String> models = stringList(t, "models");
        Instant created;
        try {
            created = Instant.parse(textField(root, "created"));
        } catch (DateTimeParseException e) {
            throw malformed("manifest: created is not an ISO-8601 instant");
        }
        JsonNode d = root.get("description");
        String description = d == null || d.isNull() ? "" : d.isTextual() ? d.textValue() : null;
        if (description == null) {
            throw malformed("manifest: description must be text");
        }
        JsonNode arts = root.get("artifacts");
        if (arts == null || !arts.isArray()) {
            throw malformed("manifest: artifacts must be an array");
        }
        List<Artifact> artifacts = new ArrayList<>();
        int i = 0;
        for (JsonNode a : arts) {
            if (!a.isObject()) {
                throw malformed("manifest: artifacts[" + i + "] is not an object");
            }
            JsonNode exe = a.get("executable");
            if (exe != null && !exe.isBoolean()) {
                throw malformed("manifest: artifacts[" + i + "].executable must be true or false");
            }
            try {
                artifacts.add(new Artifact(textField(a, "path"), ArtifactRole.ofJson(textField(a, "role")),
                        longField(a, "size"), textField(a, "sha256"), exe != null && exe.booleanValue()));
            } catch (IllegalArgumentException e) {
                throw malformed("manifest: artifacts[" + i + "]: " + e.getMessage());
            }
            i++;
        }
        try {
            return new PackageManifest(kind, id, version, sequence, rollback, new Target(gateways, models), created,
                    description, artifacts);
        } catch (IllegalArgumentException e) {
            throw malformed("manifest: " + e.getMessage());
        }
    }

    private static String textField(JsonNode n, String name) throws PackageException {
        JsonNode v = n.get(name);
        if (v == null || !v.isTextual()) {
            throw malformed("manifest: " + name + " must be text");
        }
        return v.textValue();
    }

    private static long longField(JsonNode n, String name) throws PackageException {
        JsonNode v = n.get(name);
        if (v == null || !v.isIntegralNumber() || !v.canConvertToLong()) {
            throw malformed("manifest: " + name + " must be a whole number");
        }
        return v.longValue();
    }

    private static List<String> stringList(JsonNode n, String name) throws PackageException {
        JsonNode v = n.get(name);
        if (v == null) {
            return List.of();
        }
        if (!v.isArray()) {
            throw malformed("manifest: target." + name + " must be an array of text");
        }
        List<String> out = new ArrayList<>();
        for (JsonNode e : v) {
            if (!e.isTextual() || e.textValue().isBlank()) {
                throw malformed("manifest: target." + name + " must be an array of text");
            }
            out.add(e.textValue());
        }
        return out;
    }

    private static PackageException malformed(String message) {
        return new PackageException(PackageException.Reason.MALFORMED, message);
    }

    @Override
    public String toString() {
        return label();
    }

    /** The manifest as text, for people (verify output). */
    public String toJsonText() {
        return new String(toJson(), StandardCharsets.UTF_8);
    }
}
