package org.metergate.pkg;

import java.util.Objects;

/**
 * A bundle a feature names by Maven coordinates ({@code groupId:artifactId[:type[:classifier]]:version},
 * OSGi R8 Feature IDs); in a feature package its jar is at {@link #packagePath()}, the same layout as a
 * distribution's {@code bundles/} directory.
 */
public record BundleCoordinate(String groupId, String artifactId, String version, String classifier) {

    public BundleCoordinate {
        Objects.requireNonNull(groupId, "groupId");
        Objects.requireNonNull(artifactId, "artifactId");
        Objects.requireNonNull(version, "version");
        classifier = classifier == null ? "" : classifier;
    }

    /** Parses a Feature ID of a bundle; only jar bundles can be installed. */
    public static BundleCoordinate parse(String id) throws PackageException {
        String[] p = id.split(":", -1);
        for (String s : p) {
            if (!s.matches("[A-Za-z0-9._+-]+")) {
                throw new PackageException(PackageException.Reason.MALFORMED, "not a bundle id (groupId:artifactId[:type[:classifier]]:version): " + id);
            }
        }
        return switch (p.length) {
            case 3 -> new BundleCoordinate(p[0], p[1], p[2], "");
            case 4 -> jar(id, p[2], new BundleCoordinate(p[0], p[1], p[3], ""));
            case 5 -> jar(id, p[2], new BundleCoordinate(p[0], p[1], p[4], p[3]));
            default -> throw new PackageException(PackageException.Reason.MALFORMED,
                    "not a bundle id (groupId:artifactId[:type[:classifier]]:version): " + id);
        };
    }

    private static BundleCoordinate jar(String id, String type, BundleCoordinate c) throws PackageException {
        if (!type.equals("jar")) {
            throw new PackageException(PackageException.Reason.MALFORMED, "bundle " + id + " has type " + type + ": only jar bundles can be installed");
        }
        return c;
    }

    /** {@code groupId:artifactId}: a gateway holds one version of each. */
    public String key() {
        return groupId + ":" + artifactId;
    }

    public String fileName() {
        return artifactId + "-" + version + (classifier.isEmpty() ? "" : "-" + classifier) + ".jar";
    }

    /** Where the jar is in a feature package, and below a distribution's directory. */
    public String packagePath() {
        return "bundles/" + groupId + "/" + fileName();
    }

    @Override
    public String toString() {
        return classifier.isEmpty() ? groupId + ":" + artifactId + ":" + version
                : groupId + ":" + artifactId + ":jar:" + classifier + ":" + version;
    }
}
