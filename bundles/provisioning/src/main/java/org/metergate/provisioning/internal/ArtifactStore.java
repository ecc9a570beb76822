package org.metergate.provisioning.internal;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Set;
import org.metergate.pkg.Artifact;
import org.metergate.pkg.Digests;
import org.metergate.pkg.DurableFiles;
import org.metergate.pkg.PackageException;
import org.metergate.pkg.VerifiedPackage;

/**
 * Bundle jars and feature documents by SHA-256 ({@code artifacts/<sha256>}): written once, verified on
 * the way in, shared by every unit that uses the same content, deleted when no unit (nor a kept
 * previous version) needs it.
 */
final class ArtifactStore {

    private final Path dir;

    ArtifactStore(Path dir) {
        this.dir = dir;
    }

    Path path(String sha256) {
        if (!Digests.isSha256Hex(sha256)) {
            throw new IllegalArgumentException("not a SHA-256: " + sha256);
        }
        return dir.resolve(sha256);
    }

    boolean has(String sha256) {
        return Files.isRegularFile(path(sha256));
    }

    /** Copies an artifact of a verified package in (hashing it again); nothing to do when the content is there. */
    Path put(VerifiedPackage pkg, Artifact artifact) throws PackageException, IOException {
        Path target = path(artifact.sha256());
        if (Files.isRegularFile(target) && Files.size(target) == artifact.size()) {
            return target;
        }
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, artifact.sha256(), ".part");
        try {
            pkg.extract(artifact, tmp);
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            tmp = null;
            DurableFiles.syncDirectory(dir);
        } finally {
            if (tmp != null) {
                Files.deleteIfExists(tmp);
            }
        }
        return target;
    }

    /** Stores bytes under their SHA-256 (a feature document) and returns it. */
    String put(byte[] content) throws IOException {
        String sha = Digests.sha256Hex(content);
        if (!has(sha)) {
            DurableFiles.write(path(sha), content);
        }
        return sha;
    }

    byte[] read(String sha256) throws IOException {
        return Files.readAllBytes(path(sha256));
    }

    /** Deletes every stored artifact not in {@code keep}, and leftovers of interrupted copies. */
    void retainOnly(Set<String> keep) throws IOException {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
            for (Path f : files) {
                String name = f.getFileName().toString();
                if (!keep.contains(name)) {
                    Files.deleteIfExists(f);
                }
            }
        }
    }
}
