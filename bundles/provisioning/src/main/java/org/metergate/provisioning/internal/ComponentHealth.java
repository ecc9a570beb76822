package org.metergate.provisioning.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.metergate.provisioning.HealthCheck;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.osgi.service.component.runtime.dto.UnsatisfiedReferenceDTO;

/**
 * The health of Declarative Services components, from {@link ServiceComponentRuntime}, and of the
 * registered {@link HealthCheck} services.
 */
final class ComponentHealth implements HealthPort {

    private final BundleContext context;
    private final ServiceComponentRuntime scr;
    private final Supplier<Collection<Map.Entry<String, HealthCheck>>> checks;

    ComponentHealth(BundleContext context, ServiceComponentRuntime scr, Supplier<Collection<Map.Entry<String, HealthCheck>>> checks) {
        this.context = context;
        this.scr = scr;
        this.checks = checks;
    }

    @Override
    public Map<String, String> componentProblems(Set<Long> bundleIds, Set<String> expectedPids) {
        List<Bundle> bundles = new ArrayList<>();
        if (bundleIds != null) {
            for (long id : bundleIds) {
                Bundle b = context.getBundle(id);
                if (b != null) {
                    bundles.add(b);
                }
            }
            if (bundles.isEmpty()) {
                return Map.of();
            }
        }
        Map<String, String> problems = new LinkedHashMap<>();
        Collection<ComponentDescriptionDTO> descriptions = bundleIds == null ? scr.getComponentDescriptionDTOs()
                : scr.getComponentDescriptionDTOs(bundles.toArray(Bundle[]::new));
        for (ComponentDescriptionDTO d : descriptions) {
            if (!scr.isComponentEnabled(d)) {
                continue;
            }
            String key = d.bundle.symbolicName + "/" + d.name;
            boolean expected = expected(d, expectedPids);
            Collection<ComponentConfigurationDTO> configs = scr.getComponentConfigurationDTOs(d);
            if (configs.isEmpty()) {
                if (expected) {
                    problems.put(key, "waits for its configuration");
                }
                continue;
            }
            for (ComponentConfigurationDTO c : configs) {
                switch (c.state) {
                    case ComponentConfigurationDTO.UNSATISFIED_REFERENCE -> problems.put(key, "unsatisfied reference "
                            + names(d, c.unsatisfiedReferences));
                    case ComponentConfigurationDTO.FAILED_ACTIVATION -> problems.put(key, "failed to activate: "
                            + firstLine(c.failure));
                    case ComponentConfigurationDTO.UNSATISFIED_CONFIGURATION -> {
                        if (expected) {
                            problems.put(key, "waits for its configuration");
                        }
                    }
                    default -> {
                        // SATISFIED, ACTIVE
                    }
                }
            }
        }
        return problems;
    }

    private static boolean expected(ComponentDescriptionDTO d, Set<String> expectedPids) {
        for (String pid : d.configurationPid) {
            for (String e : expectedPids) {
                if (e.equals(pid) || e.startsWith(pid + "~")) {
                    return true;
                }
            }
        }
        return false;
    }

    /** {@code name (interface target)} of each unsatisfied reference. */
    private static String names(ComponentDescriptionDTO d, UnsatisfiedReferenceDTO[] refs) {
        List<String> n = new ArrayList<>();
        if (refs != null) {
            for (UnsatisfiedReferenceDTO r : refs) {
                String iface = "";
                for (var ref : d.references) {
                    if (ref.name.equals(r.name)) {
                        iface = ref.interfaceName;
                    }
                }
                n.add(r.name + " (" + iface + (r.target == null ? "" : " " + r.target) + ")");
            }
        }
        return String.join(", ", n);
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "unknown";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    @Override
    public Map<String, String> healthCheckProblems() {
        Map<String, String> problems = new LinkedHashMap<>();
        for (Map.Entry<String, HealthCheck> e : checks.get()) {
            try {
                Optional<String> p = e.getValue().problem();
                p.ifPresent(s -> problems.put(e.getKey(), s));
            } catch (RuntimeException ex) {
                problems.put(e.getKey(), "the check failed: " + ex);
            }
        }
        return problems;
    }
}
