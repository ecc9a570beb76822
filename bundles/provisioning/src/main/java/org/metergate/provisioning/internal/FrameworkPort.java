package org.metergate.provisioning.internal;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * What the installer does to the OSGi framework. An interface so that the transaction logic is tested
 * on its own; {@link OsgiFramework} is the real one.
 */
interface FrameworkPort {

    /** The location prefix of bundles provisioning installed (followed by the symbolic name). */
    String LOCATION_PREFIX = "metergate-provisioning:";

    /** A bundle as the installer sees it. */
    record InstalledBundle(long id, String symbolicName, String version, String location, boolean active,
                           boolean fragment) {

        boolean ours() {
            return location.startsWith(LOCATION_PREFIX);
        }
    }

    List<InstalledBundle> bundles();

    long install(String location, Path jar) throws Exception;

    void update(long id, Path jar) throws Exception;

    /** Updates a bundle from its own location: gives a gateway's own bundle its original content back. */
    void restore(long id) throws Exception;

    void uninstall(long id) throws Exception;

    /** Refreshes the bundles (and their dependents) and waits until the framework has done it. */
    void refresh(Collection<Long> ids, Duration timeout) throws Exception;

    void start(long id) throws Exception;

    /** Symbolic names of the bundles the installer itself runs on: never changed at run time. */
    Set<String> protectedBundles();

    /** The version of a gateway bundle's original content (read from its location), if it can be read. */
    java.util.Optional<String> originalVersion(long id);
}
