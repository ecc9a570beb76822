package org.metergate.provisioning;

import org.osgi.annotation.versioning.ConsumerType;

/** Told about each step of a deployment as it happens. */
@ConsumerType
@FunctionalInterface
public interface ProgressListener {

    /**
     * @param phase the step
     * @param percent progress of the whole deployment, 0-100
     * @param message what happens, for people
     */
    void progress(Phase phase, int percent, String message);

    ProgressListener NONE = (phase, percent, message) -> { };
}
