package org.metergate.pkg;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.stream.Stream;

/**
 * Package builders for the three kinds, from the files an operator has: a feature file and the
 * directories that hold its bundles, a bundle jar, or an unpacked distribution.
 */
public final class Packages {

    /** The id of every firmware package. */
    public static final String FIRMWARE_ID = "firmware";
    /** Directories of a distribution that are never part of its firmware: state, not software. */
    public static final List<String> FIRMWARE_EXCLUDED = List.of("data", "firmware");

    private Packages() {
    }

    /**
     * A feature package: the feature file and every bundle it names, found in the first of
     * {@code bundleDirs} that has it, either in a distribution's layout
     * ({@code <dir>/<groupId>/<artifactId>-<version>.jar}) or a Maven repository's
     * ({@code <dir>/<group/id>/<artifactId>/<version>/<artifactId>-<version>.jar}).
     */
    public static PackageBuilder feature(Path featureFile, List<Path> bundleDirs) throws PackageException {
        byte[] json;
        try {
            json = Files.readAllBytes(featureFile);
        } catch (IOException e) {
            throw new PackageException(PackageException.Reason.IO, "cannot read feature " + featureFile + ": " + e.getMessage(), e);
        }
        FeatureHeader h = FeatureHeader.parse(json, featureFile.toString());
        PackageBuilder b = new PackageBuilder(PackageKind.FEATURE, h.packageId(), h.version())
                .add("feature.json", ArtifactRole.FEATURE, featureFile, false);
        List<String> missing = new ArrayList<>();
        for (BundleCoordinate c : h.bundles()) {
            Optional<Path> jar = find(c, bundleDirs);
            if (jar.isPresent()) {
                b.add(c.packagePath(), ArtifactRole.BUNDLE, jar.get(), false);
            } else {
                missing.add(c.toString());
            }
        }
        if (!missing.isEmpty()) {
            throw new PackageException(PackageException.Reason.IO, "bundles of " + h.featureId() + " not found in "
                    + bundleDirs + ": " + missing);
        }
        return b;
    }

    static Optional<Path> find(BundleCoordinate c, List<Path> dirs) {
        for (Path d : dirs) {
            Path distribution = d.resolve(c.groupId()).resolve(c.fileName());
            if (Files.isRegularFile(distribution)) {
                return Optional.of(distribution);
            }
            Path maven = d.resolve(c.groupId().replace('.', '/')).resolve(c.artifactId()).resolve(c.version()).resolve(c.fileName());
            if (Files.isRegularFile(maven)) {
                return Optional.of(maven);
            }
        }
        return Optional.empty();
    }

    /** A bundle package: id and version from the jar's Bundle-SymbolicName and Bundle-Version. */
    public static PackageBuilder bundle(Path jar) throws PackageException {
        BundleIdentity id = bundleIdentity(jar);
        return new PackageBuilder(PackageKind.BUNDLE, id.symbolicName(), id.version())
                .add("bundles/" + jar.getFileName(), ArtifactRole.BUNDLE, jar, false);
    }

    /** A bundle's symbolic name (without directives) and version. */
    public record BundleIdentity(String symbolicName, String version) {
    }

    /** Reads the OSGi identity from a jar's manifest. */
    public static BundleIdentity bundleIdentity(Path jar) throws PackageException {
        try (JarFile j = new JarFile(jar.toFile())) {
            Manifest mf = j.getManifest();
            Attributes a = mf == null ? null : mf.getMainAttributes();
            String bsn = a == null ? null : a.getValue("Bundle-SymbolicName");
            if (bsn == null || bsn.isBlank()) {
                throw new PackageException(PackageException.Reason.MALFORMED, jar + " is not an OSGi bundle: no Bundle-SymbolicName");
            }
            String version = a.getValue("Bundle-Version");
            return new BundleIdentity(bsn.split(";", 2)[0].trim(), version == null ? "0.0.0" : version.trim());
        } catch (IOException e) {
            throw new PackageException(PackageException.Reason.MALFORMED, jar + " is not a readable jar: " + e.getMessage(), e);
        }
    }

    /**
     * A firmware package of an unpacked distribution: every file below it except {@code data/} and
     * {@code firmware/}, executables marked.
     */
    public static PackageBuilder firmware(Path distribution, String version) throws PackageException {
        if (!Files.isDirectory(distribution.resolve("lib")) || !Files.isDirectory(distribution.resolve("bundles"))) {
            throw new PackageException(PackageException.Reason.IO, distribution + " is not an unpacked distribution (no lib/ and bundles/)");
        }
        PackageBuilder b = new PackageBuilder(PackageKind.FIRMWARE, FIRMWARE_ID, version);
        List<Path> files;
        try (Stream<Path> walk = Files.walk(distribution)) {
            files = walk.filter(Files::isRegularFile)
                    .filter(p -> !FIRMWARE_EXCLUDED.contains(distribution.relativize(p).getName(0).toString()))
                    .sorted().toList();
        } catch (IOException e) {
            throw new PackageException(PackageException.Reason.IO, "cannot list " + distribution + ": " + e.getMessage(), e);
        }
        for (Path f : files) {
            String rel = distribution.relativize(f).toString().replace(f.getFileSystem().getSeparator(), "/");
            b.add(rel, ArtifactRole.FILE, f, executable(f));
        }
        return b;
    }

    private static boolean executable(Path f) {
        try {
            return Files.getPosixFilePermissions(f).contains(PosixFilePermission.OWNER_EXECUTE);
        } catch (UnsupportedOperationException | IOException e) {
            return f.getParent() != null && f.getParent().getFileName().toString().equals("bin");
        }
    }
}
