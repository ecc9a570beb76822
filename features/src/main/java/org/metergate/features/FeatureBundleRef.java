package org.metergate.features;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A bundle a feature names by Maven coordinates. In a gateway distribution the bundle's file is
 * {@code bundles/<groupId>/<artifactId>-<version>[-<classifier>].jar}.
 */
public record FeatureBundleRef(String groupId, String artifactId, String version, String classifier) {

    public FeatureBundleRef {
        Objects.requireNonNull(groupId, "groupId");
        Objects.requireNonNull(artifactId, "artifactId");
        Objects.requireNonNull(version, "version");
        classifier = classifier == null ? "" : classifier;
    }

    /** {@code groupId:artifactId} - one feature set holds one version of each. */
    public String key() {
        return groupId + ":" + artifactId;
    }

    /** {@code groupId:artifactId[:jar:classifier]:version}, as in feature files. */
    public String coordinates() {
        return classifier.isEmpty() ? groupId + ":" + artifactId + ":" + version
                : groupId + ":" + artifactId + ":jar:" + classifier + ":" + version;
    }

    /** The file name in a distribution's bundle directory. */
    public String fileName() {
        return artifactId + "-" + version + (classifier.isEmpty() ? "" : "-" + classifier) + ".jar";
    }

    /** Where the bundle's file is below a distribution's bundle directory. */
    public Path fileIn(Path bundlesDir) {
        return bundlesDir.resolve(groupId).resolve(fileName());
    }

    @Override
    public String toString() {
        return coordinates();
    }
}
