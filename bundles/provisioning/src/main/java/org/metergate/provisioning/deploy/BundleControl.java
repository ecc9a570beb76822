package org.metergate.provisioning.deploy;

import java.util.List;

/** The bundles of the gateway, for GET/bundles, EXEC/start and EXEC/stop. */
interface BundleControl {

    /** A bundle as the head-end sees it. */
    record BundleInfo(long id, String name, String version, String state, boolean provisioned) {
    }

    List<BundleInfo> bundles();

    /**
     * Starts a bundle.
     *
     * @throws IllegalArgumentException for an unknown id
     * @throws SecurityException when the bundle may not be touched remotely
     */
    void start(long id) throws Exception;

    /** Stops a bundle; as {@link #start} for errors. */
    void stop(long id) throws Exception;
}
