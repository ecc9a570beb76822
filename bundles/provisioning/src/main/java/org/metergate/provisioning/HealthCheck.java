package org.metergate.provisioning;

import java.util.Optional;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * A check that must pass before a deployment is committed, beyond "every bundle active and every
 * component satisfied": a bundle registers one to say "I am up and working" in its own terms (a link
 * that receives, a store that writes). Every registered check is asked during the health check phase
 * of every deployment, repeatedly until all pass or the health check times out.
 */
@ConsumerType
public interface HealthCheck {

    /** Service property: a short name for messages. */
    String NAME = "metergate.health.check";

    /** Empty when healthy, else what is wrong, for people. */
    Optional<String> problem();
}
