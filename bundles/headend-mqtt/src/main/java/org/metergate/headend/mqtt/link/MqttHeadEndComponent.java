package org.metergate.headend.mqtt.link;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.Hashtable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import org.metergate.api.headend.HeadEndApplication;
import org.metergate.api.headend.HeadEndLink;
import org.metergate.api.journal.Journal;
import org.metergate.api.link.InterfaceTag;
import org.metergate.api.meter.MeterRegistry;
import org.metergate.api.reading.UplinkConsumer;
import org.metergate.headend.security.HeadEndAuthoriser;
import org.metergate.headend.security.KeyTransport;
import org.metergate.headend.security.RequestSignatures;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.BundleListener;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one {@link MqttHeadEndLink} per configuration (factory PID {@value #PID}) and registers it as
 * {@link HeadEndLink} ({@code metergate.interface=G2}) and as the {@link UplinkConsumer} with cursor
 * {@code headend-<id>}. Tracks the head-end applications, the security services, the journal and the
 * registry as they come and go, and republishes the birth certificate when the deployed bundles or
 * the applications change.
 */
@Component(service = {}, configurationPid = MqttHeadEndComponent.PID, configurationPolicy = ConfigurationPolicy.REQUIRE,
        immediate = true)
@Designate(ocd = LinkConfig.class, factory = true)
public final class MqttHeadEndComponent implements LinkEnvironment, BundleListener {

    public static final String PID = "org.metergate.headend.mqtt";
    private static final Logger LOG = LoggerFactory.getLogger(MqttHeadEndComponent.class);

    private final Map<String, HeadEndApplication> apps = new ConcurrentSkipListMap<>();
    private final Map<HeadEndApplication, String> appIds = new ConcurrentHashMap<>();

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    volatile HeadEndAuthoriser authoriser;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    volatile RequestSignatures signatures;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    volatile KeyTransport keyTransport;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    volatile Journal journal;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    volatile MeterRegistry registry;

    private BundleContext context;
    private volatile MqttHeadEndLink link;
    private ServiceRegistration<?> registration;
    private volatile String deployment = "";

    @Activate
    void activate(BundleContext context, LinkConfig config) {
        this.context = context;
        LinkSettings settings = LinkSettings.of(config);
        this.deployment = deploymentHash();
        MqttHeadEndLink l = new MqttHeadEndLink(settings, this, firmwareVersion(context));
        this.link = l;
        context.addBundleListener(this);
        l.start();
        Hashtable<String, Object> props = new Hashtable<>();
        props.put(InterfaceTag.PROPERTY, InterfaceTag.G2.name());
        props.put("metergate.headend.id", settings.id());
        props.put(UplinkConsumer.CONSUMER_ID, settings.consumerId());
        props.put("metergate.headend.client.id", settings.clientId());
        props.put("metergate.headend.account", settings.account());
        registration = context.registerService(new String[] {HeadEndLink.class.getName(), UplinkConsumer.class.getName()}, l, props);
        LOG.info("head-end link {} started: brokers {}, {} payloads{}", settings.id(), settings.brokerUris(),
                settings.format().label(), settings.gzip() ? " (gzip)" : "");
    }

    @Deactivate
    void deactivate() {
        context.removeBundleListener(this);
        if (registration != null) {
            try {
                registration.unregister();
            } catch (IllegalStateException alreadyGone) {
                // the framework is stopping
            }
        }
        MqttHeadEndLink l = link;
        if (l != null) {
            l.stop();
        }
    }

    private static String firmwareVersion(BundleContext context) {
        String v = System.getProperty("metergate.version");
        return v != null ? v : context.getBundle().getVersion().toString();
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    void addApplication(HeadEndApplication app, Map<String, Object> props) {
        Object id = props.get(HeadEndApplication.APP_ID);
        if (!(id instanceof String s) || s.isBlank()) {
            LOG.error("head-end application {} has no {} property: it cannot be reached", props.get("component.name"), HeadEndApplication.APP_ID);
            return;
        }
        apps.put(s, app);
        appIds.put(app, s);
        MqttHeadEndLink l = link;
        if (l != null) {
            l.birthChanged();
        }
    }

    void removeApplication(HeadEndApplication app) {
        String id = appIds.remove(app);
        if (id != null) {
            apps.remove(id, app);
        }
        MqttHeadEndLink l = link;
        if (l != null) {
            l.birthChanged();
        }
    }

    @Override
    public void bundleChanged(BundleEvent event) {
        switch (event.getType()) {
            case BundleEvent.INSTALLED, BundleEvent.UNINSTALLED, BundleEvent.UPDATED, BundleEvent.STARTED, BundleEvent.STOPPED -> {
                String now = deploymentHash();
                if (!now.equals(deployment)) {
                    deployment = now;
                    MqttHeadEndLink l = link;
                    if (l != null) {
                        l.birthChanged();
                    }
                }
            }
            default -> { }
        }
    }

    /** A digest of the deployed bundles (symbolic name, version, state): changes whenever a feature is deployed or removed. */
    private String deploymentHash() {
        List<String> lines = new ArrayList<>();
        for (Bundle b : context.getBundles()) {
            lines.add(b.getSymbolicName() + ":" + b.getVersion() + ":" + (b.getState() == Bundle.ACTIVE ? "A" : "-"));
        }
        Collections.sort(lines);
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (String l : lines) {
                md.update(l.getBytes(java.nio.charset.StandardCharsets.UTF_8));
                md.update((byte) '\n');
            }
            return HexFormat.of().formatHex(md.digest()).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    // --- LinkEnvironment

    @Override
    public Optional<HeadEndApplication> application(String appId) {
        return Optional.ofNullable(apps.get(appId));
    }

    @Override
    public SortedSet<String> applicationIds() {
        return new TreeSet<>(apps.keySet());
    }

    @Override
    public Optional<HeadEndAuthoriser> authoriser() {
        return Optional.ofNullable(authoriser);
    }

    @Override
    public Optional<RequestSignatures> signatures() {
        return Optional.ofNullable(signatures);
    }

    @Override
    public Optional<KeyTransport> keyTransport() {
        return Optional.ofNullable(keyTransport);
    }

    @Override
    public Optional<Journal> journal() {
        return Optional.ofNullable(journal);
    }

    @Override
    public Optional<MeterRegistry> registry() {
        return Optional.ofNullable(registry);
    }

    @Override
    public Map<String, Object> platformMetrics() {
        Map<String, Object> m = new LinkedHashMap<>();
        Bundle system = context.getBundle(Constants.SYSTEM_BUNDLE_LOCATION);
        m.put("osgi_framework", system == null ? "" : system.getSymbolicName());
        m.put("osgi_framework_version", system == null ? "" : system.getVersion().toString());
        int active = 0;
        for (Bundle b : context.getBundles()) {
            if (b.getState() == Bundle.ACTIVE) {
                active++;
            }
        }
        m.put("metergate_bundles", active);
        m.put("metergate_deployment", deployment);
        return m;
    }
}
