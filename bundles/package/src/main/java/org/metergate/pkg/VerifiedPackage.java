package org.metergate.pkg;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;

/**
 * A package that passed {@link PackageVerifier}: its manifest can be trusted, and its artifacts are
 * extracted through {@link #extract}, which hashes them again while copying - what gets installed is
 * exactly what was hashed, even if the package file changed after verification.
 */
public final class VerifiedPackage implements Closeable {

    private final PackageFile file;
    private final String manifestSha256;
    private final TrustAnchor signer;

    VerifiedPackage(PackageFile file, String manifestSha256, TrustAnchor signer) {
        this.file = file;
        this.manifestSha256 = manifestSha256;
        this.signer = signer;
    }

    public PackageManifest manifest() {
        return file.manifest();
    }

    /** The manifest's exact signed bytes (to keep with what was installed). */
    public byte[] manifestBytes() {
        return file.manifestBytes();
    }

    /** SHA-256 of the manifest: the identity of this exact package. */
    public String manifestSha256() {
        return manifestSha256;
    }

    /** The trust anchor whose signature verified. */
    public TrustAnchor signer() {
        return signer;
    }

    public Path path() {
        return file.path();
    }

    /**
     * Copies an artifact to {@code target} (replacing it) and fsyncs it; fails, deleting the copy, when
     * its size or SHA-256 differs from the manifest.
     */
    public void extract(Artifact artifact, Path target) throws PackageException {
        MessageDigest d = Digests.sha256();
        long size;
        try (InputStream in = new PackageVerifier.LimitedInputStream(file.open(artifact), artifact.size() + 1);
             var channel = java.nio.channels.FileChannel.open(target, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                     StandardOpenOption.TRUNCATE_EXISTING);
             OutputStream out = new DigestOutputStream(java.nio.channels.Channels.newOutputStream(channel), d)) {
            size = in.transferTo(out);
            out.flush();
            channel.force(true);
        } catch (IOException e) {
            deleteQuietly(target);
            throw new PackageException(PackageException.Reason.IO, "cannot extract " + artifact.path() + " to " + target + ": " + e.getMessage(), e);
        }
        try {
            PackageVerifier.check(artifact, new Digests.Measured(size, Digests.hex(d.digest())));
        } catch (PackageException e) {
            deleteQuietly(target);
            throw e;
        }
    }

    /** An artifact's content in memory (a feature document); checked like {@link #extract}. */
    public byte[] read(Artifact artifact) throws PackageException {
        if (artifact.size() > PackageManifest.MAX_BYTES) {
            throw new PackageException(PackageException.Reason.MALFORMED, "artifact " + artifact.path() + " is too large to read into memory");
        }
        byte[] data;
        try (InputStream in = new PackageVerifier.LimitedInputStream(file.open(artifact), artifact.size() + 1)) {
            data = in.readAllBytes();
        } catch (IOException e) {
            throw new PackageException(PackageException.Reason.ARTIFACT_MISMATCH, "artifact " + artifact.path() + " cannot be read: " + e.getMessage());
        }
        PackageVerifier.check(artifact, new Digests.Measured(data.length, Digests.sha256Hex(data)));
        return data;
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // the caller reports the first error
        }
    }

    @Override
    public void close() {
        file.close();
    }

    @Override
    public String toString() {
        return manifest().label() + " signed by " + signer;
    }
}
