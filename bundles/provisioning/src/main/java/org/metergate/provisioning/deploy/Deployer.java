package org.metergate.provisioning.deploy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BiPredicate;
import java.util.function.Supplier;
import org.metergate.api.headend.HeadEndRequest;
import org.metergate.api.headend.HeadEndResponse;
import org.metergate.api.headend.RequestMethod;
import org.metergate.pkg.Digests;
import org.metergate.pkg.firmware.BootState;
import org.metergate.pkg.firmware.BootStateFile;
import org.metergate.provisioning.DeployedUnit;
import org.metergate.provisioning.DeploymentResult;
import org.metergate.provisioning.Phase;
import org.metergate.provisioning.ProgressListener;
import org.metergate.provisioning.Provisioning;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The DEPLOY-V2 application's logic (resources and metrics: {@link DeployApplication}), plain Java:
 * jobs, downloads over MQTT chunks or HTTPS, installs through {@link Provisioning}, notifications.
 */
final class Deployer implements AutoCloseable {

    static final String APP = "DEPLOY-V2";
    private static final Logger LOG = LoggerFactory.getLogger(Deployer.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Bytes written between two fsyncs of a download arriving in chunks. */
    static final long SYNC_EVERY = 1 << 20;

    /** Settings of the application. */
    record Options(Path stateDir, Path dataDir, long maxBytes, int chunkSize, HttpsDownloader https) {
    }

    private final Options options;
    private final Provisioning provisioning;
    private final BundleControl bundles;
    private final Supplier<String> runningSlot;
    private final JobStore jobs;
    private final Notifier notifier;
    private final ExecutorService installs;
    private final ExecutorService downloads;
    private final ScheduledExecutorService watcher;
    private final Map<String, Long> unsynced = new java.util.concurrent.ConcurrentHashMap<>();
    private final Clock clock = Clock.systemUTC();

    /**
     * @param notify publishes a notification (resource, metrics); false when it could not be sent
     * @param runningSlot the firmware slot this gateway runs from
     */
    Deployer(Options options, Provisioning provisioning, BundleControl bundles, BiPredicate<String, Map<String, Object>> notify,
             Supplier<String> runningSlot) throws IOException {
        this.options = options;
        this.provisioning = provisioning;
        this.bundles = bundles;
        this.runningSlot = runningSlot;
        this.jobs = new JobStore(options.stateDir());
        this.notifier = new Notifier(notify);
        this.installs = Executors.newSingleThreadExecutor(r -> daemon(r, "metergate-deploy-install"));
        this.downloads = Executors.newFixedThreadPool(2, r -> daemon(r, "metergate-deploy-download"));
        this.watcher = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "metergate-deploy-watch"));
        recover();
        watcher.scheduleWithFixedDelay(this::watch, 1, 2, TimeUnit.SECONDS);
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    // ------------------------------------------------------------------ routing

    HeadEndResponse handle(HeadEndRequest request) {
        List<String> r = request.resource();
        String first = r.isEmpty() ? "" : r.get(0);
        RequestMethod m = request.method();
        try {
            return switch (first) {
                case "download" -> switch (m) {
                    case EXEC -> startDownload(request);
                    case PUT -> chunk(request);
                    case GET -> downloadStatus(request);
                    case DEL -> cancel(request);
                    default -> notFound(request);
                };
                case "install" -> m == RequestMethod.EXEC ? install(request)
                        : m == RequestMethod.GET ? latest(Job.Kind.INSTALL) : notFound(request);
                case "uninstall" -> m == RequestMethod.EXEC ? unitJob(request, Job.Kind.UNINSTALL) : notFound(request);
                case "rollback" -> m == RequestMethod.EXEC ? unitJob(request, Job.Kind.ROLLBACK) : notFound(request);
                case "packages" -> m == RequestMethod.GET ? packages() : notFound(request);
                case "bundles" -> m == RequestMethod.GET ? bundleList() : notFound(request);
                case "start", "stop" -> m == RequestMethod.EXEC ? bundle(first, r) : notFound(request);
                case "jobs" -> m == RequestMethod.GET ? jobList(r) : notFound(request);
                default -> notFound(request);
            };
        } catch (BadRequest e) {
            return HeadEndResponse.error(e.code, e.getMessage());
        } catch (IOException e) {
            LOG.error("DEPLOY {} {}: {}", m, r, e.toString());
            return HeadEndResponse.error(500, e.getMessage());
        }
    }

    private static HeadEndResponse notFound(HeadEndRequest r) {
        return HeadEndResponse.error(404, "DEPLOY-V2 has no " + r.method() + " " + String.join("/", r.resource()));
    }

    /** A request that cannot be served as asked, with its response code. */
    static final class BadRequest extends Exception {
        private static final long serialVersionUID = 1L;
        final int code;

        BadRequest(int code, String message) {
            super(message);
            this.code = code;
        }
    }

    // ------------------------------------------------------------------ metrics

    static Optional<String> text(Map<String, Object> m, String... keys) {
        for (String k : keys) {
            Object v = m.get(k);
            if (v != null && !v.toString().isBlank()) {
                return Optional.of(v.toString().trim());
            }
        }
        return Optional.empty();
    }

    static Optional<Long> number(Map<String, Object> m, String key) throws BadRequest {
        Object v = m.get(key);
        if (v == null) {
            return Optional.empty();
        }
        if (v instanceof Number n && n.doubleValue() == n.longValue()) {
            return Optional.of(n.longValue());
        }
        try {
            return Optional.of(Long.parseLong(v.toString().trim()));
        } catch (NumberFormatException e) {
            throw new BadRequest(400, key + " must be a whole number, got " + v);
        }
    }

    static boolean flag(Map<String, Object> m, String key, boolean fallback) throws BadRequest {
        Object v = m.get(key);
        if (v == null) {
            return fallback;
        }
        if (v instanceof Boolean b) {
            return b;
        }
        String s = v.toString().trim().toLowerCase(Locale.ROOT);
        if (s.equals("true") || s.equals("false")) {
            return Boolean.parseBoolean(s);
        }
        throw new BadRequest(400, key + " must be true or false, got " + v);
    }

    static String jobId(Map<String, Object> m) throws BadRequest {
        String id = text(m, "job.id", "dp.job.id").orElseThrow(() -> new BadRequest(400, "job.id is required"));
        if (!id.matches("[A-Za-z0-9._-]{1,64}")) {
            throw new BadRequest(400, "job.id must be 1-64 characters of A-Z a-z 0-9 . _ -");
        }
        return id;
    }

    /** {@code SHA-256:hex}, {@code SHA256:hex} or plain hex, as a lower-case hex SHA-256. */
    static Optional<String> sha256(Map<String, Object> m) throws BadRequest {
        Optional<String> h = text(m, "dp.download.hash");
        if (h.isEmpty()) {
            return Optional.empty();
        }
        String v = h.get();
        int colon = v.indexOf(':');
        if (colon >= 0) {
            String alg = v.substring(0, colon).replace("-", "").toUpperCase(Locale.ROOT);
            if (!alg.equals("SHA256")) {
                throw new BadRequest(400, "dp.download.hash must be a SHA-256 (SHA-256:hex), got " + v.substring(0, colon));
            }
            v = v.substring(colon + 1);
        }
        v = v.toLowerCase(Locale.ROOT);
        if (!Digests.isSha256Hex(v)) {
            throw new BadRequest(400, "dp.download.hash must be 64 hex digits");
        }
        return Optional.of(v);
    }

    // ------------------------------------------------------------------ download

    private HeadEndResponse startDownload(HeadEndRequest request) throws BadRequest, IOException {
        Map<String, Object> m = request.metrics();
        String id = jobId(m);
        Optional<String> uri = text(m, "dp.uri");
        Optional<String> hash = sha256(m);
        Optional<Long> size = number(m, "dp.download.size");
        Optional<Job> existing = jobs.get(id);
        if (existing.isPresent()) {
            Job j = existing.get();
            if (j.kind != Job.Kind.DOWNLOAD || !j.uri.equals(uri.orElse("")) || (hash.isPresent() && !hash.get().equals(j.sha256))) {
                throw new BadRequest(409, "job " + id + " exists for another request");
            }
            return downloadReply(j); // the same request again: harmless, and the offset to resume from
        }
        Optional<Job> busy = jobs.all().stream().filter(j -> j.kind == Job.Kind.DOWNLOAD && j.status == Phase.DOWNLOADING).findFirst();
        if (busy.isPresent()) {
            throw new BadRequest(409, "download job " + busy.get().id + " is in progress; cancel it first (DEL/download)");
        }
        Job j = new Job(id, Job.Kind.DOWNLOAD, request.requester(), clock.instant());
        j.name = text(m, "dp.name").orElse("");
        j.version = text(m, "dp.version").orElse("");
        j.install = flag(m, "dp.install", true);
        if (uri.isPresent()) {
            URI u;
            try {
                u = URI.create(uri.get());
            } catch (IllegalArgumentException e) {
                throw new BadRequest(400, "dp.uri is not a URI");
            }
            try {
                options.https().check(u);
            } catch (HttpsDownloader.DownloadException e) {
                throw new BadRequest(400, e.getMessage());
            }
            j.transport = Job.Transport.HTTPS;
            j.uri = uri.get();
        } else {
            String protocol = text(m, "dp.download.protocol").orElse("MQTT").toUpperCase(Locale.ROOT);
            if (!protocol.equals("MQTT")) {
                throw new BadRequest(400, "dp.uri is required for dp.download.protocol " + protocol);
            }
            if (size.isEmpty() || hash.isEmpty()) {
                throw new BadRequest(400, "a download over MQTT needs dp.download.size and dp.download.hash");
            }
        }
        if (size.isPresent() && (size.get() <= 0 || size.get() > options.maxBytes())) {
            throw new BadRequest(413, "dp.download.size must be between 1 and " + options.maxBytes() + " bytes");
        }
        j.size = size.orElse(-1L);
        j.sha256 = hash.orElse("");
        Files.deleteIfExists(jobs.partFile(j));
        Files.createFile(jobs.partFile(j));
        update(j, Phase.DOWNLOADING, 0, "", "download of " + label(j) + " started");
        if (j.transport == Job.Transport.HTTPS) {
            downloads.submit(() -> httpsDownload(j));
        }
        return downloadReply(j);
    }

    private HeadEndResponse downloadReply(Job j) {
        Map<String, Object> out = jobMetrics(j);
        out.put("dp.download.block.size", options.chunkSize());
        return HeadEndResponse.ok(out);
    }

    /** A chunk of a download over MQTT: {@code PUT/download} with job.id, dp.download.offset and the bytes as body. */
    private HeadEndResponse chunk(HeadEndRequest request) throws BadRequest, IOException {
        Map<String, Object> m = request.metrics();
        String id = jobId(m);
        Job j = jobs.get(id).orElseThrow(() -> new BadRequest(404, "no download job " + id));
        long offset = number(m, "dp.download.offset").orElseThrow(() -> new BadRequest(400, "dp.download.offset is required"));
        byte[] data = request.body();
        synchronized (j) {
            if (j.kind != Job.Kind.DOWNLOAD || j.transport != Job.Transport.MQTT) {
                throw new BadRequest(409, "job " + id + " is no download over MQTT");
            }
            if (j.status != Phase.DOWNLOADING) {
                return HeadEndResponse.ok(jobMetrics(j)); // finished: a late or repeated chunk changes nothing
            }
            if (offset > j.received) {
                Map<String, Object> gap = jobMetrics(j);
                gap.put("response.exception.message", "expected offset " + j.received + ", got " + offset);
                return new HeadEndResponse(409, gap, null);
            }
            Optional<String> chunkHash = text(m, "dp.download.chunk.hash");
            if (chunkHash.isPresent() && !chunkHash.get().toLowerCase(Locale.ROOT).replaceFirst("^sha-?256:", "")
                    .equals(Digests.sha256Hex(data))) {
                throw new BadRequest(400, "chunk at " + offset + " does not match its dp.download.chunk.hash");
            }
            int skip = (int) Math.min(data.length, j.received - offset); // a repeated or overlapping chunk
            int len = data.length - skip;
            if (j.received + len > j.size) {
                throw new BadRequest(400, "chunk at " + offset + " goes beyond the announced size " + j.size);
            }
            if (len > 0) {
                try (FileChannel ch = FileChannel.open(jobs.partFile(j), StandardOpenOption.WRITE)) {
                    ByteBuffer b = ByteBuffer.wrap(data, skip, len);
                    long pos = j.received;
                    while (b.hasRemaining()) {
                        pos += ch.write(b, pos);
                    }
                    long since = unsynced.merge(j.id, (long) len, Long::sum);
                    if (since >= SYNC_EVERY || j.received + len == j.size) {
                        ch.force(false);
                        unsynced.remove(j.id);
                        j.received += len;
                        jobs.put(j); // the offset a restart resumes from is durable
                    } else {
                        j.received += len;
                    }
                }
                progress(j);
            }
            if (j.received == j.size) {
                finishDownload(j);
            }
            return HeadEndResponse.ok(jobMetrics(j));
        }
    }

    private void progress(Job j) throws IOException {
        int pct = j.size > 0 ? (int) (j.received * 100 / j.size) : 50;
        j.progress = pct;
        notifier.progress(j, resourceOf(j), jobMetrics(j));
    }

    private void httpsDownload(Job j) {
        try {
            long total = options.https().download(URI.create(j.uri), jobs.partFile(j), j.size, (received, size) -> {
                synchronized (j) {
                    j.received = received;
                    if (size >= 0) {
                        j.size = size;
                    }
                    jobs.put(j);
                    progress(j);
                }
            }, () -> j.status != Phase.DOWNLOADING);
            synchronized (j) {
                j.received = total;
                j.size = total;
                finishDownload(j);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException | RuntimeException e) {
            synchronized (j) {
                if (j.status == Phase.DOWNLOADING) {
                    fail(j, "DOWNLOAD_FAILED", "download of " + label(j) + " failed: " + e.getMessage());
                }
            }
        }
    }

    /** All bytes are there: check the whole file's SHA-256, then install if asked. */
    private void finishDownload(Job j) throws IOException {
        Path part = jobs.partFile(j);
        String got;
        try (InputStream in = Files.newInputStream(part)) {
            got = Digests.measure(in).sha256();
        }
        if (!j.sha256.isEmpty() && !got.equals(j.sha256)) {
            Files.deleteIfExists(part);
            fail(j, "DOWNLOAD_HASH", "download of " + label(j) + " does not have the announced SHA-256: corrupted or truncated");
            return;
        }
        j.sha256 = got;
        Files.move(part, jobs.packageFile(j), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        j.complete = true;
        j.progress = 100;
        if (j.install) {
            update(j, Phase.VERIFYING, 0, "", "downloaded " + j.received + " bytes; installing");
            installs.submit(() -> runInstall(j, jobs.packageFile(j)));
        } else {
            update(j, Phase.COMPLETED, 100, "DOWNLOADED", "downloaded " + j.received + " bytes (not installed: dp.install is false)");
        }
    }

    private HeadEndResponse downloadStatus(HeadEndRequest request) throws BadRequest {
        Optional<String> id = text(request.metrics(), "job.id", "dp.job.id");
        Optional<Job> j = id.isPresent() ? jobs.get(id.get()) : jobs.latestDownload();
        if (j.isEmpty() || j.get().kind != Job.Kind.DOWNLOAD) {
            throw new BadRequest(404, id.map(s -> "no download job " + s).orElse("no download yet"));
        }
        return HeadEndResponse.ok(jobMetrics(j.get()));
    }

    private HeadEndResponse cancel(HeadEndRequest request) throws BadRequest, IOException {
        Optional<String> id = text(request.metrics(), "job.id", "dp.job.id");
        Optional<Job> j = id.isPresent() ? jobs.get(id.get()) : jobs.latestDownload();
        if (j.isEmpty() || j.get().kind != Job.Kind.DOWNLOAD) {
            throw new BadRequest(404, "no download to cancel");
        }
        synchronized (j.get()) {
            if (j.get().status == Phase.DOWNLOADING) {
                Files.deleteIfExists(jobs.partFile(j.get()));
                fail(j.get(), "CANCELLED", "download of " + label(j.get()) + " cancelled");
            }
        }
        return HeadEndResponse.ok(jobMetrics(j.get()));
    }

    // ------------------------------------------------------------------ install, uninstall, rollback

    private HeadEndResponse install(HeadEndRequest request) throws BadRequest, IOException {
        Map<String, Object> m = request.metrics();
        String id = jobId(m);
        Optional<Job> existing = jobs.get(id);
        if (existing.isPresent()) {
            return HeadEndResponse.ok(jobMetrics(existing.get()));
        }
        Optional<String> from = text(m, "dp.download.job.id");
        Optional<String> name = text(m, "dp.name");
        Optional<String> version = text(m, "dp.version");
        Optional<Job> download = from.isPresent() ? jobs.get(from.get())
                : jobs.all().stream().filter(d -> d.kind == Job.Kind.DOWNLOAD && d.complete
                        && name.map(n -> n.equals(d.name)).orElse(false)
                        && version.map(v -> v.equals(d.version)).orElse(true)).reduce((a, b) -> b);
        if (download.isEmpty() || !download.get().complete || !Files.isRegularFile(jobs.packageFile(download.get()))) {
            throw new BadRequest(404, "no complete download " + from.map(f -> "job " + f)
                    .orElse(name.orElse("?") + version.map(v -> "@" + v).orElse("")) + " to install");
        }
        Job j = new Job(id, Job.Kind.INSTALL, request.requester(), clock.instant());
        j.name = download.get().name;
        j.version = download.get().version;
        j.downloadJob = download.get().id;
        update(j, Phase.VERIFYING, 0, "", "installing " + label(j));
        Path file = jobs.packageFile(download.get());
        installs.submit(() -> runInstall(j, file));
        return HeadEndResponse.ok(jobMetrics(j));
    }

    private HeadEndResponse unitJob(HeadEndRequest request, Job.Kind kind) throws BadRequest, IOException {
        Map<String, Object> m = request.metrics();
        String id = jobId(m);
        Optional<Job> existing = jobs.get(id);
        if (existing.isPresent()) {
            return HeadEndResponse.ok(jobMetrics(existing.get()));
        }
        String unit = text(m, "dp.name").orElseThrow(() -> new BadRequest(400, "dp.name (the feature, bundle or firmware id) is required"));
        Job j = new Job(id, kind, request.requester(), clock.instant());
        j.name = unit;
        update(j, Phase.VERIFYING, 0, "", (kind == Job.Kind.UNINSTALL ? "removing " : "rolling back ") + unit);
        installs.submit(() -> {
            ProgressListener l = listener(j);
            DeploymentResult r = kind == Job.Kind.UNINSTALL ? provisioning.uninstall(unit, l) : provisioning.rollback(unit, l);
            finish(j, r);
        });
        return HeadEndResponse.ok(jobMetrics(j));
    }

    private void runInstall(Job j, Path file) {
        try {
            DeploymentResult r = provisioning.install(file, listener(j));
            if (j.name.isEmpty()) {
                j.name = r.unitId();
            }
            if (j.version.isEmpty()) {
                j.version = r.version();
            }
            finish(j, r);
        } catch (RuntimeException e) {
            LOG.error("install of {} failed", label(j), e);
            fail(j, "ERROR", "install of " + label(j) + " failed: " + e);
        }
    }

    private ProgressListener listener(Job j) {
        return (phase, percent, message) -> {
            if (!phase.terminal()) {
                try {
                    update(j, phase, percent, "", message);
                } catch (IOException e) {
                    LOG.warn("job {}: {}", j.id, e.toString());
                }
            }
        };
    }

    private void finish(Job j, DeploymentResult r) {
        try {
            if (r.completed() && r.reason().equals("RESTART_PENDING")) {
                BootState s = new BootStateFile(options.dataDir()).read();
                j.firmwareSlot = s.trial().orElse("");
                update(j, Phase.HEALTH_CHECK, 90, r.reason(), r.message());
            } else {
                update(j, r.phase(), 100, r.reason(), r.message());
            }
        } catch (IOException e) {
            LOG.error("job {}: cannot record its result {}: {}", j.id, r, e.toString());
        }
    }

    // ------------------------------------------------------------------ queries

    private HeadEndResponse latest(Job.Kind kind) throws BadRequest {
        Job j = jobs.all().stream().filter(x -> x.kind == kind).reduce((a, b) -> b)
                .orElseThrow(() -> new BadRequest(404, "no " + kind.name().toLowerCase(Locale.ROOT) + " yet"));
        return HeadEndResponse.ok(jobMetrics(j));
    }

    private HeadEndResponse jobList(List<String> resource) throws BadRequest, IOException {
        if (resource.size() > 1) {
            Job j = jobs.get(resource.get(1)).orElseThrow(() -> new BadRequest(404, "no job " + resource.get(1)));
            return HeadEndResponse.ok(jobMetrics(j));
        }
        ObjectNode root = JSON.createObjectNode();
        ArrayNode list = root.putArray("jobs");
        for (Job j : jobs.all()) {
            ObjectNode n = list.addObject();
            jobMetrics(j).forEach((k, v) -> n.putPOJO(k, v));
        }
        return new HeadEndResponse(200, Map.of("jobs.count", jobs.all().size()), JSON.writeValueAsBytes(root));
    }

    private HeadEndResponse packages() throws IOException {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode list = root.putArray("packages");
        List<DeployedUnit> units = provisioning.units();
        for (DeployedUnit u : units) {
            ObjectNode n = list.addObject();
            n.put("name", u.id());
            n.put("kind", u.kind());
            n.put("version", u.version());
            n.put("sequence", u.sequence());
            n.put("installed", u.installed().toString());
            n.put("manifest.sha256", u.manifestSha256());
            n.put("signer", u.signer());
            ArrayNode b = n.putArray("bundles");
            u.bundles().forEach(b::add);
            ArrayNode c = n.putArray("configurations");
            u.configurations().forEach(c::add);
            n.put("previousVersion", u.previousVersion().orElse(null));
        }
        ObjectNode fw = root.putObject("firmware");
        provisioning.firmware().forEach(fw::put);
        return new HeadEndResponse(200, Map.of("packages.count", units.size()), JSON.writeValueAsBytes(root));
    }

    private HeadEndResponse bundleList() throws IOException {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode list = root.putArray("bundles");
        List<BundleControl.BundleInfo> all = bundles.bundles();
        for (BundleControl.BundleInfo b : all) {
            list.addObject().put("id", b.id()).put("name", b.name()).put("version", b.version()).put("state", b.state())
                    .put("provisioned", b.provisioned());
        }
        return new HeadEndResponse(200, Map.of("bundles.count", all.size()), JSON.writeValueAsBytes(root));
    }

    private HeadEndResponse bundle(String action, List<String> resource) throws BadRequest {
        if (resource.size() != 2) {
            throw new BadRequest(400, "EXEC/" + action + "/{bundle id}");
        }
        long id;
        try {
            id = Long.parseLong(resource.get(1));
        } catch (NumberFormatException e) {
            throw new BadRequest(400, "bundle id must be a number, got " + resource.get(1));
        }
        try {
            if (action.equals("start")) {
                bundles.start(id);
            } else {
                bundles.stop(id);
            }
        } catch (IllegalArgumentException e) {
            throw new BadRequest(404, e.getMessage());
        } catch (SecurityException e) {
            throw new BadRequest(403, e.getMessage());
        } catch (Exception e) {
            throw new BadRequest(500, action + " bundle " + id + " failed: " + e.getMessage());
        }
        return HeadEndResponse.ok(Map.of("bundle.id", id, "bundle.action", action));
    }

    // ------------------------------------------------------------------ job state, notifications, recovery

    private static String label(Job j) {
        String n = j.name.isEmpty() ? "job " + j.id : j.name;
        return j.version.isEmpty() ? n : n + "@" + j.version;
    }

    private void update(Job j, Phase phase, int progress, String reason, String message) throws IOException {
        synchronized (j) {
            j.status = phase;
            j.progress = progress;
            j.reason = reason;
            j.message = message;
            jobs.put(j);
        }
        notifier.state(j, resourceOf(j), jobMetrics(j));
    }

    private void fail(Job j, String reason, String message) {
        LOG.warn("job {}: {}", j.id, message);
        try {
            update(j, Phase.FAILED, 100, reason, message);
        } catch (IOException e) {
            LOG.error("job {}: cannot record the failure: {}", j.id, e.toString());
        }
    }

    /** Kura's notification resources: download while bytes arrive, then install / uninstall. */
    static String resourceOf(Job j) {
        return switch (j.kind) {
            case DOWNLOAD -> j.status == Phase.DOWNLOADING || (j.status == Phase.FAILED && !j.complete)
                    || (j.status == Phase.COMPLETED && !j.install) ? "download" : "install";
            case INSTALL -> "install";
            case UNINSTALL -> "uninstall";
            case ROLLBACK -> "rollback";
        };
    }

    Map<String, Object> jobMetrics(Job j) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("job.id", j.id);
        m.put("job.kind", j.kind.name().toLowerCase(Locale.ROOT));
        m.put("job.status", j.status.name());
        m.put("job.progress", j.progress);
        m.put("dp.name", j.name);
        m.put("dp.version", j.version);
        if (!j.requester.isEmpty()) {
            m.put("requester.client.id", j.requester);
        }
        if (!j.reason.isEmpty()) {
            m.put("job.reason", j.reason);
        }
        if (!j.message.isEmpty()) {
            m.put("message", j.message);
        }
        if (j.kind == Job.Kind.DOWNLOAD) {
            m.put("dp.download.size", j.size);
            m.put("dp.download.offset", j.received);
            m.put("dp.download.progress", j.size > 0 ? (int) (j.received * 100 / j.size) : j.complete ? 100 : 0);
            m.put("dp.download.status", j.status == Phase.DOWNLOADING ? "IN_PROGRESS"
                    : j.complete ? "COMPLETED" : j.reason.equals("CANCELLED") ? "CANCELLED" : "FAILED");
            m.put("dp.download.protocol", j.transport.name());
            if (!j.sha256.isEmpty()) {
                m.put("dp.download.hash", "SHA-256:" + j.sha256);
            }
        }
        String r = resourceOf(j);
        if (!r.equals("download")) {
            m.put("dp." + r + ".status", j.status.terminal() ? (j.status == Phase.COMPLETED ? "COMPLETED" : "FAILED") : "IN_PROGRESS");
            m.put("dp." + r + ".progress", j.progress);
        }
        if (j.status == Phase.FAILED || j.status == Phase.ROLLED_BACK) {
            m.put("dp." + r + ".error.message", j.message);
        }
        return m;
    }

    /** After a restart: downloads resume, interrupted installs are reported, a firmware job waits for its verdict. */
    private void recover() throws IOException {
        for (Job j : jobs.all()) {
            if (j.terminal()) {
                continue;
            }
            if (j.status == Phase.DOWNLOADING) {
                Path part = jobs.partFile(j);
                long have = Files.exists(part) ? Files.size(part) : 0;
                j.received = Math.min(j.received, have);
                if (have > j.received) {
                    try (FileChannel ch = FileChannel.open(part, StandardOpenOption.WRITE)) {
                        ch.truncate(j.received); // what was not synced is not trusted
                    }
                }
                jobs.put(j);
                if (j.transport == Job.Transport.HTTPS) {
                    downloads.submit(() -> httpsDownload(j));
                }
                LOG.info("download job {} resumes at {} of {} bytes", j.id, j.received, j.size);
            } else if (j.firmwareSlot.isEmpty()) {
                j.status = Phase.ROLLED_BACK;
                j.reason = "INTERRUPTED";
                j.message = "the gateway restarted during the deployment; provisioning restored the previous state";
                jobs.put(j);
            }
        }
    }

    /** Periodic: firmware verdicts, and notifications that could not be sent while the link was down. */
    private void watch() {
        try {
            for (Job j : jobs.all()) {
                if (j.status == Phase.HEALTH_CHECK && !j.firmwareSlot.isEmpty()) {
                    firmwareVerdict(j);
                }
            }
            notifier.retry();
        } catch (RuntimeException | IOException e) {
            LOG.warn("DEPLOY watch: {}", e.toString());
        }
    }

    private void firmwareVerdict(Job j) throws IOException {
        BootState s = new BootStateFile(options.dataDir()).read();
        String slot = j.firmwareSlot;
        if (s.good().equals(slot) && runningSlot.get().equals(slot)) {
            update(j, Phase.COMPLETED, 100, "OK", "firmware " + j.version + " runs from slot " + slot + " and passed its health check");
        } else if (s.trial().isEmpty() && !s.good().equals(slot)) {
            update(j, Phase.ROLLED_BACK, 100, "UNHEALTHY", "firmware " + j.version + " in slot " + slot + " was given up ("
                    + s.failedReason() + "); slot " + s.good() + " runs");
        }
    }

    @Override
    public void close() {
        watcher.shutdownNow();
        downloads.shutdownNow();
        installs.shutdownNow();
    }
}
