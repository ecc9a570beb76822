package org.metergate.itests.provisioning;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.FixMethodOrder;
import org.junit.Test;
import org.junit.runners.MethodSorters;
import org.metergate.pkg.Target;

/**
 * The tamper suite of remote updates, end to end: the distribution's gateway (the demo feature, its
 * replay transceiver playing generated traffic) on a real mosquitto, packages sent with
 * {@code bin/metergate hes deploy} while telegrams keep flowing. An unsigned package, a wrong signer,
 * an artifact modified after signing, a truncated download, a replayed older version and a package
 * for another target are refused; a bundle that fails to start and a component that cannot be
 * satisfied are rolled back. After each, the gateway's bundles and configurations are what they were;
 * at the end every reading of every meter has arrived at the head-end, none lost. Then a deployment
 * interrupted by {@code kill -9} of the gateway is undone at its next start.
 */
@FixMethodOrder(MethodSorters.NAME_ASCENDING)
public class TamperSuiteIT {

    static final String GATEWAY = "tamper-gw";
    static final int METERS = 4;
    static Path dir;
    static EndToEnd.Broker broker;
    static EndToEnd.Proc gateway;
    static EndToEnd.Readings readings;
    static RemoteUpdateSupport s;
    static Path feature;
    static Path data;
    static final List<Recording.Meter> TRAFFIC = Recording.meters(METERS, 0);

    @BeforeClass
    public static void gatewayOnABroker() throws Exception {
        EndToEnd.assumeMosquitto();
        dir = Files.createTempDirectory("metergate-tamper-");
        broker = new EndToEnd.Broker(Files.createDirectories(dir.resolve("broker")));
        s = new RemoteUpdateSupport(dir);
        Path recording = dir.resolve("traffic.replay");
        Recording.write(recording, TRAFFIC, 1800, 1.0);
        feature = EndToEnd.derive(dir.resolve("tamper-gateway.json"), "demo", List.of(), Map.of(
                "org.metergate.driver.replay~demo", RemoteUpdateSupport.map("file", recording.toString(), "speed", 1.0, "loop", false),
                "org.metergate.headend.mqtt~demo", RemoteUpdateSupport.map("broker.uris", List.of(broker.uri()), "client.id", GATEWAY,
                        "reconnect.max.ms", 2000),
                "org.metergate.headend.security", RemoteUpdateSupport.map("policy.rules", EndToEnd.DEPLOY_RULES),
                "org.metergate.provisioning", RemoteUpdateSupport.map("trust.dir", s.trust.toString(), "health.timeout.seconds", 5)));
        readings = new EndToEnd.Readings(broker, GATEWAY);
        data = dir.resolve("data");
        startGateway();
    }

    static void startGateway() throws Exception {
        gateway = new EndToEnd.Proc(List.of(EndToEnd.bin().toString(), "run", "--feature", feature.toString(), "--data", data.toString()));
        gateway.await("the gateway up", 60, l -> l.stream().anyMatch(x -> x.startsWith("metergate up in")));
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        int before = readings.total();
        while (readings.total() <= before && System.nanoTime() < until) {
            Thread.sleep(200);
        }
        assertTrue("readings arrive at the head-end: " + gateway.snapshot(), readings.total() > before);
    }

    @AfterClass
    public static void stop() {
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

    static JsonNode deploy(Path pkg, String... more) throws Exception {
        List<String> args = new ArrayList<>(List.of("deploy", "-g", GATEWAY, "--json", "--wait", "120"));
        args.addAll(List.of(more));
        args.add(pkg.toString());
        EndToEnd.Run r = EndToEnd.hes(broker, 180, args.toArray(String[]::new));
        JsonNode last = r.lastJson();
        assertEquals(r.text(), "COMPLETED".equals(last.path("job.status").asText()) ? 0 : 1, r.code());
        return last;
    }

    static void refused(Path pkg, String status, String reason) throws Exception {
        String before = RemoteUpdateSupport.state(broker, GATEWAY);
        JsonNode last = deploy(pkg);
        assertEquals(pkg.getFileName() + ": " + last, status, last.path("job.status").asText());
        assertEquals(pkg.getFileName() + ": " + last, reason, last.path("job.reason").asText());
        assertEquals(pkg.getFileName() + " left the gateway as it was", before, RemoteUpdateSupport.state(broker, GATEWAY));
    }

    static String good() throws Exception {
        return TestBundles.GROUP + ":" + TestBundles.GOOD;
    }

    @Test
    public void a_tamperedPackagesAreRefusedBeforeAnythingChanges() throws Exception {
        TestBundles.good(s.repo, "1.0.0");
        String cfg = "\"" + TestBundles.GOOD_PID + "\": {\"greeting\": \"hello\"}";
        Target here = Target.gateways(GATEWAY);
        refused(s.feature("unsigned", "1.0.0", 1, List.of(good() + ":1.0.0"), cfg, here, null, false), "FAILED", "UNSIGNED");
        refused(s.feature("stranger", "1.0.0", 1, List.of(good() + ":1.0.0"), cfg, here, s.stranger, false), "FAILED", "UNTRUSTED_SIGNER");
        Path signed = s.feature("modified", "1.0.0", 1, List.of(good() + ":1.0.0"), cfg, here, s.operator, false);
        refused(RemoteUpdateSupport.modified(signed), "FAILED", "ARTIFACT_MISMATCH");
        // a download cut short: the CLI would not send a file it cannot read, so a raw head-end sends it
        String before = RemoteUpdateSupport.state(broker, GATEWAY);
        JsonNode cut = RawDeploy.send(broker, GATEWAY, RemoteUpdateSupport.truncated(signed), "truncated-1");
        assertEquals(cut.toString(), "FAILED", cut.path("job.status").asText());
        assertEquals(cut.toString(), "MALFORMED", cut.path("job.reason").asText());
        assertEquals(before, RemoteUpdateSupport.state(broker, GATEWAY));
        refused(s.feature("elsewhere", "1.0.0", 1, List.of(good() + ":1.0.0"), cfg, Target.gateways("another-gw"), s.operator, false),
                "FAILED", "WRONG_TARGET");
    }

    @Test
    public void b_anOlderVersionIsRefusedUnlessItIsASignedRollback() throws Exception {
        TestBundles.good(s.repo, "2.0.0");
        Target here = Target.models("*");
        String cfg = "\"" + TestBundles.GOOD_PID + "\": {\"greeting\": \"v\"}";
        Path v1 = s.feature("rep", "1.0.0", 1, List.of(good() + ":1.0.0"), cfg, here, s.operator, false);
        Path v2 = s.feature("rep", "2.0.0", 2, List.of(good() + ":2.0.0"), cfg, here, s.operator, false);
        assertEquals("COMPLETED", deploy(v2).path("job.status").asText());
        refused(v1, "FAILED", "REPLAYED");
        // the same older version, explicitly signed as a rollback: accepted
        Path signedRollback = s.feature("rep", "1.0.0", 1, List.of(good() + ":1.0.0"), cfg, here, s.operator, true);
        JsonNode r = deploy(signedRollback);
        assertEquals(r.toString(), "COMPLETED", r.path("job.status").asText());
        EndToEnd.Run packages = EndToEnd.hes(broker, 60, "packages", "-g", GATEWAY);
        assertTrue(packages.text(), packages.text().contains("org.metergate.itest:rep") && packages.text().contains("1.0.0"));
        EndToEnd.Run removed = EndToEnd.hes(broker, 120, "uninstall", "-g", GATEWAY, "org.metergate.itest:rep");
        assertEquals(removed.text(), 0, removed.code());
    }

    @Test
    public void c_aBundleThatFailsToStartAndAnUnsatisfiableComponentAreRolledBack() throws Exception {
        TestBundles.failing(s.repo);
        TestBundles.lonely(s.repo);
        refused(s.feature("failing", "1.0.0", 1, List.of(TestBundles.GROUP + ":" + TestBundles.FAILING + ":1.0.0"),
                "\"org.metergate.itest.failing\": {\"x\": 1}", Target.models("metergate"), s.operator, false), "ROLLED_BACK", "START_FAILED");
        refused(s.feature("lonely", "1.0.0", 1, List.of(TestBundles.GROUP + ":" + TestBundles.LONELY + ":1.0.0"), "",
                Target.models("metergate"), s.operator, false), "ROLLED_BACK", "UNHEALTHY");
    }

    @Test
    public void d_anInterruptedTransferIsNotInstalledAndResumesWhereItStopped() throws Exception {
        TestBundles.good(s.repo, "3.0.0", 1_500_000);
        Path big = s.feature("big", "3.0.0", 1, List.of(good() + ":3.0.0"), "\"" + TestBundles.GOOD_PID + "\": {\"greeting\": \"big\"}",
                Target.gateways(GATEWAY), s.operator, false);
        String before = RemoteUpdateSupport.state(broker, GATEWAY);
        String job = "resume-1";
        List<String> cmd = new ArrayList<>(List.of(EndToEnd.bin().toString(), "hes", "deploy", "-g", GATEWAY, "--job", job, "--chunk", "4096",
                "--broker", broker.uri(), "--client-id", EndToEnd.OPERATOR, big.toString()));
        long offset = 0;
        try (EndToEnd.Proc first = new EndToEnd.Proc(cmd)) {
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (offset < 200_000 && System.nanoTime() < until) {
                Thread.sleep(300);
                offset = downloadOffset(job);
            }
            first.signal("KILL"); // the operator's connection is gone mid-transfer
        }
        offset = downloadOffset(job);
        assertTrue("part of the package arrived: " + offset, offset > 0 && offset < Files.size(big));
        assertEquals("an incomplete download installs nothing", before, RemoteUpdateSupport.state(broker, GATEWAY));

        cmd.add(cmd.size() - 1, "--json");
        EndToEnd.Run again = EndToEnd.cli(180, cmd.subList(1, cmd.size()).toArray(String[]::new));
        if (again.code() != 0) { // a download left behind blocks every later deployment of this suite
            EndToEnd.hes(broker, 60, "request", "-g", GATEWAY, "DEPLOY-V2", "DEL", "download", "dp.job.id=" + job);
        }
        assertEquals(again.text(), 0, again.code());
        assertEquals("COMPLETED", again.lastJson().path("job.status").asText());
        assertTrue("the second run continued from the gateway's offset, it did not start over",
                again.lines().stream().filter(l -> l.contains("\"dp.download.offset\"")).findFirst()
                        .map(l -> !l.contains("\"dp.download.offset\":0,")).orElse(true));
        EndToEnd.Run removed = EndToEnd.hes(broker, 120, "uninstall", "-g", GATEWAY, "org.metergate.itest:big");
        assertEquals(removed.text(), 0, removed.code());
        assertEquals(before, RemoteUpdateSupport.state(broker, GATEWAY));
    }

    static long downloadOffset(String job) throws Exception {
        // while the deployment's own hes-op client uploads
        EndToEnd.Run r = EndToEnd.hesAs(EndToEnd.OPERATOR + "-watch", broker, 60, "request", "-g", GATEWAY, "DEPLOY-V2", "GET", "download",
                "dp.job.id=" + job);
        if (r.code() != 0) {
            return 0;
        }
        return EndToEnd.JSON.readTree(r.text().replaceFirst("^[^{]*", "")).path("metrics").path("dp.download.offset").asLong();
    }

    @Test
    public void e_noReadingWasLostWhileAllThatHappened() throws Exception {
        int before = readings.total();
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (readings.total() < before + METERS && System.nanoTime() < until) {
            Thread.sleep(200);
        }
        assertTrue("readings still flow", readings.total() >= before + METERS);
        readings.assertNoneLost(TRAFFIC, List.of(0, 1, 2, 3), false);
    }

    @Test
    public void f_aDeploymentCutByKill9IsUndoneAtTheNextStart() throws Exception {
        TestBundles.lonely(s.repo);
        Path lonely = s.feature("crash", "1.0.0", 1, List.of(TestBundles.GROUP + ":" + TestBundles.LONELY + ":1.0.0"),
                "\"org.metergate.itest.crash\": {\"a\": 1}", Target.gateways(GATEWAY), s.operator, false);
        String before = RemoteUpdateSupport.state(broker, GATEWAY);
        List<String> cmd = List.of(EndToEnd.bin().toString(), "hes", "deploy", "-g", GATEWAY, "--job", "crash-1", "--json", "--wait", "20",
                "--broker", broker.uri(), "--client-id", EndToEnd.OPERATOR, lonely.toString());
        try (EndToEnd.Proc deploy = new EndToEnd.Proc(cmd)) {
            // the lonely component keeps the transaction in its health check for seconds: the gateway dies there
            deploy.await("the health check phase", 60, l -> l.stream().anyMatch(x -> x.contains("\"job.status\":\"HEALTH_CHECK\"")));
            gateway.signal("KILL");
            gateway.process.waitFor(10, TimeUnit.SECONDS);
        }
        startGateway();
        String journal = Files.readString(data.resolve("provisioning/journal.log"));
        assertTrue(journal, journal.contains("\"step\":\"RECOVERED\""));
        assertEquals("the interrupted deployment left nothing behind", before, RemoteUpdateSupport.state(broker, GATEWAY));
        EndToEnd.Run job = EndToEnd.hes(broker, 60, "request", "-g", GATEWAY, "DEPLOY-V2", "GET", "jobs/crash-1");
        assertTrue(job.text(), job.text().contains("\"job.status\":\"ROLLED_BACK\"") && job.text().contains("INTERRUPTED"));
        int after = readings.total();
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (readings.total() < after + METERS && System.nanoTime() < until) {
            Thread.sleep(200);
        }
        readings.assertNoneLost(TRAFFIC, List.of(0, 1, 2, 3), true);
    }
}
