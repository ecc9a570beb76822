package org.metergate.provisioning;

import java.util.Objects;

/**
 * How a deployment ended.
 *
 * @param phase {@link Phase#COMPLETED}, {@link Phase#FAILED} (nothing changed) or {@link Phase#ROLLED_BACK}
 * @param unitId the feature, bundle or firmware id (empty when the package could not be read)
 * @param version the version the deployment was about
 * @param reason a stable code for programs: {@code OK}, {@code ALREADY_INSTALLED}, a package refusal
 *        ({@code UNSIGNED}, {@code UNTRUSTED_SIGNER}, {@code BAD_SIGNATURE}, {@code ARTIFACT_MISMATCH},
 *        {@code WRONG_TARGET}, {@code REPLAYED}, {@code MALFORMED}), {@code CONFLICT}, {@code NOT_FOUND},
 *        {@code START_FAILED}, {@code UNHEALTHY}, {@code RESTART_PENDING}, {@code ERROR}
 * @param message what happened, for people
 */
public record DeploymentResult(Phase phase, String unitId, String version, String reason, String message) {

    public DeploymentResult {
        Objects.requireNonNull(phase, "phase");
        if (!phase.terminal()) {
            throw new IllegalArgumentException("a result ends in COMPLETED, FAILED or ROLLED_BACK, not " + phase);
        }
        unitId = unitId == null ? "" : unitId;
        version = version == null ? "" : version;
        Objects.requireNonNull(reason, "reason");
        message = message == null ? "" : message;
    }

    public boolean completed() {
        return phase == Phase.COMPLETED;
    }
}
