package org.metergate.launcher.hes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.metergate.headend.mqtt.protocol.KuraPayload;
import org.metergate.headend.mqtt.protocol.Metrics;
import org.metergate.headend.mqtt.protocol.PayloadCodec;
import org.metergate.headend.mqtt.protocol.PayloadException;
import org.metergate.headend.mqtt.protocol.Topics;
import org.metergate.headend.mqtt.protocol.UplinkJson;
import org.metergate.headend.mqtt.transport.MqttTransport;
import org.metergate.headend.security.crypto.EcKeys;
import org.metergate.headend.security.crypto.KeyEnvelope;
import org.metergate.headend.security.crypto.Pem;
import org.metergate.headend.security.crypto.RequestStatement;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code metergate hes}: the operator's head-end over MQTT (TR 50572 HES on G), speaking the gateway's
 * Kura/Kapua protocol: gateways from their births, meters, readings, a live watch, on-demand reads and
 * commands (signed with an operator key where the gateway demands it). Human-readable output, or one
 * JSON object per line with {@code --json}. Exit status: 0 done; 1 the gateway refused or failed
 * (response code 400 and above) or did not answer; 2 usage error.
 */
@Command(name = "hes", mixinStandardHelpOptions = true,
        description = {"Head-end over MQTT: talk to Metergate gateways (Kura/Kapua namespace) as an operator."},
        subcommands = {HesCommand.Gateways.class, HesCommand.Meters.class, HesCommand.Readings.class, HesCommand.Watch.class,
            HesCommand.Read.class, HesCommand.MeterCommandCli.class, HesCommand.Keygen.class, HesCommand.KeyImport.class,
            HesCommand.Request.class,
            // remote updates (DEPLOY-V2): org.metergate.launcher.hes.deploy
            org.metergate.launcher.hes.deploy.HesDeploy.class, org.metergate.launcher.hes.deploy.HesUnitJob.Rollback.class,
            org.metergate.launcher.hes.deploy.HesUnitJob.Uninstall.class, org.metergate.launcher.hes.deploy.HesPackages.class})
public final class HesCommand implements Runnable {

    static final ObjectMapper JSON = PayloadCodec.json();

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing subcommand: try 'metergate hes --help'");
    }

    static PrintWriter out(CommandSpec spec) {
        return spec.commandLine().getOut();
    }

    static PrintWriter err(CommandSpec spec) {
        return spec.commandLine().getErr();
    }

    /** Prints a reply: JSON (metrics and body) or text; returns the exit status. */
    static int report(CommandSpec spec, boolean json, HesConnection.Exchange x, java.util.function.Function<JsonNode, List<String>> text)
            throws Exception {
        JsonNode body = x.reply().body().length == 0 ? JsonNodeFactory.instance.objectNode() : JSON.readTree(x.reply().body());
        PrintWriter out = out(spec);
        if (json) {
            ObjectNode o = JsonNodeFactory.instance.objectNode();
            o.put("code", x.code());
            o.set("metrics", JSON.valueToTree(x.reply().metrics()));
            o.set("body", body);
            out.println(JSON.writeValueAsString(o));
        } else if (x.code() >= 400 || x.code() == 0) {
            err(spec).println("gateway answered " + x.code() + ": " + x.reply().string(Metrics.RESPONSE_MESSAGE));
        } else {
            for (String line : text.apply(body)) {
                out.println(line);
            }
            if (x.code() != 200) {
                out.println("(response code " + x.code() + ": " + x.reply().metrics() + ")");
            }
        }
        out.flush();
        return x.code() >= 400 || x.code() == 0 ? 1 : 0;
    }

    static String reading(JsonNode r) {
        return String.format(Locale.ROOT, "#%s %s %s = %s %s%s%s", r.path("id").asText("-"), r.path("time").asText(),
                r.path("quantity").asText(), r.path("value").asText(), r.path("unit").asText(),
                r.path("storage").asLong() != 0 ? "  storage " + r.path("storage").asLong() : "",
                r.path("tariff").asLong() != 0 ? "  tariff " + r.path("tariff").asLong() : "");
    }

    // ------------------------------------------------------------------ gateways

    @Command(name = "gateways", mixinStandardHelpOptions = true,
            description = "List the gateways of the account from their lifecycle messages (BIRTH, DC, LWT; retained by the gateways).")
    static final class Gateways implements Callable<Integer> {
        @Mixin HesConnection conn;
        @Spec CommandSpec spec;
        @Option(names = "--json", description = "One JSON object per gateway") boolean json;
        @Option(names = "--wait", paramLabel = "SECONDS", defaultValue = "2", description = "How long to collect lifecycle messages (default: ${DEFAULT-VALUE})")
        double waitSeconds;

        @Override
        public Integer call() throws Exception {
            Map<String, Map<String, KuraPayload>> byGateway = new TreeMap<>();
            try (MqttTransport t = conn.connect(null, m -> {
                if (m == null) {
                    return;
                }
                Topics.parseControl(m.topic()).ifPresent(ct -> {
                    try {
                        KuraPayload p = PayloadCodec.decode(m.payload()).payload();
                        synchronized (byGateway) {
                            byGateway.computeIfAbsent(ct.client(), k -> new LinkedHashMap<>()).put(ct.verb(), p);
                        }
                    } catch (PayloadException e) {
                        // not a lifecycle message we understand
                    }
                });
            })) {
                t.subscribe(List.of(Topics.lifecycleFilter(conn.account, "+")), 1, conn.timeoutSeconds * 1000L);
                Thread.sleep((long) (waitSeconds * 1000));
                t.disconnect(1000);
            }
            PrintWriter out = out(spec);
            synchronized (byGateway) {
                if (!json) {
                    out.printf("%-24s %-8s %-24s %-14s %s%n", "GATEWAY", "STATE", "NAME", "FIRMWARE", "APPLICATIONS");
                }
                for (Map.Entry<String, Map<String, KuraPayload>> e : byGateway.entrySet()) {
                    KuraPayload birth = e.getValue().get(Topics.BIRTH);
                    if (birth == null) {
                        continue;
                    }
                    String state = online(birth, e.getValue()) ? "online" : "offline";
                    if (json) {
                        ObjectNode o = JsonNodeFactory.instance.objectNode();
                        o.put("gateway", e.getKey());
                        o.put("state", state);
                        o.put("birth", birth.timestamp() == null ? null : birth.timestamp().toString());
                        o.set("metrics", JSON.valueToTree(birth.metrics()));
                        out.println(JSON.writeValueAsString(o));
                    } else {
                        out.printf("%-24s %-8s %-24s %-14s %s%n", e.getKey(), state, birth.string("display_name"),
                                birth.string("firmware_version"), birth.string("application_ids"));
                    }
                }
            }
            out.flush();
            return 0;
        }

        /** Online unless a DC or LWT of the same or a later session is there. */
        static boolean online(KuraPayload birth, Map<String, KuraPayload> all) {
            Long session = birth.longValue("metergate_session");
            for (String kind : List.of(Topics.DISCONNECT, Topics.WILL)) {
                KuraPayload p = all.get(kind);
                if (p == null) {
                    continue;
                }
                Long s = p.longValue("metergate_session");
                if (session != null && s != null ? s >= session
                        : p.timestamp() != null && birth.timestamp() != null && !p.timestamp().isBefore(birth.timestamp())) {
                    return false;
                }
            }
            return true;
        }
    }

    // ------------------------------------------------------------------ meters, readings, read

    @Command(name = "meters", mixinStandardHelpOptions = true, description = "List a gateway's installed meters (METERS-V1 GET meters), or the ones it heard (--discovered).")
    static final class Meters implements Callable<Integer> {
        @Mixin HesConnection conn;
        @Spec CommandSpec spec;
        @Option(names = {"-g", "--gateway"}, required = true, description = "Gateway client id") String gateway;
        @Option(names = "--discovered", description = "Meters heard but not installed") boolean discovered;
        @Option(names = "--json", description = "The reply as JSON") boolean json;

        @Override
        public Integer call() throws Exception {
            HesConnection.Exchange x = conn.request(gateway, "METERS-V1", "GET", List.of(discovered ? "discovered" : "meters"), Map.of(), null, null);
            return report(spec, json, x, body -> {
                List<String> lines = new ArrayList<>();
                lines.add(String.format("%-14s %-3s %-4s %-22s %-20s %s", "METER", "VER", "TYPE", "MEDIUM", discovered ? "LAST HEARD" : "LABEL",
                        discovered ? "TELEGRAMS" : "OWNER"));
                for (JsonNode m : body.path(discovered ? "discovered" : "meters")) {
                    lines.add(String.format("%-14s %-3s %-4s %-22s %-20s %s", m.path("id").asText(), m.path("version").asText(),
                            String.format("%02X", m.path("deviceType").asInt()), m.path("medium").asText(),
                            discovered ? m.path("lastHeard").asText() : m.path("label").asText(),
                            discovered ? m.path("telegrams").asText() : m.path("owner").asText()));
                }
                return lines;
            });
        }
    }

    @Command(name = "readings", mixinStandardHelpOptions = true,
            description = "A meter's readings from the gateway: the latest, or since a time from its journal (--since).")
    static final class Readings implements Callable<Integer> {
        @Mixin HesConnection conn;
        @Spec CommandSpec spec;
        @Option(names = {"-g", "--gateway"}, required = true) String gateway;
        @Option(names = {"-m", "--meter"}, required = true, description = "MAN-IDENTIFICATION, e.g. KAM-12345678") String meter;
        @Option(names = "--since", description = "ISO-8601 instant, e.g. 2025-11-21T00:00:00Z") String since;
        @Option(names = "--json") boolean json;

        @Override
        public Integer call() throws Exception {
            Map<String, Object> metrics = since == null ? Map.of() : Map.of("since", since);
            HesConnection.Exchange x = conn.request(gateway, "METERS-V1", "GET", List.of("meters", meter, "readings"), metrics, null, null);
            return report(spec, json, x, body -> {
                List<String> lines = new ArrayList<>();
                body.path("readings").forEach(r -> lines.add(meter + " " + reading(r)));
                if (lines.isEmpty()) {
                    lines.add("no readings");
                }
                return lines;
            });
        }
    }

    @Command(name = "read", mixinStandardHelpOptions = true, description = "Read a meter now (on-demand read, METERS-V1 EXEC meters/{id}/read).")
    static final class Read implements Callable<Integer> {
        @Mixin HesConnection conn;
        @Spec CommandSpec spec;
        @Option(names = {"-g", "--gateway"}, required = true) String gateway;
        @Option(names = {"-m", "--meter"}, required = true) String meter;
        @Option(names = "--job", description = "job.id: the gateway executes a job once, however often it is sent") String job;
        @Option(names = "--json") boolean json;

        @Override
        public Integer call() throws Exception {
            Map<String, Object> metrics = job == null ? Map.of() : Map.of(Metrics.JOB_ID, job);
            HesConnection.Exchange x = conn.request(gateway, "METERS-V1", "EXEC", List.of("meters", meter, "read"), metrics, null, null);
            return report(spec, json, x, body -> {
                List<String> lines = new ArrayList<>();
                lines.add("outcome " + x.reply().string("outcome"));
                body.path("readings").forEach(r -> lines.add(meter + " " + reading(r)));
                return lines;
            });
        }
    }

    // ------------------------------------------------------------------ commands

    @Command(name = "command", mixinStandardHelpOptions = true,
            description = {"Send a command to a meter (COMMANDS-V1): actuator (breaker or valve; must be signed with --sign-key),",
                "clock (synchronise the meter's clock) or tariff."})
    static final class MeterCommandCli implements Callable<Integer> {
        @Mixin HesConnection conn;
        @Spec CommandSpec spec;
        @Parameters(index = "0", paramLabel = "KIND", description = "actuator, clock or tariff") String kind;
        @Option(names = {"-g", "--gateway"}, required = true) String gateway;
        @Option(names = {"-m", "--meter"}, required = true) String meter;
        @Option(names = "--actuator", description = "breaker or valve") String actuator;
        @Option(names = "--action", description = "connect, disconnect or release-for-reconnection") String action;
        @Option(names = "--time", description = "clock: the time to set (ISO-8601; default now)") String time;
        @Option(names = "--tariff", description = "tariff: the tariff number") Integer tariff;
        @Option(names = "--from", description = "tariff: effective from (ISO-8601; default now)") String from;
        @Option(names = "--job", description = "job.id (executed once)") String job;
        @Option(names = "--sign-key", paramLabel = "PEM", description = "Operator private key (PEM) to sign the command with") Path signKey;
        @Option(names = "--validity", paramLabel = "SECONDS", defaultValue = "300", description = "Signature validity (default: ${DEFAULT-VALUE} s)") long validity;
        @Option(names = "--outcome-wait", paramLabel = "SECONDS", defaultValue = "300",
                description = {"How long to wait for the outcome of a command still running when the gateway answers",
                    "(it then follows as a notification); exit status 3 if it is still running after that (default: ${DEFAULT-VALUE})"})
        long outcomeWait;
        @Option(names = "--json") boolean json;

        @Override
        public Integer call() throws Exception {
            Map<String, Object> metrics = new LinkedHashMap<>();
            // the gateway answers "still running" before this CLI's reply timeout runs out
            metrics.put("wait.s", (long) Math.max(0, Math.min(30, conn.timeoutSeconds() - 3)));
            switch (kind) {
                case "actuator" -> {
                    if (actuator == null || action == null) {
                        throw new CommandLine.ParameterException(spec.commandLine(), "actuator needs --actuator and --action");
                    }
                    metrics.put("actuator", actuator.toUpperCase(Locale.ROOT));
                    metrics.put("action", action.toUpperCase(Locale.ROOT).replace('-', '_'));
                }
                case "clock" -> metrics.put("time", time == null ? Instant.now().toString() : Instant.parse(time).toString());
                case "tariff" -> {
                    if (tariff == null) {
                        throw new CommandLine.ParameterException(spec.commandLine(), "tariff needs --tariff");
                    }
                    metrics.put("tariff", tariff.longValue());
                    metrics.put("effective.from", from == null ? Instant.now().toString() : Instant.parse(from).toString());
                }
                default -> throw new CommandLine.ParameterException(spec.commandLine(), "KIND must be actuator, clock or tariff: " + kind);
            }
            if (job != null) {
                metrics.put(Metrics.JOB_ID, job);
            }
            HesConnection.Signer signer = null;
            if (signKey != null) {
                PrivateKey key = Pem.privateKey(signKey, null);
                long expires = System.currentTimeMillis() + validity * 1000;
                signer = (account, gw, app, verb, resource, m, body) -> RequestStatement.sign(key, account, gw, app, verb, resource, m, body, expires);
            }
            HesConnection.Exchange x = conn.request(gateway, "COMMANDS-V1", "EXEC", List.of(kind, meter), metrics, null, signer,
                    List.of(kind), outcomeWait);
            int status = report(spec, json, x, body -> List.of("outcome " + x.reply().string("outcome") + ": " + x.reply().string("detail")));
            return x.code() == 202 ? 3 : status;
        }
    }

    @Command(name = "request", mixinStandardHelpOptions = true,
            description = "Send any request: hes request -g GW APP VERB RESOURCE [NAME=VALUE...] (e.g. STATISTICS-V1 GET pipeline).")
    static final class Request implements Callable<Integer> {
        @Mixin HesConnection conn;
        @Spec CommandSpec spec;
        @Option(names = {"-g", "--gateway"}, required = true) String gateway;
        @Parameters(index = "0") String app;
        @Parameters(index = "1") String verb;
        @Parameters(index = "2") String resource;
        @Parameters(index = "3..*", paramLabel = "NAME=VALUE") List<String> params = new ArrayList<>();
        @Option(names = "--body", paramLabel = "JSON", description = "Request body (JSON)") String body;

        @Override
        public Integer call() throws Exception {
            Map<String, Object> metrics = new LinkedHashMap<>();
            for (String p : params) {
                int eq = p.indexOf('=');
                if (eq <= 0) {
                    throw new CommandLine.ParameterException(spec.commandLine(), "parameters are NAME=VALUE: " + p);
                }
                String v = p.substring(eq + 1);
                metrics.put(p.substring(0, eq), v.matches("-?\\d{1,18}") ? (Object) Long.valueOf(v) : v);
            }
            HesConnection.Exchange x = conn.request(gateway, app, verb.toUpperCase(Locale.ROOT), HesConnection.path(resource), metrics,
                    body == null ? null : body.getBytes(StandardCharsets.UTF_8), null);
            return report(spec, true, x, b -> List.of());
        }
    }

    // ------------------------------------------------------------------ watch

    @Command(name = "watch", mixinStandardHelpOptions = true,
            description = {"Show the readings and events gateways push, live. With --session the broker keeps what arrives",
                "while the watch is away (a persistent MQTT session under that client id)."})
    static final class Watch implements Callable<Integer> {
        @Mixin HesConnection conn;
        @Spec CommandSpec spec;
        @Option(names = {"-g", "--gateway"}, defaultValue = "+", description = "Gateway client id (default: every gateway)") String gateway;
        @Option(names = "--session", paramLabel = "ID", description = "Persistent session under this client id") String session;
        @Option(names = "--count", description = "Stop after this many items") long count = Long.MAX_VALUE;
        @Option(names = "--duration", paramLabel = "SECONDS", description = "Stop after this long") Long duration;
        @Option(names = "--json", description = "One JSON object per reading or event") boolean json;

        @Override
        public Integer call() throws Exception {
            BlockingQueue<MqttTransport.Received> queue = new LinkedBlockingQueue<>();
            MqttTransport.Received lost = new MqttTransport.Received("", new byte[0], 0, false, null, null);
            PrintWriter out = out(spec);
            long shown = 0;
            long end = duration == null ? Long.MAX_VALUE : System.nanoTime() + duration * 1_000_000_000L;
            MqttTransport t = null;
            try {
                while (shown < count && System.nanoTime() < end) {
                    if (t == null || !t.isConnected()) {
                        if (t != null) {
                            t.close();
                        }
                        try {
                            t = conn.connect(session, m -> queue.add(m == null ? lost : m));
                            t.subscribe(List.of(Topics.dataFilter(conn.account, gateway)), 1, conn.timeoutSeconds * 1000L);
                            if (!json) {
                                err(spec).println("watching " + Topics.dataFilter(conn.account, gateway) + " on " + conn.broker);
                            }
                        } catch (Exception e) {
                            err(spec).println("hes watch: " + e.getMessage() + "; trying again in 2 s");
                            t = null;
                            Thread.sleep(2000);
                            continue;
                        }
                    }
                    MqttTransport.Received m = queue.poll(200, TimeUnit.MILLISECONDS);
                    if (m == null || m == lost) {
                        continue;
                    }
                    shown += show(m, out);
                    out.flush();
                }
            } finally {
                if (t != null) {
                    t.disconnect(1000);
                    t.close();
                }
            }
            return 0;
        }

        private long show(MqttTransport.Received m, PrintWriter out) throws Exception {
            Topics.DataTopic dt = Topics.parseData(m.topic()).orElse(null);
            if (dt == null) {
                return 0;
            }
            UplinkJson.PushBody body;
            try {
                body = UplinkJson.decode(PayloadCodec.decode(m.payload()).payload().body());
            } catch (PayloadException e) {
                err(spec).println("hes watch: bad message on " + m.topic() + ": " + e.getMessage());
                return 0;
            }
            long n = 0;
            for (UplinkJson.PushedReading r : body.readings()) {
                if (json) {
                    ObjectNode o = JsonNodeFactory.instance.objectNode();
                    o.put("kind", "reading");
                    o.put("gateway", dt.client());
                    o.put("meter", r.meter());
                    o.put("id", r.id());
                    o.put("quantity", r.quantity());
                    o.put("value", r.value());
                    o.put("unit", r.unit());
                    o.put("storage", r.storage());
                    o.put("tariff", r.tariff());
                    o.put("subunit", r.subunit());
                    o.put("function", r.function());
                    o.put("time", r.time().toString());
                    o.put("obis", r.obis());
                    out.println(JSON.writeValueAsString(o));
                } else {
                    out.printf(Locale.ROOT, "%s %s #%d %s %s = %s %s%n", dt.client(), r.meter(), r.id(), r.time(), r.quantity(),
                            r.value().toPlainString(), r.unit());
                }
                n++;
            }
            for (UplinkJson.PushedEvent e : body.events()) {
                if (json) {
                    ObjectNode o = JsonNodeFactory.instance.objectNode();
                    o.put("kind", "event");
                    o.put("gateway", dt.client());
                    o.put("meter", e.meter());
                    o.put("id", e.id());
                    o.put("type", e.type());
                    o.put("time", e.time().toString());
                    o.put("link", e.link());
                    o.put("detail", e.detail());
                    out.println(JSON.writeValueAsString(o));
                } else {
                    out.printf(Locale.ROOT, "%s %s #%d %s EVENT %s %s%n", dt.client(), e.meter().isEmpty() ? "gateway" : e.meter(), e.id(),
                            e.time(), e.type(), e.detail());
                }
                n++;
            }
            return n;
        }
    }

    // ------------------------------------------------------------------ keys

    @Command(name = "keygen", mixinStandardHelpOptions = true,
            description = "Make an operator key pair for signing commands: PRIVATE.pem (0600) and PRIVATE.pub.pem; prints the key id.")
    static final class Keygen implements Callable<Integer> {
        @Spec CommandSpec spec;
        @Parameters(index = "0", paramLabel = "PRIVATE.pem") Path file;
        @Option(names = "--curve", defaultValue = "secp256r1", description = "secp256r1, secp384r1, brainpoolP256r1, brainpoolP384r1 (default: ${DEFAULT-VALUE})")
        String curve;

        @Override
        public Integer call() throws Exception {
            if (Files.exists(file)) {
                err(spec).println("hes keygen: " + file + " exists; not overwritten");
                return 2;
            }
            KeyPair kp = EcKeys.generate(curve);
            Pem.writePrivateKey(file, kp.getPrivate());
            Path pub = file.resolveSibling(file.getFileName().toString().replaceFirst("\\.pem$", "") + ".pub.pem");
            Files.writeString(pub, Pem.text(kp.getPublic()), StandardCharsets.US_ASCII);
            out(spec).println("operator key " + EcKeys.keyId(kp.getPublic()) + " (" + curve + "): private " + file + ", public " + pub);
            out(spec).println("trust it on a gateway: org.metergate.headend.security operator.keys = ROLE:" + pub.toAbsolutePath());
            out(spec).flush();
            return 0;
        }
    }

    @Command(name = "key-import", mixinStandardHelpOptions = true,
            description = "Send a meter's AES key to a gateway encrypted to its key-transport key (METERS-V1 PUT keys/{meter}).")
    static final class KeyImport implements Callable<Integer> {
        @Mixin HesConnection conn;
        @Spec CommandSpec spec;
        @Option(names = {"-g", "--gateway"}, required = true) String gateway;
        @Option(names = {"-m", "--meter"}, required = true) String meter;
        @Option(names = "--key-file", required = true, paramLabel = "FILE", description = "File holding the 32 hex digits of the key (kept out of the command line)")
        Path keyFile;

        @Override
        public Integer call() throws Exception {
            byte[] key = HexFormat.of().parseHex(Files.readString(keyFile).strip());
            if (key.length != 16) {
                throw new CommandLine.ParameterException(spec.commandLine(), "a meter key has 32 hex digits");
            }
            HesConnection.Exchange tk = conn.request(gateway, "METERS-V1", "GET", List.of("keys", "transport"), Map.of(), null, null);
            if (tk.code() != 200) {
                return report(spec, false, tk, b -> List.of());
            }
            PublicKey gwKey = Pem.publicKey(Pem.of("-----BEGIN PUBLIC KEY-----\n" + tk.reply().string("public.key") + "\n-----END PUBLIC KEY-----\n"),
                    "the gateway's key-transport key");
            String envelope = Base64.getEncoder().encodeToString(KeyEnvelope.seal(gwKey, key,
                    KeyEnvelope.meterKeyContext(gateway, org.metergate.api.meter.MeterId.parse(meter).toString())));
            java.util.Arrays.fill(key, (byte) 0);
            HesConnection.Exchange x = conn.request(gateway, "METERS-V1", "PUT", List.of("keys", meter), Map.of("envelope", envelope), null, null);
            return report(spec, false, x, b -> List.of("key of " + meter + " imported on " + gateway));
        }
    }
}
