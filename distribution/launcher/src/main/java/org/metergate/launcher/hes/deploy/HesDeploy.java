package org.metergate.launcher.hes.deploy;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.metergate.headend.mqtt.protocol.KuraPayload;
import org.metergate.headend.mqtt.protocol.Metrics;
import org.metergate.pkg.Digests;
import org.metergate.pkg.PackageException;
import org.metergate.pkg.PackageFile;
import org.metergate.pkg.PackageManifest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code metergate hes deploy}: sends a signed package to a gateway's DEPLOY-V2 application in chunks
 * over MQTT (or tells it to fetch an HTTPS URL), resuming after a lost connection from the offset the
 * gateway reports, and follows the installation to its end with a progress bar.
 */
@Command(name = "deploy", mixinStandardHelpOptions = true,
        description = {"Deploy a signed update package (metergate package build) to a gateway: sent in chunks over MQTT, or",
            "fetched by the gateway from --uri; verified, installed, health-checked and committed or rolled back there.",
            "The job id defaults to one made from the package's SHA-256, so running the same deploy again is harmless:",
            "it resumes an interrupted transfer or reports how the deployment ended.",
            "Exit status: 0 COMPLETED; 1 FAILED, ROLLED_BACK, refused or no answer; 2 usage error."})
public final class HesDeploy implements Callable<Integer> {

    @Mixin
    DeployConnection conn;

    @Spec
    CommandSpec spec;

    @Option(names = {"-g", "--gateway"}, required = true, description = "Gateway client id")
    String gateway;

    @Parameters(paramLabel = "PACKAGE", description = "The package file (.mgp)")
    Path pkg;

    @Option(names = "--job", paramLabel = "ID", description = "Job id (default: deploy-<first 16 hex digits of the package's SHA-256>)")
    String job;

    @Option(names = "--uri", paramLabel = "URL", description = "Let the gateway download the package from this https:// URL instead")
    String uri;

    @Option(names = "--chunk", paramLabel = "BYTES", description = "Chunk size (default: what the gateway suggests)")
    Integer chunk;

    @Option(names = "--no-install", description = "Only transfer; install later with hes request ... EXEC install")
    boolean noInstall;

    @Option(names = "--wait", paramLabel = "SECONDS", defaultValue = "600",
            description = "How long to follow the deployment (default: ${DEFAULT-VALUE}; a firmware restarts the gateway)")
    long waitSeconds;

    @Option(names = "--retries", paramLabel = "N", defaultValue = "20", description = "Reconnections before giving up (default: ${DEFAULT-VALUE})")
    int retries;

    @Option(names = "--json", description = "One JSON object per line: the job's metrics as they change")
    boolean json;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        PackageManifest manifest;
        try (PackageFile f = PackageFile.open(pkg)) {
            manifest = f.manifest();
        } catch (PackageException e) {
            err.println("hes deploy: " + e.getMessage());
            return 1;
        }
        byte[] data = Files.readAllBytes(pkg);
        String sha = Digests.sha256Hex(data);
        String jobId = job != null ? job : "deploy-" + sha.substring(0, 16);
        ProgressBar bar = new ProgressBar(err, System.console() != null && !json);
        if (!json) {
            out.println("deploying " + manifest.label() + " to " + gateway + " (job " + jobId + ", " + ProgressBar.bytes(data.length) + ")");
            out.flush();
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put(Metrics.JOB_ID, jobId);
        m.put("dp.name", manifest.id());
        m.put("dp.version", manifest.version());
        m.put("dp.download.size", (long) data.length);
        m.put("dp.download.hash", "SHA-256:" + sha);
        m.put("dp.install", !noInstall);
        if (uri != null) {
            m.put("dp.uri", uri);
            m.put("dp.download.protocol", uri.toLowerCase(java.util.Locale.ROOT).startsWith("https:") ? "HTTPS" : "HTTP");
        } else {
            m.put("dp.download.protocol", "MQTT");
        }
        DeploySession s = conn.open(gateway);
        try {
            KuraPayload r = s.request("EXEC", List.of("download"), m, null);
            int code = DeploySession.code(r);
            if (code != 200) {
                bar.done();
                err.println("hes deploy: gateway " + gateway + (r == null ? " did not answer within " + conn.timeoutSeconds() + " s"
                        : " answered " + code + ": " + r.string(Metrics.RESPONSE_MESSAGE)));
                return 1;
            }
            int size = chunk != null ? chunk : JobFollower.number(r.metrics().getOrDefault("dp.download.block.size", 65536));
            if (uri == null && "DOWNLOADING".equals(r.string("job.status"))) {
                s = upload(s, jobId, data, Math.max(1024, size), bar);
                if (s == null) {
                    bar.done();
                    err.println("hes deploy: the transfer to " + gateway + " did not complete after " + retries + " reconnections");
                    return 1;
                }
            }
            DeploySession current = s;
            JobFollower.Outcome o = JobFollower.follow(current, () -> conn.open(gateway), jobId, waitSeconds, bar, json ? out : null);
            bar.done();
            if (!json) {
                out.println(o.status() + ": " + o.metrics().getOrDefault("message", "") + (o.metrics().containsKey("job.reason")
                        ? " (" + o.metrics().get("job.reason") + ")" : ""));
            }
            out.flush();
            return o.completed() ? 0 : 1;
        } finally {
            if (s != null) {
                s.close();
            }
        }
    }

    /** Sends the bytes from the offset the gateway has; reconnects and asks again when the connection breaks. */
    static final int MIN_CHUNK = 1024;

    private DeploySession upload(DeploySession s, String jobId, byte[] data, int chunkSize, ProgressBar bar) throws Exception {
        int size = chunkSize;
        long offset = -1;
        int attempts = 0;
        while (true) {
            if (s == null || !s.connected() || offset < 0) {
                if (s != null && !s.connected()) {
                    s.close();
                    s = null;
                }
                if (attempts++ > retries) {
                    return null;
                }
                try {
                    if (s == null) {
                        s = conn.open(gateway);
                    }
                    KuraPayload st = s.request("GET", List.of("download"), Map.of("dp.job.id", jobId), null);
                    if (DeploySession.code(st) != 200) {
                        Thread.sleep(1000);
                        continue;
                    }
                    if (!"DOWNLOADING".equals(st.string("job.status"))) {
                        return s; // all there already: follow the installation
                    }
                    offset = st.longValue("dp.download.offset");
                } catch (Exception e) {
                    if (s != null) {
                        s.close();
                    }
                    s = null;
                    Thread.sleep(1000);
                    continue;
                }
            }
            if (offset >= data.length) {
                return s;
            }
            int len = (int) Math.min(size, data.length - offset);
            byte[] part = Arrays.copyOfRange(data, (int) offset, (int) offset + len);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("dp.job.id", jobId); // not job.id: the link answers a job id it has seen without executing it
            m.put("dp.download.offset", offset);
            m.put("dp.download.chunk.hash", "SHA-256:" + Digests.sha256Hex(part));
            KuraPayload r;
            try {
                r = s.request("PUT", List.of("download"), m, part);
            } catch (Exception e) {
                r = null;
            }
            if (r == null && !s.connected() && size > MIN_CHUNK) {
                // brokers limit message sizes (moquette: 8 kB by default) and drop the connection of a sender
                // above it: halve the chunks until they pass
                size = Math.max(MIN_CHUNK, size / 2);
            }
            int code = DeploySession.code(r);
            if (code == 200 || code == 409) {
                Long next = r.longValue("dp.download.offset");
                offset = next == null ? -1 : next;
                if (code == 200 && !"DOWNLOADING".equals(r.string("job.status"))) {
                    return s;
                }
                bar.show("DOWNLOADING", (int) (Math.max(0, offset) * 100 / data.length),
                        ProgressBar.bytes(Math.max(0, offset)) + " of " + ProgressBar.bytes(data.length));
            } else if (code >= 400) {
                throw new IllegalStateException("the gateway refused chunk at " + offset + ": " + code + " " + r.string(Metrics.RESPONSE_MESSAGE));
            } else {
                offset = -1; // no answer: ask the gateway where it is
            }
        }
    }
}
