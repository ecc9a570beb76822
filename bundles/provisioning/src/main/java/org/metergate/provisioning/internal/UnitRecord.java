package org.metergate.provisioning.internal;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.metergate.pkg.PackageKind;

/**
 * A committed feature or bundle, as the state file keeps it: enough to install it again from the
 * artifact store after a restart, and the version before it for a rollback.
 *
 * @param id package id
 * @param kind feature or bundle
 * @param version its version
 * @param sequence the package's sequence number
 * @param manifestSha256 SHA-256 of the signed manifest
 * @param signer key id of the signer
 * @param installed when it was committed
 * @param bundles its bundles in start order
 * @param featureSha256 for a feature: the stored feature document (its configurations), else empty
 * @param previous the unit this one replaced, kept for a rollback (one level)
 */
record UnitRecord(String id, PackageKind kind, String version, long sequence, String manifestSha256, String signer,
                  Instant installed, List<BundleRecord> bundles, Optional<String> featureSha256,
                  Optional<UnitRecord> previous) {

    UnitRecord {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        bundles = List.copyOf(bundles);
        Objects.requireNonNull(featureSha256, "featureSha256");
        Objects.requireNonNull(previous, "previous");
        if (previous.isPresent() && previous.get().previous().isPresent()) {
            throw new IllegalArgumentException("only one previous version is kept");
        }
    }

    UnitRecord withPrevious(Optional<UnitRecord> p) {
        return new UnitRecord(id, kind, version, sequence, manifestSha256, signer, installed, bundles, featureSha256,
                p.map(u -> u.withPrevious(Optional.empty())));
    }

    /**
     * A bundle of a unit.
     *
     * @param symbolicName its Bundle-SymbolicName
     * @param version its Bundle-Version
     * @param sha256 its jar in the artifact store
     */
    record BundleRecord(String symbolicName, String version, String sha256) {
    }
}
