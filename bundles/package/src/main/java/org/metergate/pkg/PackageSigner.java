package org.metergate.pkg;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Adds a signature to an existing package (typically built on a build host and signed on a separate
 * signing host). The manifest's bytes stay exactly as they are; a signature by the same key replaces
 * the earlier one, signatures by other keys stay. Before signing, every artifact is checked against
 * the manifest: a key never vouches for a package whose content does not match it.
 */
public final class PackageSigner {

    private PackageSigner() {
    }

    /** Signs {@code in} with {@code key} and writes the result to {@code out} (which may be {@code in}). */
    public static PackageManifest sign(Path in, Path out, SigningKey key) throws PackageException {
        Path source = in;
        Path copy = null;
        try {
            if (Files.exists(out) && Files.isSameFile(in, out)) {
                copy = Files.createTempFile(in.toAbsolutePath().getParent(), in.getFileName().toString(), ".orig");
                Files.copy(in, copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                source = copy;
            }
            try (PackageFile p = PackageFile.open(source)) {
                PackageManifest m = p.manifest();
                for (Artifact a : m.artifacts()) {
                    try (InputStream s = p.open(a)) {
                        PackageVerifier.check(a, Digests.measure(new PackageVerifier.LimitedInputStream(s, a.size() + 1)));
                    }
                }
                byte[] manifestBytes = p.manifestBytes();
                List<PackageSignature> signatures = new ArrayList<>();
                for (PackageSignature s : p.signatures()) {
                    if (!s.keyId().equals(key.keyId())) {
                        signatures.add(s);
                    }
                }
                signatures.add(PackageSignature.sign(key, manifestBytes));
                PackageBuilder.write(out, manifestBytes, signatures, m, (a, o) -> {
                    try (InputStream s = p.open(a)) {
                        s.transferTo(o);
                    }
                });
                return m;
            }
        } catch (java.io.IOException e) {
            throw new PackageException(PackageException.Reason.IO, "cannot sign " + in + ": " + e.getMessage(), e);
        } finally {
            if (copy != null) {
                try {
                    Files.deleteIfExists(copy);
                } catch (java.io.IOException ignored) {
                    // a leftover temporary copy is harmless
                }
            }
        }
    }
}
