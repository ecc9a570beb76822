package org.metergate.provisioning.deploy;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.metergate.api.headend.HeadEndApplication;
import org.metergate.api.headend.HeadEndLink;
import org.metergate.api.headend.HeadEndRequest;
import org.metergate.api.headend.HeadEndResponse;
import org.metergate.provisioning.Provisioning;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;

/**
 * The DEPLOY-V2 head-end application (Eclipse Kura's deployment application, where it fits), on
 * the gateway's {@link Provisioning}.
 *
 * <pre>
 * EXEC/download   job.id, dp.name, dp.version, dp.install (default true), dp.download.hash (SHA-256:hex);
 *                 over HTTPS: dp.uri (https://...), optional dp.download.size;
 *                 over MQTT: dp.download.size, then the bytes by PUT/download.
 *                 Reply: the job (below), dp.download.block.size (the chunk size to use). The same job.id
 *                 again answers the job's state (the head-end link may answer it from its memory).
 * PUT/download    dp.job.id, dp.download.offset, optional dp.download.chunk.hash (SHA-256:hex); body: the
 *                 bytes from that offset. 200 with the next dp.download.offset; 409 with the expected offset
 *                 after a gap; a repeated chunk is harmless. With the last byte the whole file's SHA-256 is
 *                 checked. (dp.job.id, not job.id: the head-end link answers a job.id it has seen from memory.)
 * GET/download    the latest (or dp.job.id's) download: dp.download.size/offset/progress/status: where a
 *                 head-end resumes after a lost connection or a restart of either side
 * DEL/download    cancels the latest (or dp.job.id's) download
 * EXEC/install    job.id and dp.download.job.id (or dp.name and dp.version) of a complete download
 * GET/install     the latest install job
 * EXEC/uninstall  job.id, dp.name (a feature's groupId:artifactId or a bundle's symbolic name)
 * EXEC/rollback   job.id, dp.name (a unit: back to its previous version; "firmware": give the trial up)
 * GET/packages    body {"packages": [...], "firmware": {...}}
 * GET/bundles     body {"bundles": [{id, name, version, state, provisioned}]}
 * EXEC/start/{id}, EXEC/stop/{id}   a bundle (never the framework, provisioning or the head-end link)
 * GET/jobs[/{id}] the jobs the gateway remembers
 * </pre>
 * Job metrics (replies and notifications): {@code job.id}, {@code job.kind}, {@code job.status}
 * (DOWNLOADING, VERIFYING, INSTALLING, HEALTH_CHECK, COMPLETED, FAILED, ROLLED_BACK),
 * {@code job.progress}, {@code job.reason}, {@code message}, {@code dp.name}, {@code dp.version}, and
 * Kura's {@code dp.download.*}, {@code dp.install.*} / {@code dp.uninstall.*} status and progress.
 * Notifications go to the job's requester as Kura's do, {@code $EDC/{account}/{requester}/DEPLOY-V2/NOTIFY/{gateway}/download}
 * ({@code /install}, {@code /uninstall}, {@code /rollback}).
 */
@Component(service = HeadEndApplication.class, configurationPid = DeployApplication.PID, immediate = true,
        property = HeadEndApplication.APP_ID + "=" + Deployer.APP)
@Designate(ocd = DeployConfig.class)
public final class DeployApplication implements HeadEndApplication {

    public static final String PID = "org.metergate.provisioning.deploy";

    private final AtomicReference<HeadEndLink> link = new AtomicReference<>();
    private final Deployer deployer;

    @Activate
    public DeployApplication(BundleContext context, DeployConfig config, @Reference Provisioning provisioning) throws IOException {
        String data = System.getProperty("metergate.data");
        Path dataDir = data == null || data.isBlank() ? Path.of("data") : Path.of(data);
        Path state = config.state_dir().isBlank() ? dataDir.resolve("deploy") : Path.of(config.state_dir());
        Path trust = null;
        if (!config.download_trust_file().isBlank()) {
            trust = Path.of(config.download_trust_file());
            String home = System.getProperty("metergate.home");
            if (!trust.isAbsolute() && home != null) {
                trust = Path.of(home).resolve(trust);
            }
        }
        HttpsDownloader https = new HttpsDownloader(trust, Duration.ofSeconds(Math.max(1, config.download_timeout_seconds())),
                Math.max(0, config.download_retries()), config.download_allow_http(), config.max_bytes());
        this.deployer = new Deployer(new Deployer.Options(state, dataDir, config.max_bytes(), Math.max(1024, config.chunk_size()), https),
                provisioning, new OsgiBundleControl(context), this::notify,
                () -> {
                    String s = System.getProperty("metergate.firmware.slot");
                    return s == null || s.isBlank() ? "factory" : s;
                });
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    void setLink(HeadEndLink l) {
        link.set(l);
    }

    void unsetLink(HeadEndLink l) {
        link.compareAndSet(l, null);
    }

    private boolean notify(String resource, Map<String, Object> metrics) {
        HeadEndLink l = link.get();
        Object requester = metrics.get("requester.client.id");
        return l != null && l.notify(Deployer.APP, requester == null ? "" : String.valueOf(requester), resource, metrics);
    }

    @Override
    public HeadEndResponse handle(HeadEndRequest request) {
        return deployer.handle(request);
    }

    @Deactivate
    void deactivate() {
        deployer.close();
    }
}
