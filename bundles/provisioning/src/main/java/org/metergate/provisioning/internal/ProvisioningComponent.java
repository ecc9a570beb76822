package org.metergate.provisioning.internal;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.metergate.api.headend.HeadEndLink;
import org.metergate.pkg.GatewayIdentity;
import org.metergate.pkg.Keys;
import org.metergate.pkg.TrustAnchor;
import org.metergate.pkg.firmware.BootState;
import org.metergate.pkg.firmware.BootStateFile;
import org.metergate.provisioning.DeployedUnit;
import org.metergate.provisioning.DeploymentResult;
import org.metergate.provisioning.HealthCheck;
import org.metergate.provisioning.Phase;
import org.metergate.provisioning.ProgressListener;
import org.metergate.provisioning.Provisioning;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gateway's {@link Provisioning} service (PID {@value #PID}, optional): at activation it recovers an
 * interrupted transaction and installs the committed units again (the launcher starts every run on a
 * fresh framework, so what provisioning added is re-created from its own store), in the background so
 * the gateway's start is not held up; deployments wait for that to finish.
 */
@Component(service = Provisioning.class, configurationPid = ProvisioningComponent.PID, immediate = true)
@Designate(ocd = ProvisioningConfig.class)
public final class ProvisioningComponent implements Provisioning {

    public static final String PID = "org.metergate.provisioning";
    static final String DATA_PROPERTY = "metergate.data";
    static final String HOME_PROPERTY = "metergate.home";
    static final String GATEWAY_ID_PROPERTY = "metergate.gateway.id";
    /** The service property in which the head-end link publishes its MQTT client id. */
    static final String LINK_CLIENT_ID = "metergate.headend.client.id";

    private static final Logger LOG = LoggerFactory.getLogger(ProvisioningComponent.class);

    private final BundleContext context;
    private final Installer installer;
    private final Settings settings;
    private final ProvisioningConfig config;
    private final ExecutorService worker;
    private final Future<?> started;
    private final Map<String, HealthCheck> checks = new ConcurrentHashMap<>();
    private final AtomicReference<String> linkClientId = new AtomicReference<>();

    @Activate
    public ProvisioningComponent(BundleContext context, ProvisioningConfig config, @Reference ConfigurationAdmin admin,
                                 @Reference ServiceComponentRuntime scr) throws IOException {
        this.context = context;
        this.config = config;
        this.settings = settings(config, linkClientId);
        Files.createDirectories(settings.stateDir());
        Path applied = context.getDataFile("applied.json") == null ? null : context.getDataFile("applied.json").toPath();
        this.installer = new Installer(settings, new OsgiFramework(context), new OsgiConfigurations(admin, context),
                new ComponentHealth(context, scr, this::healthChecks), applied, Clock.systemUTC());
        this.worker = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "metergate-provisioning");
            t.setDaemon(true);
            return t;
        });
        this.started = worker.submit(() -> {
            try {
                installer.start();
                acceptFirmware();
            } catch (IOException | RuntimeException e) {
                LOG.error("provisioning could not restore its state from {}", settings.stateDir(), e);
            }
        });
        LOG.info("provisioning for gateway {} (model {}), state in {}", settings.gateway().get().id(), settings.gateway().get().model(),
                settings.stateDir());
    }

    /** The head-end link's client id names this gateway when no gateway id is configured. */
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC, service = HeadEndLink.class)
    void addLink(HeadEndLink link, Map<String, Object> props) {
        Object id = props.get(LINK_CLIENT_ID);
        if (id != null) {
            linkClientId.set(id.toString());
        }
    }

    void removeLink(HeadEndLink link, Map<String, Object> props) {
        Object id = props.get(LINK_CLIENT_ID);
        if (id != null) {
            linkClientId.compareAndSet(id.toString(), null);
        }
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC, service = HealthCheck.class)
    void addHealthCheck(HealthCheck check, Map<String, Object> props) {
        checks.put(name(check, props), check);
    }

    void removeHealthCheck(HealthCheck check, Map<String, Object> props) {
        checks.remove(name(check, props), check);
    }

    private static String name(HealthCheck check, Map<String, Object> props) {
        Object n = props.get(HealthCheck.NAME);
        return n != null ? n.toString() : check.getClass().getName() + "#" + props.get("service.id");
    }

    private Collection<Map.Entry<String, HealthCheck>> healthChecks() {
        return new ArrayList<>(checks.entrySet());
    }

    /**
     * This gateway's id: configured, else the head-end link's client id (so packages target what the
     * head-end sees), else the system property, else {@code metergate-<host name>} (the link's own default).
     */
    static String gatewayId(String configured, AtomicReference<String> linkClientId) {
        if (!configured.isBlank()) {
            return configured;
        }
        String link = linkClientId.get();
        if (link != null && !link.isBlank()) {
            return link;
        }
        String prop = System.getProperty(GATEWAY_ID_PROPERTY, "");
        if (!prop.isBlank()) {
            return prop;
        }
        try {
            return "metergate-" + InetAddress.getLocalHost().getHostName().replaceAll("[^A-Za-z0-9._-]", "-");
        } catch (IOException e) {
            return "metergate-localhost";
        }
    }

    static Settings settings(ProvisioningConfig config, AtomicReference<String> linkClientId) {
        String data = System.getProperty(DATA_PROPERTY);
        Path stateDir;
        if (!config.state_dir().isBlank()) {
            stateDir = Path.of(config.state_dir());
        } else if (data != null && !data.isBlank()) {
            stateDir = Path.of(data, "provisioning");
        } else {
            throw new IllegalStateException("no state directory: configure state.dir (PID " + PID
                    + ") or start through bin/metergate, which sets metergate.data");
        }
        Path dataDir = data == null || data.isBlank() ? stateDir.getParent() : Path.of(data);
        String id = config.gateway_id().trim();
        List<Path> trustFiles = new ArrayList<>();
        for (String f : config.trust_files()) {
            trustFiles.add(home(f));
        }
        Path trustDir = home(config.trust_dir());
        Settings.TrustSource trust = () -> {
            List<TrustAnchor> anchors = new ArrayList<>(Keys.readTrustDirectory(trustDir));
            for (Path f : trustFiles) {
                anchors.addAll(Keys.readTrustAnchors(f));
            }
            return anchors;
        };
        String configured = id;
        String model = config.gateway_model();
        return new Settings(() -> new GatewayIdentity(gatewayId(configured, linkClientId), model), trust, stateDir, dataDir,
                Duration.ofSeconds(Math.max(1, config.health_timeout_seconds())), Duration.ofMillis(250),
                Duration.ofSeconds(Math.max(1, config.refresh_timeout_seconds())), Math.max(1, config.firmware_max_boots()));
    }

    private static Path home(String path) {
        Path p = Path.of(path);
        String home = System.getProperty(HOME_PROPERTY);
        return p.isAbsolute() || home == null ? p : Path.of(home).resolve(p);
    }

    /** A firmware that booted on trial and was marked good: its sequence number is now the one to beat. */
    private void acceptFirmware() throws IOException {
        String running = FirmwareWriter.runningSlot();
        if (running.equals(BootState.FACTORY)) {
            return;
        }
        BootStateFile file = new BootStateFile(settings.dataDir());
        Path info = file.slot(running).resolve("FIRMWARE");
        if (Files.isRegularFile(info)) {
            java.util.Properties p = new java.util.Properties();
            try (var r = Files.newBufferedReader(info)) {
                p.load(r);
            }
            long sequence = Long.parseLong(p.getProperty("sequence", "0"));
            installer.acceptSequence("firmware", sequence);
        }
    }

    private void awaitStart() {
        try {
            started.get(5, TimeUnit.MINUTES);
        } catch (Exception e) {
            throw new IllegalStateException("provisioning has not finished starting: " + e.getMessage(), e);
        }
    }

    @Override
    public DeploymentResult install(Path packageFile, ProgressListener listener) {
        awaitStart();
        DeploymentResult r = installer.install(packageFile, listener);
        if (r.completed() && r.reason().equals("RESTART_PENDING")) {
            scheduleRestart();
        }
        return r;
    }

    private void scheduleRestart() {
        if (!config.firmware_restart()) {
            LOG.info("firmware written; restart the gateway to boot it (automatic restart is off)");
            return;
        }
        Thread t = new Thread(() -> {
            try {
                Thread.sleep(TimeUnit.SECONDS.toMillis(Math.max(0, config.firmware_restart_delay_seconds())));
                new BootStateFile(settings.dataDir()).requestRestart();
                LOG.info("restarting the gateway into the new firmware");
                context.getBundle(0).stop();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (IOException | BundleException | IllegalStateException e) {
                LOG.error("could not restart into the new firmware", e);
            }
        }, "metergate-firmware-restart");
        t.setDaemon(true);
        t.start();
    }

    @Override
    public DeploymentResult uninstall(String unitId, ProgressListener listener) {
        awaitStart();
        return installer.uninstall(unitId, listener);
    }

    @Override
    public DeploymentResult rollback(String unitId, ProgressListener listener) {
        awaitStart();
        if (unitId.equals("firmware")) {
            return rollbackFirmware(listener);
        }
        return installer.rollback(unitId, listener);
    }

    /** Gives back a firmware on trial (the launcher boots the good slot next) and restarts. */
    private DeploymentResult rollbackFirmware(ProgressListener listener) {
        BootStateFile file = new BootStateFile(settings.dataDir());
        try {
            BootState s = file.read();
            if (s.trial().isEmpty()) {
                return new DeploymentResult(Phase.FAILED, "firmware", "", "NOT_FOUND", "no firmware is on trial; the good slot "
                        + s.good() + " runs");
            }
            file.write(s.giveUp("rolled back by the operator"));
            listener.progress(Phase.ROLLED_BACK, 100, "firmware slot " + s.trial().get() + " given up");
            if (FirmwareWriter.runningSlot().equals(s.trial().get())) {
                scheduleRestart();
            }
            return new DeploymentResult(Phase.ROLLED_BACK, "firmware", s.version(s.trial().get()).orElse(""), "OK",
                    "firmware slot " + s.trial().get() + " given up; slot " + s.good() + " boots");
        } catch (IOException e) {
            return new DeploymentResult(Phase.FAILED, "firmware", "", "ERROR", e.getMessage());
        }
    }

    @Override
    public List<DeployedUnit> units() {
        awaitStart();
        return installer.state().units().stream().map(u -> view(u, installer.configurationPids(u))).toList();
    }

    @Override
    public Optional<DeployedUnit> unit(String id) {
        return units().stream().filter(u -> u.id().equals(id)).findFirst();
    }

    static DeployedUnit view(UnitRecord u, List<String> configurations) {
        return new DeployedUnit(u.id(), u.kind().jsonName(), u.version(), u.sequence(), u.manifestSha256(), u.signer(),
                u.installed(), u.bundles().stream().map(b -> b.symbolicName() + " " + b.version()).toList(), configurations,
                u.previous().map(UnitRecord::version));
    }

    @Override
    public Map<String, String> firmware() {
        Map<String, String> out = new LinkedHashMap<>();
        out.put("running", FirmwareWriter.runningSlot());
        try {
            BootState s = new BootStateFile(settings.dataDir()).read();
            out.put("good", s.good());
            s.trial().ifPresent(t -> out.put("trial", t));
            if (s.trial().isPresent()) {
                out.put("tries", Integer.toString(s.tries()));
            }
            s.failed().ifPresent(f -> out.put("failed", f));
            if (!s.failedReason().isEmpty()) {
                out.put("failedReason", s.failedReason());
            }
            s.versions().forEach((slot, v) -> out.put("version." + slot, v));
        } catch (IOException e) {
            out.put("error", e.getMessage());
        }
        return out;
    }

    @Deactivate
    void deactivate() {
        worker.shutdownNow();
    }
}
