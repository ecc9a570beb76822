package org.metergate.itests.provisioning;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.metergate.pkg.Keys;
import org.metergate.pkg.Packages;
import org.metergate.pkg.SignatureAlgorithm;
import org.metergate.pkg.SigningKey;
import org.metergate.pkg.Target;

/**
 * A gateway process under test on a broker, with the packages the tests deploy to it: signed by the
 * operator key its trust directory holds (or not, or by a stranger), and its bundles and configuration
 * as the head-end sees them.
 */
class RemoteUpdateSupport {

    final Path dir;
    final Path repo;
    final Path packages;
    final Path trust;
    final SigningKey operator = SigningKey.generate(SignatureAlgorithm.ECDSA_P256);
    final SigningKey stranger = SigningKey.generate(SignatureAlgorithm.ECDSA_P256);

    RemoteUpdateSupport(Path dir) throws Exception {
        this.dir = dir;
        this.repo = Files.createDirectories(dir.resolve("repo"));
        this.packages = Files.createDirectories(dir.resolve("packages"));
        this.trust = Files.createDirectories(dir.resolve("trust"));
        Files.writeString(trust.resolve("operator.pem"), Keys.publicKeyPem(operator.publicKey()));
    }

    /** A feature package of test bundles ({@code groupId:artifactId:version}) with configurations (JSON members). */
    Path feature(String name, String version, long sequence, List<String> bundles, String configurations, Target target,
                 SigningKey key, boolean rollback) throws Exception {
        StringBuilder ids = new StringBuilder();
        for (String b : bundles) {
            ids.append(ids.length() == 0 ? "" : ",").append("{\"id\": \"").append(b).append("\"}");
        }
        Path f = dir.resolve(name + "-" + version + "-" + sequence + ".json");
        Files.writeString(f, "{\"feature-resource-version\": \"1.0\", \"id\": \"" + TestBundles.GROUP + ":" + name + ":osgifeature:"
                + version + "\", \"bundles\": [" + ids + "], \"configurations\": {" + configurations + "}}");
        Path out = packages.resolve(name + "-" + version + "-" + sequence + (rollback ? "-rollback" : "") + ".mgp");
        Packages.feature(f, List.of(repo)).sequence(sequence).target(target).rollback(rollback)
                .build(out, key == null ? List.of() : List.of(key));
        return out;
    }

    /** A feature shipped in the distribution, as a package signed by the operator (bundles from the distribution). */
    Path shipped(String feature, long sequence, Target target) throws Exception {
        Path out = packages.resolve(feature + "-" + sequence + ".mgp");
        Packages.feature(ProvisioningOptions.home().resolve("features/" + feature + ".json"),
                List.of(ProvisioningOptions.home().resolve("bundles"))).sequence(sequence).target(target).build(out, List.of(operator));
        return out;
    }

    /** The same package with one byte of its first bundle changed; manifest and signature kept. */
    static Path modified(Path pkg) throws Exception {
        Path out = pkg.resolveSibling("modified-" + pkg.getFileName());
        try (ZipFile in = new ZipFile(pkg.toFile()); ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(out))) {
            boolean done = false;
            for (var e : Collections.list(in.entries())) {
                byte[] data = in.getInputStream(e).readAllBytes();
                if (!done && e.getName().startsWith("artifacts/bundles/")) {
                    data[data.length / 2] ^= 0x01;
                    done = true;
                }
                zip.putNextEntry(new ZipEntry(e.getName()));
                zip.write(data);
                zip.closeEntry();
            }
        }
        return out;
    }

    /** The first two thirds of a package, as an interrupted download leaves it. */
    static Path truncated(Path pkg) throws Exception {
        Path out = pkg.resolveSibling("truncated-" + pkg.getFileName());
        byte[] all = Files.readAllBytes(pkg);
        Files.write(out, Arrays.copyOf(all, all.length * 2 / 3));
        return out;
    }

    /**
     * The gateway as the head-end sees it: every bundle (name, version, state) and every configuration
     * (PID and values), from DEPLOY-V2 GET bundles and CONFIGURATION-V1 GET configurations.
     */
    static String state(EndToEnd.Broker broker, String gateway) throws Exception {
        TreeSet<String> lines = new TreeSet<>();
        EndToEnd.Run bundles = EndToEnd.hes(broker, 60, "request", "-g", gateway, "DEPLOY-V2", "GET", "bundles");
        JsonNode b = EndToEnd.JSON.readTree(String.join("", bundles.lines()).replaceFirst("^[^{]*", ""));
        for (JsonNode n : b.path("body").path("bundles")) {
            lines.add("bundle " + n.path("name").asText() + " " + n.path("version").asText() + " " + n.path("state").asText());
        }
        EndToEnd.Run configs = EndToEnd.hes(broker, 60, "request", "-g", gateway, "CONFIGURATION-V1", "GET", "configurations");
        JsonNode c = EndToEnd.JSON.readTree(String.join("", configs.lines()).replaceFirst("^[^{]*", ""));
        lines.add("configurations " + c.path("body"));
        if (lines.size() < 10) {
            throw new AssertionError("the gateway's state could not be read: " + bundles.text() + "\n" + configs.text());
        }
        return String.join("\n", lines);
    }

    static Map<String, Object> map(Object... kv) {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    static List<String> list(String... s) {
        return new ArrayList<>(List.of(s));
    }
}
