package org.metergate.launcher.hes.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.metergate.headend.mqtt.protocol.KuraPayload;
import org.metergate.headend.mqtt.protocol.Metrics;
import org.metergate.headend.mqtt.protocol.PayloadCodec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code metergate hes packages}: what was deployed on a gateway, and its firmware slots. */
@Command(name = "packages", mixinStandardHelpOptions = true,
        description = {"List the features and bundles deployed on a gateway (id, version, sequence, bundles, configurations,",
            "the version a rollback returns to) and its firmware slots. Exit status: 0 done; 1 refused or no answer; 2 usage error."})
public final class HesPackages implements Callable<Integer> {

    @Mixin
    DeployConnection conn;

    @Spec
    CommandSpec spec;

    @Option(names = {"-g", "--gateway"}, required = true, description = "Gateway client id")
    String gateway;

    @Option(names = "--json", description = "The gateway's answer as one JSON object")
    boolean json;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try (DeploySession s = conn.open(gateway)) {
            KuraPayload r = s.request("GET", List.of("packages"), Map.of(), null);
            int code = DeploySession.code(r);
            if (code != 200) {
                err.println("hes packages: gateway " + gateway + (r == null ? " did not answer within " + conn.timeoutSeconds() + " s"
                        : " answered " + code + ": " + r.string(Metrics.RESPONSE_MESSAGE)));
                return 1;
            }
            JsonNode body = PayloadCodec.json().readTree(r.body());
            if (json) {
                out.println(PayloadCodec.json().writeValueAsString(body));
                return 0;
            }
            out.printf("%-32s %-8s %-16s %8s  %s%n", "PACKAGE", "KIND", "VERSION", "SEQUENCE", "BUNDLES / CONFIGURATIONS");
            for (JsonNode p : body.path("packages")) {
                out.printf("%-32s %-8s %-16s %8d  %s%s%n", p.path("name").asText(), p.path("kind").asText(), p.path("version").asText(),
                        p.path("sequence").asLong(), join(p.path("bundles")), p.path("configurations").isEmpty() ? ""
                                : " / " + join(p.path("configurations")));
                if (p.hasNonNull("previousVersion")) {
                    out.printf("%-32s %-8s rollback to %s%n", "", "", p.path("previousVersion").asText());
                }
            }
            JsonNode fw = body.path("firmware");
            out.println("firmware: running slot " + fw.path("running").asText("factory") + ", good slot " + fw.path("good").asText("factory")
                    + (fw.has("trial") ? ", on trial " + fw.path("trial").asText() : "")
                    + (fw.has("failed") ? ", given up " + fw.path("failed").asText() + " (" + fw.path("failedReason").asText() + ")" : ""));
            return 0;
        }
    }

    private static String join(JsonNode array) {
        StringBuilder b = new StringBuilder();
        for (JsonNode n : array) {
            b.append(b.length() == 0 ? "" : ", ").append(n.asText());
        }
        return b.toString();
    }
}
