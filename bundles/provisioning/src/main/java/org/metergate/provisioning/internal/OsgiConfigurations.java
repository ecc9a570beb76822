package org.metergate.provisioning.internal;

import java.io.IOException;
import java.util.Dictionary;
import java.util.Enumeration;
import java.util.Hashtable;
import java.util.Optional;
import java.util.Set;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Configurations through Configuration Admin: plain PIDs and named factory configurations
 * ({@code factoryPid~name}, OSGi R7), bound to any bundle ({@code ?} location), as the Configurator
 * creates the configurations of the gateway's own features.
 */
final class OsgiConfigurations implements ConfigPort {

    private static final Logger LOG = LoggerFactory.getLogger(OsgiConfigurations.class);
    private static final Set<String> FRAMEWORK_KEYS = Set.of(Constants.SERVICE_PID, ConfigurationAdmin.SERVICE_FACTORYPID,
            ConfigurationAdmin.SERVICE_BUNDLELOCATION);
    /** The framework property the launcher gives the Configurator its initial configurations in. */
    static final String CONFIGURATOR_INITIAL = "configurator.initial";

    private final ConfigurationAdmin admin;
    private final Set<String> basePids;

    OsgiConfigurations(ConfigurationAdmin admin, BundleContext context) {
        this.admin = admin;
        this.basePids = readBasePids(context.getProperty(CONFIGURATOR_INITIAL));
    }

    static Set<String> readBasePids(String initial) {
        if (initial == null || !initial.trim().startsWith("{")) {
            return Set.of();
        }
        try {
            return Set.copyOf(FeatureConfigurations.ofResource(initial).keySet());
        } catch (IOException | RuntimeException e) {
            LOG.warn("the gateway's initial configurations cannot be read ({}); no PID is reserved for them", e.getMessage());
            return Set.of();
        }
    }

    private Optional<Configuration> find(String pid) throws Exception {
        Configuration[] found = admin.listConfigurations("(" + Constants.SERVICE_PID + "=" + escape(pid) + ")");
        return found == null || found.length == 0 ? Optional.empty() : Optional.of(found[0]);
    }

    static String escape(String value) {
        StringBuilder b = new StringBuilder();
        for (char c : value.toCharArray()) {
            if (c == '\\' || c == '*' || c == '(' || c == ')') {
                b.append('\\');
            }
            b.append(c);
        }
        return b.toString();
    }

    @Override
    public Optional<Dictionary<String, Object>> get(String pid) throws Exception {
        Optional<Configuration> c = find(pid);
        if (c.isEmpty() || c.get().getProperties() == null) {
            return Optional.empty();
        }
        Dictionary<String, Object> p = c.get().getProperties();
        Hashtable<String, Object> out = new Hashtable<>();
        for (Enumeration<String> keys = p.keys(); keys.hasMoreElements(); ) {
            String k = keys.nextElement();
            if (!FRAMEWORK_KEYS.contains(k)) {
                out.put(k, p.get(k));
            }
        }
        return Optional.of(out);
    }

    @Override
    public void put(String pid, Dictionary<String, Object> properties) throws Exception {
        int tilde = pid.indexOf('~');
        Configuration c = tilde > 0
                ? admin.getFactoryConfiguration(pid.substring(0, tilde), pid.substring(tilde + 1), "?")
                : admin.getConfiguration(pid, "?");
        c.update(new Hashtable<>(FeatureConfigurations.hashtable(properties)));
    }

    @Override
    public void delete(String pid) throws Exception {
        Optional<Configuration> c = find(pid);
        if (c.isPresent()) {
            c.get().delete();
        }
    }

    @Override
    public Set<String> basePids() {
        return basePids;
    }
}
