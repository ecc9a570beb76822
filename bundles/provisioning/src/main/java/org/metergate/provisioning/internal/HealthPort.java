package org.metergate.provisioning.internal;

import java.util.Map;
import java.util.Set;

/** What the health check asks; {@link ComponentHealth} is the real one. */
interface HealthPort {

    /**
     * The Declarative Services components of the given bundles (all bundles when {@code bundleIds} is
     * null) that are not satisfied, keyed by {@code symbolicName/componentName}, with what is missing.
     * A component that waits for a configuration nobody gave it is not a problem, unless its PID is in
     * {@code expectedPids}.
     */
    Map<String, String> componentProblems(Set<Long> bundleIds, Set<String> expectedPids);

    /** What the registered {@link org.metergate.provisioning.HealthCheck} services report, keyed by their name. */
    Map<String, String> healthCheckProblems();
}
