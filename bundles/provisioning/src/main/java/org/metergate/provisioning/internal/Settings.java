package org.metergate.provisioning.internal;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import org.metergate.pkg.GatewayIdentity;
import org.metergate.pkg.PackageException;
import org.metergate.pkg.TrustAnchor;

/**
 * The installer's settings.
 *
 * @param gateway this gateway, for package targets (asked for every package: the head-end link may name it later)
 * @param trustAnchors the keys whose signatures are accepted, read anew for every package (so anchors
 *        added to the trust directory count without a restart)
 * @param stateDir where state, journal, artifacts and staging live
 * @param dataDir the gateway's data directory (firmware slots are below it)
 * @param healthTimeout how long a deployment may take to become healthy
 * @param healthInterval how often the health check looks again
 * @param refreshTimeout how long a package refresh may take
 * @param firmwareMaxBoots boots a new firmware gets to be marked good
 */
record Settings(Supplier<GatewayIdentity> gateway, TrustSource trustAnchors, Path stateDir, Path dataDir, Duration healthTimeout,
                Duration healthInterval, Duration refreshTimeout, int firmwareMaxBoots) {

    /** Reads the trust anchors. */
    @FunctionalInterface
    interface TrustSource {
        List<TrustAnchor> get() throws PackageException;
    }

    Settings {
        Objects.requireNonNull(gateway, "gateway");
        Objects.requireNonNull(trustAnchors, "trustAnchors");
        Objects.requireNonNull(stateDir, "stateDir");
        Objects.requireNonNull(dataDir, "dataDir");
        if (firmwareMaxBoots < 1) {
            throw new IllegalArgumentException("a firmware gets at least one boot");
        }
    }
}
