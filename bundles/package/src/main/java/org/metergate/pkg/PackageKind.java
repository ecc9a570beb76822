package org.metergate.pkg;

import java.util.Locale;

/** What a package installs. */
public enum PackageKind {
    /** An OSGi R8 feature: bundles and configurations, installed and removed together. */
    FEATURE,
    /** One bundle, installed or updated in place. */
    BUNDLE,
    /** The gateway's own distribution, written to the inactive A/B slot and booted by the launcher. */
    FIRMWARE;

    /** The name in manifests: {@code feature}, {@code bundle}, {@code firmware}. */
    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }

    static PackageKind ofJson(String name) throws PackageException {
        for (PackageKind k : values()) {
            if (k.jsonName().equals(name)) {
                return k;
            }
        }
        throw new PackageException(PackageException.Reason.MALFORMED, "manifest: unknown kind '" + name + "' (feature, bundle or firmware)");
    }
}
