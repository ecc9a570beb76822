package org.metergate.itests.provisioning;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.After;
import org.junit.Test;
import org.metergate.pkg.Packages;
import org.metergate.pkg.Target;

/**
 * Firmware A/B, end to end: the gateway's own distribution sent as a signed firmware package with
 * {@code hes deploy}; the gateway writes it into slot a, restarts into it in the same process, and
 * marks it good after its health check - the deployment completes. A second firmware with a bundle
 * that cannot start is written into slot b, fails its health check on trial, and the launcher falls
 * back to slot a - the deployment is reported rolled back. Readings flow again after each restart.
 */
public class FirmwareIT {

    static final String GATEWAY = "fw-gw";
    static final List<Recording.Meter> TRAFFIC = Recording.meters(2, 0);

    private EndToEnd.Broker broker;
    private EndToEnd.Proc gateway;
    private EndToEnd.Readings readings;

    @After
    public void stop() {
        if (readings != null) {
            readings.close();
        }
        if (gateway != null) {
            gateway.close();
        }
        if (broker != null) {
            broker.close();
        }
    }

    private static Properties boot(Path data) throws Exception {
        Properties p = new Properties();
        try (var r = Files.newBufferedReader(data.resolve("firmware/boot.properties"))) {
            p.load(r);
        }
        return p;
    }

    /** A copy of the distribution (without data/) with one of its bundles replaced by one that cannot start. */
    private static Path brokenDistribution(Path dir, Path failingBundle) throws Exception {
        Path home = ProvisioningOptions.home();
        Path copy = dir.resolve("broken-distribution");
        try (Stream<Path> walk = Files.walk(home)) {
            for (Path p : walk.toList()) {
                Path rel = home.relativize(p);
                if (rel.toString().startsWith("data")) {
                    continue;
                }
                Path target = copy.resolve(rel.toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
        try (Stream<Path> jars = Files.list(copy.resolve("bundles/org.metergate"))) {
            Path radioT = jars.filter(p -> p.getFileName().toString().startsWith("org.metergate.radio.t-")).findFirst().orElseThrow();
            Files.copy(failingBundle, radioT, StandardCopyOption.REPLACE_EXISTING);
        }
        return copy;
    }

    private JsonNode deploy(Path pkg, String... more) throws Exception {
        List<String> args = new java.util.ArrayList<>(List.of("deploy", "-g", GATEWAY, "--json", "--wait", "300"));
        args.addAll(List.of(more));
        args.add(pkg.toString());
        return EndToEnd.hes(broker, 400, args.toArray(String[]::new)).lastJson();
    }

    private void awaitReadings(int more) throws InterruptedException {
        int before = readings.total();
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(40);
        while (readings.total() < before + more && System.nanoTime() < until) {
            Thread.sleep(200);
        }
        assertTrue("readings flow", readings.total() >= before + more);
    }

    @Test
    public void aNewFirmwareBootsOnTrialIsMarkedGoodAndABrokenOneFallsBack() throws Exception {
        EndToEnd.assumeMosquitto();
        Path dir = Files.createTempDirectory("metergate-firmware-");
        broker = new EndToEnd.Broker(Files.createDirectories(dir.resolve("broker")));
        RemoteUpdateSupport s = new RemoteUpdateSupport(dir);
        Path recording = dir.resolve("traffic.replay");
        Recording.write(recording, TRAFFIC, 1800, 1.0);
        Path feature = EndToEnd.derive(dir.resolve("fw-gateway.json"), "demo", List.of(), Map.of(
                "org.metergate.driver.replay~demo", RemoteUpdateSupport.map("file", recording.toString(), "speed", 1.0, "loop", false),
                "org.metergate.headend.mqtt~demo", RemoteUpdateSupport.map("broker.uris", List.of(broker.uri()), "client.id", GATEWAY,
                        "reconnect.max.ms", 2000),
                "org.metergate.headend.security", RemoteUpdateSupport.map("policy.rules", EndToEnd.DEPLOY_RULES),
                "org.metergate.provisioning", RemoteUpdateSupport.map("trust.dir", s.trust.toString(), "firmware.restart.delay.seconds", 1)));
        readings = new EndToEnd.Readings(broker, GATEWAY);
        Path data = dir.resolve("data");
        ProcessBuilder pb = new ProcessBuilder(EndToEnd.bin().toString(), "run", "--feature", feature.toString(), "--data", data.toString());
        pb.environment().put("METERGATE_JAVA_OPTS", "-Dmetergate.firmware.health.timeout=20");
        gateway = new EndToEnd.Proc(pb);
        gateway.await("the gateway up", 60, l -> l.stream().anyMatch(x -> x.startsWith("metergate up in")));
        long pid = gateway.process.pid();
        awaitReadings(2);

        // 1. a good firmware: written to slot a, booted on trial in the same process, marked good
        Path good = dir.resolve("firmware-2.mgp");
        Packages.firmware(ProvisioningOptions.home(), "2.0.0-itest").sequence(1).target(Target.gateways(GATEWAY))
                .build(good, List.of(s.operator));
        JsonNode r = deploy(good);
        assertEquals(r.toString(), "COMPLETED", r.path("job.status").asText());
        gateway.await("slot a marked good", 10, l -> l.stream().anyMatch(x -> x.contains("firmware slot a passed its health check")));
        assertTrue(gateway.snapshot().stream().anyMatch(x -> x.contains("booting firmware slot a (2.0.0-itest) on trial")));
        assertTrue("the same process: no supervisor needed", gateway.process.isAlive() && gateway.process.pid() == pid);
        Properties b = boot(data);
        assertEquals("a", b.getProperty("good"));
        assertEquals(null, b.getProperty("trial"));
        awaitReadings(2);

        // 2. a broken firmware: slot b fails its health check on trial, slot a boots again
        Path broken = brokenDistribution(dir, TestBundles.failing(s.repo));
        Path bad = dir.resolve("firmware-3.mgp");
        Packages.firmware(broken, "3.0.0-broken").sequence(2).target(Target.gateways(GATEWAY)).build(bad, List.of(s.operator));
        r = deploy(bad);
        assertEquals(r.toString(), "ROLLED_BACK", r.path("job.status").asText());
        assertTrue(gateway.snapshot().stream().anyMatch(x -> x.contains("booting firmware slot b (3.0.0-broken) on trial")));
        assertTrue(gateway.snapshot().stream().anyMatch(x -> x.contains("firmware slot b health check failed")));
        b = boot(data);
        assertEquals("a", b.getProperty("good"));
        assertEquals("b", b.getProperty("failed"));
        assertTrue(b.getProperty("failedReason"), b.getProperty("failedReason").contains("failed to start"));
        assertTrue(gateway.process.isAlive());
        EndToEnd.Run packages = EndToEnd.hes(broker, 60, "packages", "-g", GATEWAY);
        assertTrue(packages.text(), packages.text().contains("running slot a, good slot a") && packages.text().contains("given up b"));
        awaitReadings(2);

        // 3. the same deployment again is answered, not repeated (its job id); as a new job it is a replay, refused
        r = deploy(good);
        assertEquals(r.toString(), "COMPLETED", r.path("job.status").asText());
        r = deploy(good, "--job", "replay-1");
        assertEquals(r.toString(), "FAILED", r.path("job.status").asText());
        assertEquals(r.toString(), "REPLAYED", r.path("job.reason").asText());

        // 4. SIGTERM still stops it cleanly from a slot
        gateway.signal("TERM");
        assertTrue(gateway.process.waitFor(40, TimeUnit.SECONDS));
        assertEquals(143, gateway.process.exitValue());
    }
}
