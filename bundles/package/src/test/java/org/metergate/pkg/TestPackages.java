package org.metergate.pkg;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/** Small inputs for package tests: a bundle jar, a feature file, a builder. */
final class TestPackages {

    static final Instant CREATED = Instant.parse("2026-03-01T10:00:00Z");

    private TestPackages() {
    }

    static Path bundleJar(Path dir, String bsn, String version) throws IOException {
        Manifest mf = new Manifest();
        mf.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        mf.getMainAttributes().putValue("Bundle-ManifestVersion", "2");
        mf.getMainAttributes().putValue("Bundle-SymbolicName", bsn + ";singleton:=true");
        mf.getMainAttributes().putValue("Bundle-Version", version);
        Path jar = dir.resolve(bsn + "-" + version + ".jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), mf)) {
            out.putNextEntry(new java.util.zip.ZipEntry("readme.txt"));
            out.write(("bundle " + bsn + " " + version).getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }
        return jar;
    }

    static PackageBuilder bundlePackage(Path dir, long sequence) throws Exception {
        return Packages.bundle(bundleJar(dir, "org.example.meter", "1.2.0")).sequence(sequence)
                .target(Target.models("metergate-lnap")).created(CREATED);
    }
}
