package org.metergate.provisioning.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Components whose satisfaction depends on their bundle: a bundle named in {@link #unsatisfied} has a
 * component with an unsatisfied reference while it is installed.
 */
final class FakeHealth implements HealthPort {

    private final FakeFramework framework;
    final Map<String, String> unsatisfied = new LinkedHashMap<>();
    final Map<String, String> checks = new LinkedHashMap<>();

    FakeHealth(FakeFramework framework) {
        this.framework = framework;
    }

    @Override
    public Map<String, String> componentProblems(Set<Long> bundleIds, Set<String> expectedPids) {
        Map<String, String> out = new LinkedHashMap<>();
        for (FakeFramework.Bundle b : framework.bundles.values()) {
            if ((bundleIds == null || bundleIds.contains(b.id)) && unsatisfied.containsKey(b.symbolicName) && b.active) {
                out.put(b.symbolicName + "/" + b.symbolicName + ".Component", unsatisfied.get(b.symbolicName));
            }
        }
        return out;
    }

    @Override
    public Map<String, String> healthCheckProblems() {
        return new LinkedHashMap<>(checks);
    }
}
