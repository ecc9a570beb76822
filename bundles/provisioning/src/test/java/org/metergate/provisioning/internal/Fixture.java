package org.metergate.provisioning.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.metergate.pkg.GatewayIdentity;
import org.metergate.pkg.PackageBuilder;
import org.metergate.pkg.Packages;
import org.metergate.pkg.SignatureAlgorithm;
import org.metergate.pkg.SigningKey;
import org.metergate.pkg.Target;
import org.metergate.provisioning.Phase;
import org.metergate.provisioning.ProgressListener;

/** A gateway for installer tests: a fake framework with some bundles of its own, a key it trusts, and package makers. */
final class Fixture {

    static final String GROUP = "org.example";
    final Path dir;
    final Path state;
    final Path repo;
    final SigningKey key = SigningKey.generate(SignatureAlgorithm.ED25519);
    FakeFramework framework = new FakeFramework();
    FakeConfigs configs = new FakeConfigs();
    FakeHealth health = new FakeHealth(framework);
    Path appliedFile;
    Duration healthTimeout = Duration.ofMillis(600);

    Fixture(Path dir) throws IOException {
        this.dir = dir;
        this.state = Files.createDirectories(dir.resolve("state"));
        this.repo = Files.createDirectories(dir.resolve("repo"));
        this.appliedFile = dir.resolve("framework-storage/applied.json");
        framework.base("org.example.core", "1.0.0");
        framework.base("org.example.link", "1.0.0");
    }

    Settings settings() {
        return new Settings(() -> new GatewayIdentity("gw-1", "lnap"), () -> List.of(key.trustAnchor()), state, dir.resolve("data"),
                healthTimeout, Duration.ofMillis(50), Duration.ofSeconds(5), 1);
    }

    Installer installer() throws IOException {
        Installer i = new Installer(settings(), framework, configs, health, appliedFile, Clock.systemUTC());
        i.start();
        return i;
    }

    /** A fresh framework as after a restart of the gateway: only its own bundles, no configurations. */
    void restartFramework() throws IOException {
        framework = new FakeFramework();
        framework.base("org.example.core", "1.0.0");
        framework.base("org.example.link", "1.0.0");
        configs = new FakeConfigs();
        health = new FakeHealth(framework);
        Files.deleteIfExists(appliedFile);
    }

    /** A bundle jar in the repository, distinct content per symbolic name, version and variant. */
    Path bundle(String symbolicName, String version, String variant) throws IOException {
        Manifest mf = new Manifest();
        mf.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        mf.getMainAttributes().putValue("Bundle-ManifestVersion", "2");
        mf.getMainAttributes().putValue("Bundle-SymbolicName", symbolicName);
        mf.getMainAttributes().putValue("Bundle-Version", version);
        Path jar = Files.createDirectories(repo.resolve(GROUP)).resolve(symbolicName + "-" + version + ".jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), mf)) {
            out.putNextEntry(new java.util.zip.ZipEntry("content.txt"));
            out.write((symbolicName + version + variant).getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }
        return jar;
    }

    /**
     * A signed feature package {@code org.example:<name>} with the given bundles ({@code symbolicName:version})
     * and configurations (JSON object members).
     */
    Path feature(String name, String version, long sequence, List<String> bundles, String configurations) throws Exception {
        List<String> ids = new ArrayList<>();
        for (String b : bundles) {
            String[] p = b.split(":");
            if (!Files.exists(repo.resolve(GROUP).resolve(p[0] + "-" + p[1] + ".jar"))) {
                bundle(p[0], p[1], "");
            }
            ids.add("{\"id\": \"" + GROUP + ":" + p[0] + ":" + p[1] + "\"}");
        }
        String json = "{\"feature-resource-version\": \"1.0\", \"id\": \"" + GROUP + ":" + name + ":osgifeature:" + version + "\","
                + "\"bundles\": [" + String.join(",", ids) + "], \"configurations\": {" + configurations + "}}";
        Path f = dir.resolve(name + "-" + version + "-" + sequence + ".json");
        Files.writeString(f, json);
        Path out = dir.resolve(name + "-" + version + "-" + sequence + ".mgp");
        PackageBuilder b = Packages.feature(f, List.of(repo)).sequence(sequence).target(Target.gateways("gw-1"));
        b.build(out, List.of(key));
        return out;
    }

    Path bundlePackage(Path jar, long sequence) throws Exception {
        Path out = dir.resolve(jar.getFileName() + "-" + sequence + ".mgp");
        Packages.bundle(jar).sequence(sequence).target(Target.models("lnap")).build(out, List.of(key));
        return out;
    }

    /** Records the phases a deployment goes through. */
    static final class Phases implements ProgressListener {
        final List<Phase> seen = new ArrayList<>();

        @Override
        public void progress(Phase phase, int percent, String message) {
            if (seen.isEmpty() || seen.get(seen.size() - 1) != phase) {
                seen.add(phase);
            }
        }
    }
}
