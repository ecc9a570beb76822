package org.metergate.pkg;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * A package file opened for reading: its structure is checked when it is opened (exactly a manifest,
 * an optional signature block and the artifacts the manifest lists), nothing is trusted yet.
 */
public final class PackageFile implements Closeable {

    public static final String MANIFEST = "manifest.json";
    public static final String SIGNATURE = "signature.json";
    public static final String ARTIFACTS = "artifacts/";
    /** Most entries a package may have. */
    static final int MAX_ENTRIES = 20_000;

    private final Path path;
    private final ZipFile zip;
    private final byte[] manifestBytes;
    private final PackageManifest manifest;
    private final List<PackageSignature> signatures;
    private final Map<String, ZipEntry> artifacts;

    private PackageFile(Path path, ZipFile zip, byte[] manifestBytes, PackageManifest manifest,
                        List<PackageSignature> signatures, Map<String, ZipEntry> artifacts) {
        this.path = path;
        this.zip = zip;
        this.manifestBytes = manifestBytes;
        this.manifest = manifest;
        this.signatures = signatures;
        this.artifacts = artifacts;
    }

    /** Opens a package and checks its structure; {@link PackageException.Reason#MALFORMED} when it has the wrong shape. */
    public static PackageFile open(Path path) throws PackageException {
        ZipFile zip;
        try {
            zip = new ZipFile(path.toFile());
        } catch (NoSuchFileException | java.io.FileNotFoundException e) {
            throw new PackageException(PackageException.Reason.IO, "no package file " + path);
        } catch (ZipException e) {
            throw new PackageException(PackageException.Reason.MALFORMED, "package " + path
                    + " is not a complete ZIP file (truncated or not a package): " + e.getMessage());
        } catch (IOException e) {
            throw new PackageException(PackageException.Reason.IO, "cannot read package " + path + ": " + e.getMessage(), e);
        }
        try {
            PackageFile p = read(path, zip);
            zip = null;
            return p;
        } finally {
            if (zip != null) {
                closeQuietly(zip);
            }
        }
    }

    private static PackageFile read(Path path, ZipFile zip) throws PackageException {
        Map<String, ZipEntry> entries = new HashMap<>();
        try {
            Enumeration<? extends ZipEntry> e = zip.entries();
            while (e.hasMoreElements()) {
                ZipEntry entry = e.nextElement();
                if (entry.isDirectory()) {
                    continue;
                }
                if (entries.size() >= MAX_ENTRIES) {
                    throw malformed(path, "has more than " + MAX_ENTRIES + " entries");
                }
                if (entries.put(entry.getName(), entry) != null) {
                    throw malformed(path, "holds entry " + printable(entry.getName()) + " twice");
                }
            }
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw malformed(path, "has an unreadable entry list: " + e.getMessage());
        }
        ZipEntry m = entries.remove(MANIFEST);
        if (m == null) {
            throw malformed(path, "has no " + MANIFEST);
        }
        byte[] manifestBytes = readLimited(zip, m, PackageManifest.MAX_BYTES, path);
        PackageManifest manifest;
        try {
            manifest = PackageManifest.parse(manifestBytes);
        } catch (PackageException ex) {
            throw malformed(path, ex.getMessage());
        }
        ZipEntry s = entries.remove(SIGNATURE);
        List<PackageSignature> signatures = s == null ? List.of()
                : PackageSignature.parse(readLimited(zip, s, PackageSignature.MAX_BYTES, path));
        Map<String, ZipEntry> artifacts = new HashMap<>();
        for (Artifact a : manifest.artifacts()) {
            ZipEntry entry = entries.remove(a.entryName());
            if (entry == null) {
                throw malformed(path, "lacks artifact " + a.path() + " that its manifest lists");
            }
            artifacts.put(a.path(), entry);
        }
        if (!entries.isEmpty()) {
            throw malformed(path, "holds entries its manifest does not list: "
                    + entries.keySet().stream().sorted().limit(5).map(PackageFile::printable).toList());
        }
        return new PackageFile(path, zip, manifestBytes, manifest, signatures, artifacts);
    }

    private static byte[] readLimited(ZipFile zip, ZipEntry entry, int max, Path path) throws PackageException {
        try (InputStream in = zip.getInputStream(entry)) {
            byte[] data = in.readNBytes(max + 1);
            if (data.length > max) {
                throw malformed(path, "has a " + entry.getName() + " larger than " + max + " bytes");
            }
            return data;
        } catch (IOException e) {
            throw malformed(path, "has an unreadable " + entry.getName() + ": " + e.getMessage());
        }
    }

    public Path path() {
        return path;
    }

    /** The manifest's exact bytes, as signed. */
    public byte[] manifestBytes() {
        return manifestBytes.clone();
    }

    /** The manifest as read: not trusted until verified. */
    public PackageManifest manifest() {
        return manifest;
    }

    public List<PackageSignature> signatures() {
        return signatures;
    }

    /** The stored content of an artifact the manifest lists. */
    public InputStream open(Artifact artifact) throws PackageException {
        ZipEntry e = artifacts.get(artifact.path());
        if (e == null) {
            throw new PackageException(PackageException.Reason.MALFORMED, "package " + path + " has no artifact " + artifact.path());
        }
        try {
            return zip.getInputStream(e);
        } catch (IOException | RuntimeException ex) {
            throw new PackageException(PackageException.Reason.ARTIFACT_MISMATCH, "artifact " + artifact.path()
                    + " of " + path + " cannot be read: " + ex.getMessage());
        }
    }

    @Override
    public void close() {
        closeQuietly(zip);
    }

    private static void closeQuietly(ZipFile zip) {
        try {
            zip.close();
        } catch (IOException ignored) {
            // read-only: nothing to lose
        }
    }

    private static PackageException malformed(Path path, String what) {
        return new PackageException(PackageException.Reason.MALFORMED, "package " + path + " " + what);
    }

    /** An entry name as it can be shown: control characters replaced, length limited. */
    private static String printable(String name) {
        String s = name.replaceAll("\\p{Cntrl}", "?");
        return s.length() > 120 ? s.substring(0, 120) + "..." : s;
    }
}
