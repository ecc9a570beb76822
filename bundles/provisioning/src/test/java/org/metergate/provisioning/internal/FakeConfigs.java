package org.metergate.provisioning.internal;

import java.util.Dictionary;
import java.util.HashSet;
import java.util.Hashtable;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** An in-memory Configuration Admin. */
final class FakeConfigs implements ConfigPort {

    final Map<String, Hashtable<String, Object>> values = new LinkedHashMap<>();
    final Set<String> base = new HashSet<>();

    @Override
    public Optional<Dictionary<String, Object>> get(String pid) {
        Hashtable<String, Object> v = values.get(pid);
        return v == null ? Optional.empty() : Optional.of(new Hashtable<>(v));
    }

    @Override
    public void put(String pid, Dictionary<String, Object> properties) {
        values.put(pid, FeatureConfigurations.hashtable(properties));
    }

    @Override
    public void delete(String pid) {
        values.remove(pid);
    }

    @Override
    public Set<String> basePids() {
        return base;
    }
}
