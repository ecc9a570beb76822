package org.metergate.pkg;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One artifact a manifest lists: where it is in the package (below {@code artifacts/}), what it is,
 * and its exact size and SHA-256.
 *
 * @param path relative path, {@code /}-separated
 * @param role what the artifact is
 * @param size its length in bytes
 * @param sha256 its SHA-256, 64 lower-case hex digits
 * @param executable for a firmware file: whether it is a program (bin/metergate)
 */
public record Artifact(String path, ArtifactRole role, long size, String sha256, boolean executable) {

    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9._+-]+");
    /** Longest path accepted; longer ones are not what a distribution holds. */
    public static final int MAX_PATH = 400;

    public Artifact {
        Objects.requireNonNull(role, "role");
        if (!validPath(path)) {
            throw new IllegalArgumentException("not a package path: " + path);
        }
        if (size < 0) {
            throw new IllegalArgumentException("artifact " + path + ": negative size");
        }
        if (!Digests.isSha256Hex(sha256)) {
            throw new IllegalArgumentException("artifact " + path + ": sha256 must be 64 lower-case hex digits");
        }
    }

    /** True for a relative path whose segments are plain names: no {@code .}, {@code ..}, empty or odd characters. */
    public static boolean validPath(String path) {
        if (path == null || path.isEmpty() || path.length() > MAX_PATH) {
            return false;
        }
        for (String segment : path.split("/", -1)) {
            if (segment.equals(".") || segment.equals("..") || !SEGMENT.matcher(segment).matches()) {
                return false;
            }
        }
        return true;
    }

    /** The entry name in the package file. */
    public String entryName() {
        return PackageFile.ARTIFACTS + path;
    }
}
