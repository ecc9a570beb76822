package org.metergate.provisioning;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A feature or bundle that provisioning installed and committed.
 *
 * @param id the package id ({@code groupId:artifactId} of a feature, a bundle's symbolic name)
 * @param kind {@code feature} or {@code bundle}
 * @param version its version
 * @param sequence the package's sequence number
 * @param manifestSha256 SHA-256 of the signed manifest it came from
 * @param signer key id of the trust anchor that signed it
 * @param installed when it was committed
 * @param bundles its bundles as {@code symbolicName version}; those the gateway already had are included
 * @param configurations the PIDs it configures
 * @param previousVersion the version a rollback returns to, if one is kept
 */
public record DeployedUnit(String id, String kind, String version, long sequence, String manifestSha256, String signer,
                           Instant installed, List<String> bundles, List<String> configurations,
                           Optional<String> previousVersion) {

    public DeployedUnit {
        Objects.requireNonNull(id, "id");
        bundles = List.copyOf(bundles);
        configurations = List.copyOf(configurations);
        Objects.requireNonNull(previousVersion, "previousVersion");
    }
}
