package org.metergate.pkg;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Makes a package file: artifacts from files, a manifest with their sizes and SHA-256, and, when a key
 * is given, the signature. The output is reproducible: the same inputs give the same bytes (entries in
 * manifest order with the manifest's creation time).
 */
public final class PackageBuilder {

    private final PackageKind kind;
    private final String id;
    private final String version;
    private long sequence;
    private boolean rollback;
    private Target target;
    private Instant created = Instant.now();
    private String description = "";
    private final Map<String, Source> sources = new LinkedHashMap<>();

    private record Source(ArtifactRole role, Path file, boolean executable) {
    }

    public PackageBuilder(PackageKind kind, String id, String version) {
        this.kind = Objects.requireNonNull(kind, "kind");
        this.id = Objects.requireNonNull(id, "id");
        this.version = Objects.requireNonNull(version, "version");
    }

    public PackageBuilder sequence(long sequence) {
        this.sequence = sequence;
        return this;
    }

    public PackageBuilder rollback(boolean rollback) {
        this.rollback = rollback;
        return this;
    }

    public PackageBuilder target(Target target) {
        this.target = target;
        return this;
    }

    public PackageBuilder created(Instant created) {
        this.created = Objects.requireNonNull(created, "created");
        return this;
    }

    public PackageBuilder description(String description) {
        this.description = description == null ? "" : description;
        return this;
    }

    /** Adds a file as the artifact at {@code path}. */
    public PackageBuilder add(String path, ArtifactRole role, Path file, boolean executable) {
        if (!Artifact.validPath(path)) {
            throw new IllegalArgumentException("not a package path: " + path);
        }
        if (sources.putIfAbsent(path, new Source(role, file, executable)) != null) {
            throw new IllegalArgumentException("artifact " + path + " added twice");
        }
        return this;
    }

    /** The manifest the package will have (reads and hashes every artifact). */
    public PackageManifest manifest() throws PackageException {
        if (target == null) {
            throw new PackageException(PackageException.Reason.MALFORMED, "a package needs a target: gateways or models");
        }
        List<Artifact> artifacts = new ArrayList<>();
        for (Map.Entry<String, Source> e : sources.entrySet()) {
            Source s = e.getValue();
            try (InputStream in = Files.newInputStream(s.file())) {
                Digests.Measured m = Digests.measure(in);
                artifacts.add(new Artifact(e.getKey(), s.role(), m.size(), m.sha256(), s.executable()));
            } catch (IOException ex) {
                throw new PackageException(PackageException.Reason.IO, "cannot read " + s.file() + ": " + ex.getMessage(), ex);
            }
        }
        try {
            return new PackageManifest(kind, id, version, sequence, rollback, target, created, description, artifacts);
        } catch (IllegalArgumentException ex) {
            throw new PackageException(PackageException.Reason.MALFORMED, ex.getMessage());
        }
    }

    /** Writes an unsigned package. */
    public PackageManifest build(Path out) throws PackageException {
        return build(out, List.of());
    }

    /** Writes a package signed by each key. */
    public PackageManifest build(Path out, List<SigningKey> keys) throws PackageException {
        PackageManifest manifest = manifest();
        byte[] manifestBytes = manifest.toJson();
        List<PackageSignature> signatures = new ArrayList<>();
        for (SigningKey k : keys) {
            signatures.add(PackageSignature.sign(k, manifestBytes));
        }
        write(out, manifestBytes, signatures, manifest, (a, o) -> {
            try (InputStream in = Files.newInputStream(sources.get(a.path()).file())) {
                in.transferTo(o);
            }
        });
        return manifest;
    }

    interface ArtifactWriter {
        void write(Artifact a, OutputStream out) throws IOException, PackageException;
    }

    /** Writes a package file atomically (temporary file, then rename). */
    static void write(Path out, byte[] manifestBytes, List<PackageSignature> signatures, PackageManifest manifest,
                      ArtifactWriter artifacts) throws PackageException {
        Path dir = out.toAbsolutePath().getParent();
        Path tmp = null;
        try {
            Files.createDirectories(dir);
            tmp = Files.createTempFile(dir, out.getFileName().toString(), ".tmp");
            FileTime time = FileTime.from(manifest.created());
            try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(tmp))) {
                put(zip, PackageFile.MANIFEST, time);
                zip.write(manifestBytes);
                zip.closeEntry();
                if (!signatures.isEmpty()) {
                    put(zip, PackageFile.SIGNATURE, time);
                    zip.write(PackageSignature.toJson(signatures));
                    zip.closeEntry();
                }
                for (Artifact a : manifest.artifacts()) {
                    put(zip, a.entryName(), time);
                    artifacts.write(a, zip);
                    zip.closeEntry();
                }
            }
            Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            tmp = null;
        } catch (IOException e) {
            throw new PackageException(PackageException.Reason.IO, "cannot write package " + out + ": " + e.getMessage(), e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // the write error is what matters
                }
            }
        }
    }

    private static void put(ZipOutputStream zip, String name, FileTime time) throws IOException {
        ZipEntry e = new ZipEntry(name);
        e.setLastModifiedTime(time);
        zip.putNextEntry(e);
    }
}
