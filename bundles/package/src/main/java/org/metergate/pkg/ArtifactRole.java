package org.metergate.pkg;

import java.util.Locale;

/** What an artifact of a package is. */
public enum ArtifactRole {
    /** The OSGi R8 Feature JSON of a feature package. */
    FEATURE,
    /** A bundle jar. */
    BUNDLE,
    /** A file of a firmware (distribution) package. */
    FILE;

    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }

    static ArtifactRole ofJson(String name) throws PackageException {
        for (ArtifactRole r : values()) {
            if (r.jsonName().equals(name)) {
                return r;
            }
        }
        throw new PackageException(PackageException.Reason.MALFORMED, "manifest: unknown artifact role '" + name + "' (feature, bundle or file)");
    }
}
