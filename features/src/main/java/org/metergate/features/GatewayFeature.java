package org.metergate.features;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A feature as the gateway uses it: its id, the bundles to install in order, and the configurations
 * to apply, keyed by PID ({@code factoryPid~name} for factory configurations, as in OSGi R8 features
 * and the Configurator).
 */
public record GatewayFeature(String id, String name, String description, List<FeatureBundleRef> bundles,
                             Map<String, Map<String, Object>> configurations) {

    public GatewayFeature {
        Objects.requireNonNull(id, "id");
        name = name == null ? "" : name;
        description = description == null ? "" : description;
        bundles = List.copyOf(bundles);
        Map<String, Map<String, Object>> copy = new LinkedHashMap<>();
        configurations.forEach((pid, values) -> copy.put(pid, Collections.unmodifiableMap(new LinkedHashMap<>(values))));
        configurations = Collections.unmodifiableMap(copy);
    }
}
