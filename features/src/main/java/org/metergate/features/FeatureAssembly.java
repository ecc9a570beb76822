package org.metergate.features;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Hashtable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.felix.cm.json.io.ConfigurationResource;
import org.apache.felix.cm.json.io.Configurations;

/**
 * Several features deployed together (the runtime, optionally the shell, and a gateway profile):
 * the bundles in install order with each artifact once, and all configurations. Two features that
 * name different versions of one bundle, or configure one PID differently, do not fit together.
 */
public final class FeatureAssembly {

    /** Framework property the OSGi Configurator reads its initial configurations from. */
    public static final String CONFIGURATOR_INITIAL = "configurator.initial";

    private final List<GatewayFeature> features;
    private final List<FeatureBundleRef> bundles;
    private final Map<String, Map<String, Object>> configurations;

    private FeatureAssembly(List<GatewayFeature> features, List<FeatureBundleRef> bundles,
                            Map<String, Map<String, Object>> configurations) {
        this.features = features;
        this.bundles = bundles;
        this.configurations = configurations;
    }

    public static FeatureAssembly of(List<GatewayFeature> features) throws FeatureException {
        Map<String, FeatureBundleRef> byKey = new LinkedHashMap<>();
        Map<String, String> bundleOwner = new LinkedHashMap<>();
        Map<String, Map<String, Object>> configs = new LinkedHashMap<>();
        Map<String, String> configOwner = new LinkedHashMap<>();
        for (GatewayFeature f : features) {
            for (FeatureBundleRef b : f.bundles()) {
                FeatureBundleRef earlier = byKey.putIfAbsent(b.key(), b);
                if (earlier != null && !earlier.equals(b)) {
                    throw new FeatureException("features " + bundleOwner.get(b.key()) + " and " + f.id()
                            + " need different versions of " + b.key() + ": " + earlier.version() + " and " + b.version());
                }
                bundleOwner.putIfAbsent(b.key(), f.id());
            }
            for (Map.Entry<String, Map<String, Object>> c : f.configurations().entrySet()) {
                Map<String, Object> earlier = configs.putIfAbsent(c.getKey(), c.getValue());
                if (earlier != null && !earlier.equals(c.getValue())) {
                    throw new FeatureException("features " + configOwner.get(c.getKey()) + " and " + f.id()
                            + " configure " + c.getKey() + " differently");
                }
                configOwner.putIfAbsent(c.getKey(), f.id());
            }
        }
        return new FeatureAssembly(List.copyOf(features), List.copyOf(byKey.values()), configs);
    }

    /**
     * The same assembly with one configuration property set (added or replaced): how an operator or a
     * test adjusts a shipped feature without editing it, e.g. the replay speed.
     */
    public FeatureAssembly withProperty(String pid, String key, Object value) {
        Map<String, Map<String, Object>> configs = new LinkedHashMap<>(configurations);
        Map<String, Object> values = new LinkedHashMap<>(configs.getOrDefault(pid, Map.of()));
        values.put(key, value);
        configs.put(pid, values);
        return new FeatureAssembly(features, bundles, configs);
    }

    public List<GatewayFeature> features() {
        return features;
    }

    /** Every bundle once, in the order the features list them (first feature first). */
    public List<FeatureBundleRef> bundles() {
        return bundles;
    }

    public Map<String, Map<String, Object>> configurations() {
        return configurations;
    }

    /**
     * The bundle files below a distribution's bundle directory, in install order.
     *
     * @throws FeatureException naming every bundle whose file is missing
     */
    public List<Path> bundleFiles(Path bundlesDir) throws FeatureException {
        List<Path> files = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (FeatureBundleRef b : bundles) {
            Path p = b.fileIn(bundlesDir);
            if (Files.isRegularFile(p)) {
                files.add(p);
            } else {
                missing.add(b.coordinates() + " (" + p + ")");
            }
        }
        if (!missing.isEmpty()) {
            throw new FeatureException("bundles missing from " + bundlesDir + ": " + String.join(", ", missing));
        }
        return files;
    }

    /**
     * The configurations as an OSGi Configurator resource (JSON), the value for the framework
     * property {@value #CONFIGURATOR_INITIAL}: the Configurator applies them through ConfigAdmin.
     */
    public String configuratorJson() {
        ConfigurationResource resource = new ConfigurationResource();
        configurations.forEach((pid, values) -> resource.getConfigurations().put(pid, new Hashtable<>(values)));
        String content = write(resource);
        resource.getProperties().put(":configurator:resource-version", 1);
        // A resource that does not come from a bundle names itself; its version changes with the content,
        // so a Configurator that has applied an older set applies the new one.
        resource.getProperties().put(":configurator:symbolic-name", "metergate.features");
        resource.getProperties().put(":configurator:version", "1.0.0.c" + Integer.toUnsignedString(content.hashCode(), 16));
        return write(resource);
    }

    private static String write(ConfigurationResource resource) {
        StringWriter out = new StringWriter();
        try {
            Configurations.buildWriter().build(out).writeConfigurationResource(resource);
        } catch (IOException e) {
            throw new IllegalStateException("writing to a string cannot fail", e);
        }
        return out.toString();
    }
}
