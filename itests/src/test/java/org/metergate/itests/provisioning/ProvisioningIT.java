package org.metergate.itests.provisioning;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.composite;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import javax.inject.Inject;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.metergate.api.headend.HeadEndApplication;
import org.metergate.api.headend.HeadEndLink;
import org.metergate.api.headend.HeadEndRequest;
import org.metergate.api.headend.HeadEndResponse;
import org.metergate.api.headend.RequestMethod;
import org.metergate.api.journal.Journal;
import org.metergate.api.reading.Reading;
import org.metergate.api.reading.UplinkConsumer;
import org.metergate.api.reading.UplinkEntry;
import org.metergate.features.FeatureAssembly;
import org.metergate.pkg.Digests;
import org.metergate.pkg.Keys;
import org.metergate.pkg.Packages;
import org.metergate.pkg.SignatureAlgorithm;
import org.metergate.pkg.SigningKey;
import org.metergate.pkg.Target;
import org.metergate.provisioning.DeploymentResult;
import org.metergate.provisioning.Phase;
import org.metergate.provisioning.ProgressListener;
import org.metergate.provisioning.Provisioning;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * The transactional installer in the real gateway (the demo feature in Felix, telegrams flowing from
 * a generated recording): features with bundles and configurations installed and removed, a bundle
 * that fails to start and a component that cannot be satisfied rolled back, a failed update put back
 * to the previous version and its configuration, tampered packages refused before anything changes,
 * and the DEPLOY-V2 application on the head-end whiteboard. After each, the gateway's bundles,
 * configurations and data flow are what they were, and no reading is lost.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ProvisioningIT {

    static final String PACKAGES = "metergate.itest.packages";
    static final String GATEWAY = "itest-gw";
    static final int T1_METERS = 4;

    @Inject
    BundleContext context;

    @Inject
    Provisioning provisioning;

    @Inject
    ConfigurationAdmin admin;

    @Inject
    Journal journal;

    /** What one consumer received over the whole class (the framework lives as long as the class). */
    private static final Map<String, List<BigDecimal>> VOLUMES = new ConcurrentHashMap<>();
    private static final List<Long> SEQUENCES = Collections.synchronizedList(new ArrayList<>());
    private static ServiceRegistration<UplinkConsumer> consumer;

    // ------------------------------------------------------------------ outside the framework: packages and options

    @Configuration
    public Option[] config() throws Exception {
        Path root = Files.createTempDirectory("metergate-provisioning-it-");
        Path repo = Files.createDirectories(root.resolve("repo"));
        Path pkgs = Files.createDirectories(root.resolve("packages"));
        Path trust = Files.createDirectories(root.resolve("trust"));
        SigningKey operator = SigningKey.generate(SignatureAlgorithm.ECDSA_BRAINPOOL_P256R1);
        SigningKey stranger = SigningKey.generate(SignatureAlgorithm.ECDSA_BRAINPOOL_P256R1);
        Files.writeString(trust.resolve("operator.pem"), Keys.publicKeyPem(operator.publicKey()));

        TestBundles.good(repo, "1.0.0");
        TestBundles.good(repo, "2.0.0");
        TestBundles.lonely(repo);
        TestBundles.failing(repo);
        String good = TestBundles.GROUP + ":" + TestBundles.GOOD;
        feature(root, repo, pkgs, operator, "life", "1.0.0", 1, List.of(good + ":1.0.0"),
                "\"" + TestBundles.GOOD_PID + "\": {\"greeting\": \"hello\", \"count:Integer\": 3}", Target.gateways(GATEWAY), false);
        feature(root, repo, pkgs, operator, "upd", "1.0.0", 1, List.of(good + ":1.0.0"),
                "\"" + TestBundles.GOOD_PID + "\": {\"greeting\": \"hello\"}", Target.gateways(GATEWAY), false);
        feature(root, repo, pkgs, operator, "upd", "2.0.0", 2, List.of(good + ":2.0.0", TestBundles.GROUP + ":" + TestBundles.LONELY + ":1.0.0"),
                "\"" + TestBundles.GOOD_PID + "\": {\"greeting\": \"bonjour\"}, \"org.metergate.itest.extra\": {\"a\": 1}",
                Target.gateways(GATEWAY), false);
        feature(root, repo, pkgs, operator, "failing", "1.0.0", 1, List.of(TestBundles.GROUP + ":" + TestBundles.FAILING + ":1.0.0"),
                "\"org.metergate.itest.failing\": {\"x\": 1}", Target.models("metergate"), false);
        feature(root, repo, pkgs, operator, "lonely", "1.0.0", 1, List.of(TestBundles.GROUP + ":" + TestBundles.LONELY + ":1.0.0"),
                "", Target.models("*"), false);
        // the tamper set
        feature(root, repo, pkgs, operator, "t", "1.0.0", 5, List.of(good + ":1.0.0"), "\"" + TestBundles.GOOD_PID + "\": {\"greeting\": \"t\"}",
                Target.gateways(GATEWAY), false);
        feature(root, repo, pkgs, operator, "t", "0.9.0", 4, List.of(good + ":1.0.0"), "", Target.gateways(GATEWAY), false);
        feature(root, repo, pkgs, null, "unsigned", "1.0.0", 1, List.of(good + ":1.0.0"), "", Target.gateways(GATEWAY), false);
        feature(root, repo, pkgs, stranger, "stranger", "1.0.0", 1, List.of(good + ":1.0.0"), "", Target.gateways(GATEWAY), false);
        feature(root, repo, pkgs, operator, "elsewhere", "1.0.0", 1, List.of(good + ":1.0.0"), "", Target.gateways("gw-other"), false);
        feature(root, repo, pkgs, operator, "modified", "1.0.0", 1, List.of(good + ":1.0.0"), "", Target.gateways(GATEWAY), false);
        flipArtifactByte(pkgs.resolve("modified-1.0.0.mgp"));
        byte[] whole = Files.readAllBytes(pkgs.resolve("lonely-1.0.0.mgp"));
        Files.write(pkgs.resolve("truncated-1.0.0.mgp"), Arrays.copyOf(whole, whole.length * 2 / 3));
        feature(root, repo, pkgs, operator, "deploy", "1.0.0", 1, List.of(good + ":1.0.0"),
                "\"" + TestBundles.GOOD_PID + "\": {\"greeting\": \"deployed\"}", Target.gateways(GATEWAY), false);

        Path recording = root.resolve("traffic.replay");
        Recording.write(recording, Recording.meters(T1_METERS, 0), 900, 1.0);
        FeatureAssembly a = ProvisioningOptions.assembly("demo")
                .withProperty("org.metergate.driver.replay~demo", "file", recording.toString())
                .withProperty("org.metergate.driver.replay~demo", "speed", 1.0)
                .withProperty("org.metergate.provisioning", "trust.dir", trust.toString())
                .withProperty("org.metergate.provisioning", "gateway.id", GATEWAY)
                .withProperty("org.metergate.provisioning", "health.timeout.seconds", 5)
                .withProperty("org.metergate.provisioning", "firmware.restart", false);
        return new Option[] {composite(ProvisioningOptions.of(a, Files.createDirectories(root.resolve("data")))),
            systemProperty(PACKAGES).value(pkgs.toString())};
    }

    private static void feature(Path root, Path repo, Path out, SigningKey key, String name, String version, long sequence,
                                List<String> bundles, String configurations, Target target, boolean rollback) throws Exception {
        StringBuilder ids = new StringBuilder();
        for (String b : bundles) {
            ids.append(ids.length() == 0 ? "" : ",").append("{\"id\": \"").append(b).append("\"}");
        }
        Path f = root.resolve(name + "-" + version + ".json");
        Files.writeString(f, "{\"feature-resource-version\": \"1.0\", \"id\": \"" + TestBundles.GROUP + ":" + name + ":osgifeature:"
                + version + "\", \"bundles\": [" + ids + "], \"configurations\": {" + configurations + "}}");
        Packages.feature(f, List.of(repo)).sequence(sequence).target(target).rollback(rollback)
                .build(out.resolve(name + "-" + version + ".mgp"), key == null ? List.of() : List.of(key));
    }

    /** Changes one byte of the first bundle inside the package, keeping its manifest and signature. */
    private static void flipArtifactByte(Path pkg) throws IOException {
        Path tmp = pkg.resolveSibling(pkg.getFileName() + ".tmp");
        try (ZipFile in = new ZipFile(pkg.toFile()); ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(tmp))) {
            for (var e : Collections.list(in.entries())) {
                byte[] data = in.getInputStream(e).readAllBytes();
                if (e.getName().startsWith("artifacts/bundles/")) {
                    data[data.length / 2] ^= 0x20;
                }
                out.putNextEntry(new ZipEntry(e.getName()));
                out.write(data);
                out.closeEntry();
            }
        }
        Files.move(tmp, pkg, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    // ------------------------------------------------------------------ inside the framework

    private static Path pkg(String name) {
        return Path.of(System.getProperty(PACKAGES), name + ".mgp");
    }

    private long journalAtStart;

    @Before
    public void watchTheDataFlow() {
        journalAtStart = journal.status().nextSequence();
        if (consumer != null) {
            return;
        }
        Hashtable<String, Object> props = new Hashtable<>();
        props.put(UplinkConsumer.CONSUMER_ID, "itest-provisioning");
        consumer = context.registerService(UplinkConsumer.class, entries -> {
            for (UplinkEntry e : entries) {
                SEQUENCES.add(e.sequence());
                if (e.item() instanceof Reading r && r.quantity().equals("volume")) {
                    VOLUMES.computeIfAbsent(r.meter().meterId().toString(), k -> Collections.synchronizedList(new ArrayList<>())).add(r.value());
                }
            }
        }, props);
    }

    /** A test that failed half-way leaves its units behind; the next test starts without them. */
    @After
    public void removeWhatATestLeft() {
        for (var unit : provisioning.units()) {
            if (unit.id().startsWith("org.metergate.itest:")) {
                provisioning.uninstall(unit.id(), ProgressListener.NONE);
            }
        }
    }

    /**
     * Every telegram of the recording so far became exactly one reading: each meter's volumes are the
     * recording's, from its first telegram on, without a gap or a repeat; the journal's entries reached
     * the consumer in order, none skipped.
     */
    @After
    public void noReadingWasLost() throws Exception {
        long until = System.currentTimeMillis() + 15_000;
        while ((VOLUMES.size() < T1_METERS || journal.status().nextSequence() <= journalAtStart) && System.currentTimeMillis() < until) {
            Thread.sleep(200);
        }
        assertTrue("readings keep flowing after the change", journal.status().nextSequence() > journalAtStart);
        assertEquals("every meter of the recording was read: " + VOLUMES.keySet(), T1_METERS, VOLUMES.size());
        List<Recording.Meter> meters = Recording.meters(T1_METERS, 0);
        for (int m = 0; m < T1_METERS; m++) {
            List<BigDecimal> got = new ArrayList<>(VOLUMES.get(meters.get(m).id()));
            Collections.sort(got);
            for (int i = 0; i < got.size(); i++) {
                if (Recording.volume(m, i).compareTo(got.get(i)) != 0) {
                    throw new AssertionError("meter " + meters.get(m).id() + ": reading " + i + " should be " + Recording.volume(m, i)
                            + " m3, the readings are " + got.subList(Math.max(0, i - 3), Math.min(got.size(), i + 3)));
                }
            }
        }
        List<Long> seq = new ArrayList<>(SEQUENCES);
        for (int i = 1; i < seq.size(); i++) {
            assertEquals("journal entries reach the consumer in order, none skipped", seq.get(i - 1) + 1, (long) seq.get(i));
        }
    }

    private String snapshot() throws Exception {
        TreeSet<String> lines = new TreeSet<>();
        for (Bundle b : context.getBundles()) {
            if (!String.valueOf(b.getSymbolicName()).startsWith("PAXEXAM")) {
                lines.add("bundle " + b.getSymbolicName() + " " + b.getVersion() + " " + b.getState() + " " + b.getLocation());
            }
        }
        org.osgi.service.cm.Configuration[] all = admin.listConfigurations(null);
        for (org.osgi.service.cm.Configuration c : all == null ? new org.osgi.service.cm.Configuration[0] : all) {
            Dictionary<String, Object> p = c.getProperties();
            TreeMap<String, String> values = new TreeMap<>();
            for (String k : Collections.list(p.keys())) {
                Object v = p.get(k);
                values.put(k, v instanceof Object[] arr ? Arrays.deepToString(arr) : String.valueOf(v));
            }
            lines.add("configuration " + c.getPid() + " " + values);
        }
        return String.join("\n", lines);
    }

    private Bundle bundle(String symbolicName) {
        return Arrays.stream(context.getBundles()).filter(b -> symbolicName.equals(b.getSymbolicName())).findFirst().orElse(null);
    }

    private ServiceReference<Runnable> goodService() throws Exception {
        for (int i = 0; i < 50; i++) {
            var refs = context.getServiceReferences(Runnable.class, "(itest.good.version=*)");
            if (!refs.isEmpty()) {
                return refs.iterator().next();
            }
            Thread.sleep(100);
        }
        return null;
    }

    /**
     * The good component's service once it carries {@code greeting}: ConfigAdmin hands a restored or new
     * configuration to SCR asynchronously, so the service properties follow a moment later.
     */
    private ServiceReference<Runnable> goodServiceGreeting(String greeting) throws Exception {
        ServiceReference<Runnable> s = null;
        for (int i = 0; i < 100; i++) {
            s = goodService();
            if (s != null && greeting.equals(s.getProperty("greeting"))) {
                return s;
            }
            Thread.sleep(100);
        }
        assertEquals("greeting of the good component", greeting, s == null ? null : s.getProperty("greeting"));
        return s;
    }

    private static final class Phases implements ProgressListener {
        final List<Phase> seen = Collections.synchronizedList(new ArrayList<>());

        @Override
        public void progress(Phase phase, int percent, String message) {
            if (seen.isEmpty() || seen.get(seen.size() - 1) != phase) {
                seen.add(phase);
            }
        }
    }

    @Test
    public void aFeatureIsInstalledWithItsConfigurationAndRemovedWithIt() throws Exception {
        String before = snapshot();
        Phases phases = new Phases();
        DeploymentResult r = provisioning.install(pkg("life-1.0.0"), phases);
        assertEquals(r.message(), Phase.COMPLETED, r.phase());
        assertEquals(List.of(Phase.VERIFYING, Phase.INSTALLING, Phase.HEALTH_CHECK, Phase.COMPLETED), phases.seen);
        assertEquals(Bundle.ACTIVE, bundle(TestBundles.GOOD).getState());
        ServiceReference<Runnable> s = goodService();
        assertNotNull("the good component is active with its configuration", s);
        assertEquals("hello", s.getProperty("greeting"));
        assertEquals("typed as the feature says", 3, s.getProperty("count"));
        assertTrue(provisioning.unit("org.metergate.itest:life").isPresent());

        DeploymentResult removed = provisioning.uninstall("org.metergate.itest:life", ProgressListener.NONE);
        assertEquals(removed.message(), Phase.COMPLETED, removed.phase());
        assertEquals("bundles and configuration as before the feature", before, snapshot());
    }

    @Test
    public void aBundleThatFailsToStartIsRolledBackAndNothingElseChanges() throws Exception {
        String before = snapshot();
        Phases phases = new Phases();
        DeploymentResult r = provisioning.install(pkg("failing-1.0.0"), phases);
        assertEquals(r.message(), Phase.ROLLED_BACK, r.phase());
        assertEquals("START_FAILED", r.reason());
        assertTrue(r.message(), r.message().contains("refuses to start"));
        assertEquals(Phase.ROLLED_BACK, phases.seen.get(phases.seen.size() - 1));
        assertEquals(before, snapshot());
    }

    @Test
    public void aComponentThatCannotBeSatisfiedIsRolledBack() throws Exception {
        String before = snapshot();
        DeploymentResult r = provisioning.install(pkg("lonely-1.0.0"), ProgressListener.NONE);
        assertEquals(r.message(), Phase.ROLLED_BACK, r.phase());
        assertEquals("UNHEALTHY", r.reason());
        assertTrue(r.message(), r.message().contains("org.metergate.itest.lonely/org.metergate.itest.lonely")
                && r.message().contains("NoSuchService"));
        assertEquals(before, snapshot());
    }

    @Test
    public void aFailedUpdatePutsThePreviousVersionAndItsConfigurationBack() throws Exception {
        String before = snapshot();
        assertEquals(Phase.COMPLETED, provisioning.install(pkg("upd-1.0.0"), ProgressListener.NONE).phase());
        String withV1 = snapshot();
        long v1Id = bundle(TestBundles.GOOD).getBundleId();

        DeploymentResult r = provisioning.install(pkg("upd-2.0.0"), ProgressListener.NONE);
        assertEquals(r.message(), Phase.ROLLED_BACK, r.phase());
        assertEquals(withV1, snapshot());
        assertEquals("updated in place and back: the same bundle", v1Id, bundle(TestBundles.GOOD).getBundleId());
        ServiceReference<Runnable> s = goodServiceGreeting("hello");
        assertEquals("1.0.0", s.getProperty("itest.good.version"));
        assertEquals("1.0.0", provisioning.unit("org.metergate.itest:upd").orElseThrow().version());

        assertEquals(Phase.COMPLETED, provisioning.uninstall("org.metergate.itest:upd", ProgressListener.NONE).phase());
        assertEquals(before, snapshot());
    }

    @Test
    public void tamperedPackagesAreRefusedBeforeAnythingIsTouched() throws Exception {
        assertEquals(Phase.COMPLETED, provisioning.install(pkg("t-1.0.0"), ProgressListener.NONE).phase());
        String before = snapshot();
        Map<String, String> expected = new TreeMap<>(Map.of(
                "unsigned-1.0.0", "UNSIGNED",
                "stranger-1.0.0", "UNTRUSTED_SIGNER",
                "modified-1.0.0", "ARTIFACT_MISMATCH",
                "truncated-1.0.0", "MALFORMED",
                "t-0.9.0", "REPLAYED",
                "elsewhere-1.0.0", "WRONG_TARGET"));
        for (Map.Entry<String, String> e : expected.entrySet()) {
            DeploymentResult r = provisioning.install(pkg(e.getKey()), ProgressListener.NONE);
            assertEquals(e.getKey() + ": " + r.message(), Phase.FAILED, r.phase());
            assertEquals(e.getKey() + ": " + r.message(), e.getValue(), r.reason());
            assertEquals(e.getKey() + " changed nothing", before, snapshot());
        }
        DeploymentResult again = provisioning.install(pkg("t-1.0.0"), ProgressListener.NONE);
        assertEquals("ALREADY_INSTALLED", again.reason());
        assertEquals(Phase.COMPLETED, provisioning.uninstall("org.metergate.itest:t", ProgressListener.NONE).phase());
    }

    @Test
    public void theDeployApplicationInstallsAChunkedDownloadAndNotifiesEveryPhase() throws Exception {
        List<Map<String, Object>> notes = Collections.synchronizedList(new ArrayList<>());
        java.util.Set<String> requesters = java.util.concurrent.ConcurrentHashMap.newKeySet();
        HeadEndLink fake = new HeadEndLink() {
            @Override
            public String id() {
                return "itest";
            }

            @Override
            public boolean connected() {
                return true;
            }

            @Override
            public java.util.Optional<java.time.Instant> connectedSince() {
                return java.util.Optional.of(java.time.Instant.now());
            }

            @Override
            public boolean notify(String appId, String requester, String resource, Map<String, Object> metrics) {
                if (appId.equals("DEPLOY-V2")) {
                    requesters.add(requester);
                    notes.add(metrics);
                }
                return true;
            }
        };
        Hashtable<String, Object> props = new Hashtable<>();
        props.put(org.osgi.framework.Constants.SERVICE_RANKING, 1000);
        ServiceRegistration<HeadEndLink> link = context.registerService(HeadEndLink.class, fake, props);
        try {
            var refs = context.getServiceReferences(HeadEndApplication.class, "(" + HeadEndApplication.APP_ID + "=DEPLOY-V2)");
            assertFalse("DEPLOY-V2 is on the whiteboard", refs.isEmpty());
            HeadEndApplication app = context.getService(refs.iterator().next());
            byte[] data = Files.readAllBytes(pkg("deploy-1.0.0"));
            HeadEndResponse start = app.handle(new HeadEndRequest(RequestMethod.EXEC, List.of("download"), "1", "hes-itest",
                    Map.of("job.id", "itest-1", "dp.name", "org.metergate.itest:deploy", "dp.version", "1.0.0",
                            "dp.download.size", (long) data.length, "dp.download.hash", "SHA-256:" + Digests.sha256Hex(data)), null));
            assertEquals(200, start.code());
            int chunk = ((Number) start.metrics().get("dp.download.block.size")).intValue();
            for (int off = 0; off < data.length; off += chunk) {
                HeadEndResponse c = app.handle(new HeadEndRequest(RequestMethod.PUT, List.of("download"), "c" + off, "hes-itest",
                        Map.of("dp.job.id", "itest-1", "dp.download.offset", (long) off),
                        Arrays.copyOfRange(data, off, Math.min(data.length, off + chunk))));
                assertEquals(200, c.code());
            }
            long until = System.currentTimeMillis() + 30_000;
            while (notes.stream().noneMatch(n -> "COMPLETED".equals(n.get("job.status"))) && System.currentTimeMillis() < until) {
                Thread.sleep(100);
            }
            List<String> states = new ArrayList<>();
            synchronized (notes) {
                for (Map<String, Object> n : notes) {
                    String s = (String) n.get("job.status");
                    if (states.isEmpty() || !states.get(states.size() - 1).equals(s)) {
                        states.add(s);
                    }
                }
            }
            assertEquals(List.of("DOWNLOADING", "VERIFYING", "INSTALLING", "HEALTH_CHECK", "COMPLETED"), states);
            assertEquals("notified to the job's requester", java.util.Set.of("hes-itest"), requesters);
            goodServiceGreeting("deployed");

            HeadEndResponse packages = app.handle(new HeadEndRequest(RequestMethod.GET, List.of("packages"), "p", "hes-itest", Map.of(), null));
            assertTrue(new String(packages.body()), new String(packages.body()).contains("org.metergate.itest:deploy"));
            HeadEndResponse remove = app.handle(new HeadEndRequest(RequestMethod.EXEC, List.of("uninstall"), "u", "hes-itest",
                    Map.of("job.id", "itest-2", "dp.name", "org.metergate.itest:deploy"), null));
            assertEquals(200, remove.code());
            until = System.currentTimeMillis() + 30_000;
            while (provisioning.unit("org.metergate.itest:deploy").isPresent() && System.currentTimeMillis() < until) {
                Thread.sleep(100);
            }
            assertFalse(provisioning.unit("org.metergate.itest:deploy").isPresent());
            assertEquals(null, bundle(TestBundles.GOOD));
        } finally {
            link.unregister();
        }
    }
}
