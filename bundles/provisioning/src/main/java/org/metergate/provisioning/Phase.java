package org.metergate.provisioning;

/** The steps of a deployment as the head-end sees them in progress notifications. */
public enum Phase {
    /** The package is being transferred to the gateway. */
    DOWNLOADING,
    /** Signature, target, sequence and artifact hashes are being checked. */
    VERIFYING,
    /** Bundles are being installed, updated or removed and configurations applied. */
    INSTALLING,
    /** Waiting for every bundle to be active and every component to be satisfied. */
    HEALTH_CHECK,
    /** Done: the change is committed. */
    COMPLETED,
    /** Refused or failed before the gateway was changed: nothing changed. */
    FAILED,
    /** The change was made, did not pass, and the previous state is back. */
    ROLLED_BACK;

    /** True for the phases that end a deployment. */
    public boolean terminal() {
        return this == COMPLETED || this == FAILED || this == ROLLED_BACK;
    }
}
