package org.metergate.provisioning.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.metergate.api.headend.HeadEndRequest;
import org.metergate.api.headend.HeadEndResponse;
import org.metergate.api.headend.RequestMethod;
import org.metergate.pkg.Digests;
import org.metergate.provisioning.DeployedUnit;
import org.metergate.provisioning.DeploymentResult;
import org.metergate.provisioning.Phase;
import org.metergate.provisioning.ProgressListener;
import org.metergate.provisioning.Provisioning;

/**
 * DEPLOY-V2 over an in-memory head-end link: requests in, replies and notifications out. Provisioning
 * is a stand-in that walks through the phases and gives the result the test chose.
 */
class DeployerTest {

    @TempDir
    Path tmp;

    final List<Map<String, Object>> notes = Collections.synchronizedList(new ArrayList<>());
    volatile boolean linkUp = true;
    final FakeProvisioning provisioning = new FakeProvisioning();
    Deployer deployer;

    static final class FakeProvisioning implements Provisioning {
        final List<Path> installed = Collections.synchronizedList(new ArrayList<>());
        final List<String> removed = Collections.synchronizedList(new ArrayList<>());
        volatile DeploymentResult result = new DeploymentResult(Phase.COMPLETED, "org.example:radio", "1.0.0", "OK", "done");

        @Override
        public DeploymentResult install(Path packageFile, ProgressListener listener) {
            installed.add(packageFile);
            listener.progress(Phase.VERIFYING, 10, "verifying");
            listener.progress(Phase.INSTALLING, 30, "installing");
            listener.progress(Phase.HEALTH_CHECK, 70, "health");
            return result;
        }

        @Override
        public DeploymentResult uninstall(String unitId, ProgressListener listener) {
            removed.add(unitId);
            listener.progress(Phase.INSTALLING, 30, "removing");
            return new DeploymentResult(Phase.COMPLETED, unitId, "1.0.0", "OK", "removed");
        }

        @Override
        public DeploymentResult rollback(String unitId, ProgressListener listener) {
            return new DeploymentResult(Phase.COMPLETED, unitId, "0.9.0", "OK", "back");
        }

        @Override
        public List<DeployedUnit> units() {
            return List.of(new DeployedUnit("org.example:radio", "feature", "1.0.0", 3, "a".repeat(64), "b".repeat(64),
                    Instant.parse("2026-03-01T10:00:00Z"), List.of("org.example.radio 1.0.0"), List.of("org.example.radio~main"),
                    Optional.of("0.9.0")));
        }

        @Override
        public Optional<DeployedUnit> unit(String id) {
            return units().stream().filter(u -> u.id().equals(id)).findFirst();
        }

        @Override
        public Map<String, String> firmware() {
            return Map.of("running", "factory", "good", "factory");
        }
    }

    static final class FakeBundles implements BundleControl {
        final List<String> actions = new ArrayList<>();

        @Override
        public List<BundleInfo> bundles() {
            return List.of(new BundleInfo(0, "org.apache.felix.framework", "7.0.5", "ACTIVE", false),
                    new BundleInfo(12, "org.example.radio", "1.0.0", "ACTIVE", true));
        }

        @Override
        public void start(long id) {
            if (id > 20) {
                throw new IllegalArgumentException("no bundle " + id);
            }
            actions.add("start " + id);
        }

        @Override
        public void stop(long id) {
            if (id == 0) {
                throw new SecurityException("bundle 0 runs the gateway");
            }
            actions.add("stop " + id);
        }
    }

    final FakeBundles bundles = new FakeBundles();

    @BeforeEach
    void start() throws Exception {
        deployer = newDeployer();
    }

    Deployer newDeployer() throws Exception {
        HttpsDownloader https = new HttpsDownloader(null, Duration.ofSeconds(5), 2, false, 1 << 20);
        return new Deployer(new Deployer.Options(tmp.resolve("deploy"), tmp.resolve("data"), 8 << 20, 1000, https), provisioning,
                bundles, (resource, metrics) -> {
                    if (!linkUp) {
                        return false;
                    }
                    Map<String, Object> n = new HashMap<>(metrics);
                    n.put("resource", resource);
                    notes.add(n);
                    return true;
                }, () -> "factory");
    }

    @AfterEach
    void stop() {
        deployer.close();
    }

    static HeadEndRequest request(RequestMethod method, String resource, Map<String, Object> metrics, byte[] body) {
        return new HeadEndRequest(method, List.of(resource.split("/")), "r-" + System.nanoTime(), "hes-cli", metrics, body);
    }

    HeadEndResponse exec(String resource, Map<String, Object> metrics) {
        return deployer.handle(request(RequestMethod.EXEC, resource, metrics, null));
    }

    HeadEndResponse put(String job, long offset, byte[] chunk) {
        return deployer.handle(request(RequestMethod.PUT, "download", Map.of("job.id", job, "dp.download.offset", offset), chunk));
    }

    static byte[] payload(int size) {
        byte[] b = new byte[size];
        new Random(size).nextBytes(b);
        return b;
    }

    static Map<String, Object> download(String job, byte[] data) {
        return Map.of("job.id", job, "dp.name", "org.example:radio", "dp.version", "1.0.0",
                "dp.download.size", (long) data.length, "dp.download.hash", "SHA-256:" + Digests.sha256Hex(data));
    }

    List<String> statuses(String job) {
        List<String> s = new ArrayList<>();
        synchronized (notes) {
            for (Map<String, Object> n : notes) {
                if (job.equals(n.get("job.id")) && (s.isEmpty() || !s.get(s.size() - 1).equals(n.get("job.status")))) {
                    s.add((String) n.get("job.status"));
                }
            }
        }
        return s;
    }

    @Test
    void aPackageSentInChunksIsHashCheckedInstalledAndEveryPhaseNotified() {
        byte[] data = payload(5500);
        HeadEndResponse r = exec("download", download("42", data));
        assertThat(r.code()).isEqualTo(200);
        assertThat(r.metrics()).containsEntry("dp.download.offset", 0L).containsEntry("dp.download.block.size", 1000)
                .containsEntry("job.status", "DOWNLOADING");
        for (int off = 0; off < data.length; off += 1000) {
            HeadEndResponse c = put("42", off, Arrays.copyOfRange(data, off, Math.min(data.length, off + 1000)));
            assertThat(c.code()).isEqualTo(200);
            assertThat(c.metrics().get("dp.download.offset")).isEqualTo((long) Math.min(data.length, off + 1000));
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> statuses("42").contains("COMPLETED"));
        assertThat(statuses("42")).containsExactly("DOWNLOADING", "VERIFYING", "INSTALLING", "HEALTH_CHECK", "COMPLETED");
        assertThat(provisioning.installed).hasSize(1);
        assertThat(provisioning.installed.get(0)).hasBinaryContent(data);
        Map<String, Object> last = notes.get(notes.size() - 1);
        assertThat(last).containsEntry("resource", "install").containsEntry("dp.install.status", "COMPLETED")
                .containsEntry("requester.client.id", "hes-cli");
        assertThat(notes.stream().filter(n -> n.get("resource").equals("download")).map(n -> n.get("dp.download.progress")))
                .contains(100);
    }

    @Test
    void aRepeatedRequestWithTheSameJobIdIsHarmless() {
        byte[] data = payload(2000);
        exec("download", download("7", data));
        put("7", 0, Arrays.copyOf(data, 1000));
        HeadEndResponse again = exec("download", download("7", data));
        assertThat(again.code()).isEqualTo(200);
        assertThat(again.metrics()).as("not restarted: the offset to resume from").containsEntry("dp.download.offset", 1000L);
        assertThat(put("7", 0, Arrays.copyOf(data, 1000)).metrics()).as("a repeated chunk").containsEntry("dp.download.offset", 1000L);
        put("7", 1000, Arrays.copyOfRange(data, 1000, 2000));
        await().atMost(Duration.ofSeconds(5)).until(() -> statuses("7").contains("COMPLETED"));
        assertThat(exec("download", download("7", data)).metrics()).containsEntry("job.status", "COMPLETED");
        assertThat(put("7", 1000, Arrays.copyOfRange(data, 1000, 2000)).code()).isEqualTo(200);
        assertThat(provisioning.installed).as("installed once").hasSize(1);
        assertThat(exec("download", Map.of("job.id", "7", "dp.uri", "https://example.org/x.mgp")).code())
                .as("the id of another request").isEqualTo(409);
    }

    @Test
    void aGapIsRefusedWithTheOffsetToSendFrom() {
        byte[] data = payload(3000);
        exec("download", download("9", data));
        put("9", 0, Arrays.copyOf(data, 1000));
        HeadEndResponse gap = put("9", 2000, Arrays.copyOfRange(data, 2000, 3000));
        assertThat(gap.code()).isEqualTo(409);
        assertThat(gap.metrics()).containsEntry("dp.download.offset", 1000L);
        HeadEndResponse tooLong = put("9", 1000, new byte[2500]);
        assertThat(tooLong.code()).isEqualTo(400);
        HeadEndResponse badChunk = deployer.handle(request(RequestMethod.PUT, "download", Map.of("job.id", "9", "dp.download.offset", 1000L,
                "dp.download.chunk.hash", "SHA-256:" + "0".repeat(64)), Arrays.copyOfRange(data, 1000, 2000)));
        assertThat(badChunk.code()).isEqualTo(400);
    }

    @Test
    void aDownloadResumesAfterTheGatewayRestarts() throws Exception {
        byte[] data = payload(2_500_000); // more than one sync interval
        exec("download", download("11", data));
        for (int off = 0; off < 1_500_000; off += 100_000) {
            put("11", off, Arrays.copyOfRange(data, off, off + 100_000));
        }
        deployer.close();
        deployer = newDeployer(); // a restart: only what was synced counts

        HeadEndResponse status = deployer.handle(request(RequestMethod.GET, "download", Map.of("job.id", "11"), null));
        long offset = (Long) status.metrics().get("dp.download.offset");
        assertThat(offset).as("the last synced chunk boundary").isBetween(Deployer.SYNC_EVERY, 1_499_999L);
        assertThat(status.metrics()).containsEntry("dp.download.status", "IN_PROGRESS");
        for (long off = offset; off < data.length; off += 100_000) {
            assertThat(put("11", off, Arrays.copyOfRange(data, (int) off, (int) Math.min(data.length, off + 100_000))).code()).isEqualTo(200);
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> statuses("11").contains("COMPLETED"));
        assertThat(provisioning.installed.get(0)).hasBinaryContent(data);
    }

    @Test
    void aDownloadWhoseBytesDoNotMatchTheHashFailsAndIsNotInstalled() {
        byte[] data = payload(1500);
        Map<String, Object> m = new HashMap<>(download("13", data));
        data[700] ^= 1; // corrupted on the way
        exec("download", m);
        put("13", 0, Arrays.copyOf(data, 1000));
        HeadEndResponse last = put("13", 1000, Arrays.copyOfRange(data, 1000, 1500));
        assertThat(last.metrics()).containsEntry("job.status", "FAILED").containsEntry("job.reason", "DOWNLOAD_HASH")
                .containsEntry("dp.download.status", "FAILED");
        assertThat(statuses("13")).containsExactly("DOWNLOADING", "FAILED");
        assertThat(provisioning.installed).isEmpty();
        assertThat(exec("install", Map.of("job.id", "14", "dp.download.job.id", "13")).code()).isEqualTo(404);
    }

    @Test
    void aRollbackByProvisioningIsReportedAsRolledBack() {
        provisioning.result = new DeploymentResult(Phase.ROLLED_BACK, "org.example:bad", "1.0.0", "UNHEALTHY", "component x unsatisfied");
        byte[] data = payload(100);
        exec("download", download("15", data));
        put("15", 0, data);
        await().atMost(Duration.ofSeconds(5)).until(() -> statuses("15").contains("ROLLED_BACK"));
        Map<String, Object> last = notes.get(notes.size() - 1);
        assertThat(last).containsEntry("job.reason", "UNHEALTHY").containsEntry("dp.install.status", "FAILED")
                .containsEntry("dp.install.error.message", "component x unsatisfied");
    }

    @Test
    void aDownloadCanBeInstalledLaterAndCancelled() {
        byte[] data = payload(100);
        Map<String, Object> m = new HashMap<>(download("20", data));
        m.put("dp.install", false);
        exec("download", m);
        put("20", 0, data);
        assertThat(statuses("20")).containsExactly("DOWNLOADING", "COMPLETED");
        assertThat(provisioning.installed).isEmpty();
        HeadEndResponse install = exec("install", Map.of("job.id", "21", "dp.name", "org.example:radio", "dp.version", "1.0.0"));
        assertThat(install.code()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(5)).until(() -> statuses("21").contains("COMPLETED"));
        assertThat(exec("install", Map.of("job.id", "21", "dp.download.job.id", "20")).metrics()).containsEntry("job.status", "COMPLETED");
        assertThat(provisioning.installed).hasSize(1);

        exec("download", download("22", payload(500)));
        HeadEndResponse cancel = deployer.handle(request(RequestMethod.DEL, "download", Map.of(), null));
        assertThat(cancel.metrics()).containsEntry("dp.download.status", "CANCELLED");
        assertThat(put("22", 0, new byte[10]).metrics()).containsEntry("job.status", "FAILED");
    }

    @Test
    void uninstallPackagesBundlesAndStartStop() throws Exception {
        assertThat(exec("uninstall", Map.of("job.id", "30", "dp.name", "org.example:radio")).code()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(5)).until(() -> statuses("30").contains("COMPLETED"));
        assertThat(provisioning.removed).containsExactly("org.example:radio");
        assertThat(exec("uninstall", Map.of("job.id", "30", "dp.name", "org.example:radio")).metrics()).containsEntry("job.status", "COMPLETED");
        assertThat(provisioning.removed).hasSize(1);

        HeadEndResponse packages = deployer.handle(request(RequestMethod.GET, "packages", Map.of(), null));
        assertThat(new String(packages.body())).contains("\"name\":\"org.example:radio\"", "\"previousVersion\":\"0.9.0\"", "\"firmware\"");
        HeadEndResponse list = deployer.handle(request(RequestMethod.GET, "bundles", Map.of(), null));
        assertThat(new String(list.body())).contains("\"name\":\"org.example.radio\"", "\"provisioned\":true");
        assertThat(exec("stop/12", Map.of()).code()).isEqualTo(200);
        assertThat(exec("start/12", Map.of()).code()).isEqualTo(200);
        assertThat(bundles.actions).containsExactly("stop 12", "start 12");
        assertThat(exec("stop/0", Map.of()).code()).isEqualTo(403);
        assertThat(exec("start/99", Map.of()).code()).isEqualTo(404);
        assertThat(exec("start/x", Map.of()).code()).isEqualTo(400);
    }

    @Test
    void badRequestsGetTheirCode() {
        assertThat(exec("download", Map.of("dp.name", "x")).code()).as("no job.id").isEqualTo(400);
        assertThat(exec("download", Map.of("job.id", "a b")).code()).isEqualTo(400);
        assertThat(exec("download", Map.of("job.id", "1", "dp.download.size", 10L)).code()).as("no hash").isEqualTo(400);
        assertThat(exec("download", Map.of("job.id", "1", "dp.download.size", 10L, "dp.download.hash", "MD5:00")).code()).isEqualTo(400);
        assertThat(exec("download", Map.of("job.id", "1", "dp.uri", "ftp://x/y")).code()).isEqualTo(400);
        assertThat(exec("download", Map.of("job.id", "1", "dp.uri", "http://x/y")).code()).as("plain http is off").isEqualTo(400);
        assertThat(exec("download", Map.of("job.id", "1", "dp.download.size", 1L << 40, "dp.download.hash", "0".repeat(64))).code())
                .isEqualTo(413);
        assertThat(exec("nothing", Map.of()).code()).isEqualTo(404);
        assertThat(deployer.handle(request(RequestMethod.GET, "download", Map.of(), null)).code()).isEqualTo(404);
    }

    @Test
    void aPackageFetchedOverHttpsResumesAfterABrokenConnectionAndIsInstalled() throws Exception {
        byte[] data = payload(600_000);
        AtomicInteger served = new AtomicInteger();
        List<String> ranges = Collections.synchronizedList(new ArrayList<>());
        TestHttpsServer server = TestHttpsServer.start(tmp, data, () -> served.incrementAndGet() == 1, ranges);
        try {
            deployer.close();
            HttpsDownloader https = new HttpsDownloader(server.trust(), Duration.ofSeconds(10), 3, false, 8 << 20);
            deployer = new Deployer(new Deployer.Options(tmp.resolve("deploy"), tmp.resolve("data"), 8 << 20, 1000, https), provisioning,
                    bundles, (resource, metrics) -> {
                        Map<String, Object> n = new HashMap<>(metrics);
                        n.put("resource", resource);
                        notes.add(n);
                        return true;
                    }, () -> "factory");
            HeadEndResponse r = exec("download", Map.of("job.id", "60", "dp.uri", server.uri("/pkg.mgp"),
                    "dp.download.hash", "SHA-256:" + Digests.sha256Hex(data), "dp.name", "org.example:radio"));
            assertThat(r.code()).isEqualTo(200);
            assertThat(r.metrics()).containsEntry("dp.download.protocol", "HTTPS");
            await().atMost(Duration.ofSeconds(20)).until(() -> statuses("60").contains("COMPLETED"));
            assertThat(statuses("60")).containsExactly("DOWNLOADING", "VERIFYING", "INSTALLING", "HEALTH_CHECK", "COMPLETED");
            assertThat(provisioning.installed.get(0)).hasBinaryContent(data);
            assertThat(ranges).hasSize(2);
            assertThat(ranges.get(1)).as("resumed where the broken response stopped").startsWith("bytes=").isNotEqualTo("bytes=0-");
        } finally {
            server.server().stop(0);
        }
    }

    @Test
    void aResultThatCouldNotBeNotifiedIsSentWhenTheLinkIsBack() {
        linkUp = false;
        byte[] data = payload(100);
        exec("download", download("40", data));
        put("40", 0, data);
        await().atMost(Duration.ofSeconds(5)).until(() -> provisioning.installed.size() == 1);
        assertThat(notes).isEmpty();
        linkUp = true;
        await().atMost(Duration.ofSeconds(10)).until(() -> statuses("40").contains("COMPLETED"));
    }

    @Test
    void anInstallInterruptedByARestartIsReportedRolledBack() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        deployer.close();
        // a job that was installing when the gateway went down
        JobStore store = new JobStore(tmp.resolve("deploy"));
        Job j = new Job("50", Job.Kind.INSTALL, "hes", Instant.now());
        j.status = Phase.INSTALLING;
        store.put(j);
        deployer = newDeployer();
        HeadEndResponse r = deployer.handle(request(RequestMethod.GET, "jobs/50", Map.of(), null));
        assertThat(r.metrics()).containsEntry("job.status", "ROLLED_BACK").containsEntry("job.reason", "INTERRUPTED");
        assertThat(calls.get()).isZero();
    }
}
