package org.metergate.provisioning.internal;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.Dictionary;
import java.util.Enumeration;
import java.util.Hashtable;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.felix.cm.json.io.ConfigurationReader;
import org.apache.felix.cm.json.io.ConfigurationResource;
import org.apache.felix.cm.json.io.Configurations;

/**
 * Configurations in the JSON of OSGi features and of the Configurator (the same format), read and
 * written with Apache Felix cm.json, the library the gateway's Configurator uses: typed values
 * ({@code "port:Integer": 8080}) mean here exactly what they mean when the launcher applies a feature.
 */
final class FeatureConfigurations {

    private static final ObjectMapper JSON = JsonMapper.builder().enable(JsonReadFeature.ALLOW_JAVA_COMMENTS).build();

    private FeatureConfigurations() {
    }

    /** The configurations of a feature document by PID, in document order. */
    static Map<String, Hashtable<String, Object>> ofFeature(byte[] featureJson) throws IOException {
        JsonNode root = JSON.readTree(featureJson);
        JsonNode configs = root == null ? null : root.get("configurations");
        if (configs == null || configs.isNull()) {
            return Map.of();
        }
        if (!configs.isObject()) {
            throw new IOException("configurations must be a JSON object");
        }
        // a feature's configurations are a Configurator resource without its header: add the version it needs
        com.fasterxml.jackson.databind.node.ObjectNode resource = JSON.createObjectNode();
        header(resource);
        resource.setAll((com.fasterxml.jackson.databind.node.ObjectNode) configs);
        return ofResource(JSON.writeValueAsString(resource));
    }

    /** The header a resource that does not come from a bundle needs (cm.json checks it). */
    private static void header(com.fasterxml.jackson.databind.node.ObjectNode resource) {
        resource.put(ConfigurationResource.CONFIGURATOR_PROPERTY_PREFIX + "resource-version", 1);
        resource.put(ConfigurationResource.CONFIGURATOR_PROPERTY_PREFIX + "symbolic-name", "metergate.provisioning");
        resource.put(ConfigurationResource.CONFIGURATOR_PROPERTY_PREFIX + "version", "1.0.0");
    }

    /** The configurations of a Configurator resource (JSON text). */
    static Map<String, Hashtable<String, Object>> ofResource(String json) throws IOException {
        ConfigurationReader reader = Configurations.buildReader().build(new StringReader(json));
        ConfigurationResource resource = reader.readConfigurationResource();
        if (!reader.getIgnoredErrors().isEmpty()) {
            throw new IOException("invalid configurations: " + reader.getIgnoredErrors());
        }
        return new LinkedHashMap<>(resource.getConfigurations());
    }

    /** Configurations as Configurator JSON, types kept, to write into the journal. */
    static String toResource(Map<String, ? extends Dictionary<String, Object>> configurations) {
        ConfigurationResource resource = new ConfigurationResource();
        resource.getProperties().put(ConfigurationResource.CONFIGURATOR_PROPERTY_PREFIX + "resource-version", 1);
        resource.getProperties().put(ConfigurationResource.CONFIGURATOR_PROPERTY_PREFIX + "symbolic-name", "metergate.provisioning");
        resource.getProperties().put(ConfigurationResource.CONFIGURATOR_PROPERTY_PREFIX + "version", "1.0.0");
        configurations.forEach((pid, d) -> resource.getConfigurations().put(pid, hashtable(d)));
        StringWriter out = new StringWriter();
        try {
            Configurations.buildWriter().build(out).writeConfigurationResource(resource);
        } catch (IOException e) {
            throw new IllegalStateException("writing to a string cannot fail", e);
        }
        return out.toString();
    }

    static Hashtable<String, Object> hashtable(Dictionary<String, Object> d) {
        Hashtable<String, Object> h = new Hashtable<>();
        for (Enumeration<String> keys = d.keys(); keys.hasMoreElements(); ) {
            String k = keys.nextElement();
            h.put(k, d.get(k));
        }
        return h;
    }

    /** Equal keys and values, arrays compared by content. */
    static boolean same(Dictionary<String, Object> a, Dictionary<String, Object> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (Enumeration<String> keys = a.keys(); keys.hasMoreElements(); ) {
            String k = keys.nextElement();
            Object x = a.get(k);
            Object y = b.get(k);
            if (y == null || !java.util.Objects.deepEquals(x, y)) {
                if (!(x instanceof java.util.Collection<?> cx && y instanceof java.util.Collection<?> cy && cx.equals(cy))) {
                    return false;
                }
            }
        }
        return true;
    }
}
