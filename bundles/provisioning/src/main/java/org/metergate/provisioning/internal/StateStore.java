package org.metergate.provisioning.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.metergate.pkg.DurableFiles;
import org.metergate.pkg.PackageKind;

/**
 * The committed state in {@code state.json}, replaced atomically: what a restart installs again.
 *
 * <pre>
 * {"format": 1, "transaction": 12,
 *  "sequences": {"org.metergate:radio-c": 7},
 *  "units": [{"id": ..., "kind": "feature", "version": ..., "sequence": 7, "manifest": sha256, "signer": keyId,
 *             "installed": instant, "feature": sha256 | null,
 *             "bundles": [{"symbolicName": ..., "version": ..., "sha256": ...}],
 *             "previous": {same without previous} | null}]}
 * </pre>
 */
final class StateStore {

    static final String FILE = "state.json";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Path file;

    StateStore(Path dir) {
        this.file = dir.resolve(FILE);
    }

    ProvisioningState read() throws IOException {
        JsonNode root;
        try {
            root = JSON.readTree(Files.readAllBytes(file));
        } catch (NoSuchFileException e) {
            return ProvisioningState.empty();
        }
        try {
            if (root.path("format").asInt() != 1) {
                throw new IOException("unknown format " + root.path("format"));
            }
            List<UnitRecord> units = new ArrayList<>();
            for (JsonNode u : root.path("units")) {
                units.add(unit(u));
            }
            Map<String, Long> sequences = new LinkedHashMap<>();
            root.path("sequences").fields().forEachRemaining(e -> sequences.put(e.getKey(), e.getValue().asLong()));
            return new ProvisioningState(units, sequences, root.path("transaction").asLong());
        } catch (RuntimeException e) {
            throw new IOException("provisioning state " + file + " is damaged: " + e.getMessage(), e);
        }
    }

    void write(ProvisioningState state) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", 1);
        root.put("transaction", state.transaction());
        ObjectNode seq = root.putObject("sequences");
        state.sequences().forEach(seq::put);
        ArrayNode units = root.putArray("units");
        state.units().forEach(u -> units.add(node(u)));
        DurableFiles.write(file, JSON.writeValueAsBytes(root));
    }

    private static ObjectNode node(UnitRecord u) {
        ObjectNode n = JSON.createObjectNode();
        n.put("id", u.id());
        n.put("kind", u.kind().jsonName());
        n.put("version", u.version());
        n.put("sequence", u.sequence());
        n.put("manifest", u.manifestSha256());
        n.put("signer", u.signer());
        n.put("installed", u.installed().toString());
        n.put("feature", u.featureSha256().orElse(null));
        ArrayNode b = n.putArray("bundles");
        for (UnitRecord.BundleRecord r : u.bundles()) {
            b.addObject().put("symbolicName", r.symbolicName()).put("version", r.version()).put("sha256", r.sha256());
        }
        if (u.previous().isPresent()) {
            n.set("previous", node(u.previous().get()));
        } else {
            n.putNull("previous");
        }
        return n;
    }

    static UnitRecord unit(JsonNode n) {
        List<UnitRecord.BundleRecord> bundles = new ArrayList<>();
        for (JsonNode b : n.path("bundles")) {
            bundles.add(new UnitRecord.BundleRecord(text(b, "symbolicName"), text(b, "version"), text(b, "sha256")));
        }
        JsonNode f = n.path("feature");
        JsonNode p = n.path("previous");
        return new UnitRecord(text(n, "id"), kind(text(n, "kind")), text(n, "version"), n.path("sequence").asLong(),
                text(n, "manifest"), text(n, "signer"), Instant.parse(text(n, "installed")), bundles,
                f.isTextual() ? Optional.of(f.textValue()) : Optional.empty(),
                p.isObject() ? Optional.of(unit(p)) : Optional.empty());
    }

    static ObjectNode toJson(UnitRecord u) {
        return node(u);
    }

    private static PackageKind kind(String s) {
        for (PackageKind k : PackageKind.values()) {
            if (k.jsonName().equals(s)) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown unit kind " + s);
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || !v.isTextual()) {
            throw new IllegalArgumentException("missing " + field);
        }
        return v.textValue();
    }
}
