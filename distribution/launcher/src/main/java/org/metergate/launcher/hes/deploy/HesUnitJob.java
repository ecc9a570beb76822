package org.metergate.launcher.hes.deploy;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.metergate.headend.mqtt.protocol.KuraPayload;
import org.metergate.headend.mqtt.protocol.Metrics;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code hes rollback} and {@code hes uninstall}: a job on one installed unit, followed to its end. */
public abstract class HesUnitJob implements Callable<Integer> {

    @Mixin
    DeployConnection conn;

    @Spec
    CommandSpec spec;

    @Option(names = {"-g", "--gateway"}, required = true, description = "Gateway client id")
    String gateway;

    @Parameters(paramLabel = "UNIT", description = "A feature (groupId:artifactId), a bundle (symbolic name) or firmware")
    String unit;

    @Option(names = "--job", paramLabel = "ID", description = "Job id (default: a new one)")
    String job;

    @Option(names = "--wait", paramLabel = "SECONDS", defaultValue = "300", description = "How long to follow the job (default: ${DEFAULT-VALUE})")
    long waitSeconds;

    @Option(names = "--json", description = "One JSON object per line: the job's metrics as they change")
    boolean json;

    abstract String resource();

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        String jobId = job != null ? job : resource() + "-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put(Metrics.JOB_ID, jobId);
        m.put("dp.name", unit);
        ProgressBar bar = new ProgressBar(err, System.console() != null && !json);
        try (DeploySession s = conn.open(gateway)) {
            KuraPayload r = s.request("EXEC", List.of(resource()), m, null);
            int code = DeploySession.code(r);
            if (code != 200) {
                err.println("hes " + resource() + ": gateway " + gateway + (r == null ? " did not answer within " + conn.timeoutSeconds() + " s"
                        : " answered " + code + ": " + r.string(Metrics.RESPONSE_MESSAGE)));
                return 1;
            }
            JobFollower.Outcome o = JobFollower.follow(s, () -> conn.open(gateway), jobId, waitSeconds, bar, json ? out : null);
            bar.done();
            if (!json) {
                out.println(o.status() + ": " + o.metrics().getOrDefault("message", ""));
            }
            out.flush();
            // a rollback ends in COMPLETED (a unit back at its previous version) or ROLLED_BACK (a firmware trial given up)
            return o.completed() || (resource().equals("rollback") && o.status().equals("ROLLED_BACK")
                    && "OK".equals(o.metrics().get("job.reason"))) ? 0 : 1;
        }
    }

    @Command(name = "rollback", mixinStandardHelpOptions = true,
            description = {"Take a unit back to the version it had before its last update (the gateway keeps one), or give up a",
                "firmware on trial (UNIT 'firmware'). The sequence numbers stay: the newer package remains the one to beat.",
                "Exit status: 0 done; 1 refused, failed or no answer; 2 usage error."})
    public static final class Rollback extends HesUnitJob {
        @Override
        String resource() {
            return "rollback";
        }
    }

    @Command(name = "uninstall", mixinStandardHelpOptions = true,
            description = {"Remove a feature or bundle that was deployed, with the configurations it brought; the rest of the",
                "gateway stays as it is. Exit status: 0 done; 1 refused, failed or no answer; 2 usage error."})
    public static final class Uninstall extends HesUnitJob {
        @Override
        String resource() {
            return "uninstall";
        }
    }
}
