package org.metergate.itests.provisioning;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.Assume;
import org.metergate.headend.mqtt.protocol.PayloadCodec;
import org.metergate.headend.mqtt.protocol.Topics;
import org.metergate.headend.mqtt.protocol.UplinkJson;
import org.metergate.headend.mqtt.transport.MqttTransport;

/**
 * What the end-to-end tests of remote updates run: Debian's mosquitto on a free loopback port, the
 * distribution's {@code bin/metergate} as the gateway and as the operator's CLI, and a head-end
 * subscriber that collects every pushed reading.
 */
final class EndToEnd {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String ACCOUNT = "metergate";
    /** The operator's MQTT client id: the demo's security configuration maps hes-* to the meter site operator. */
    static final String OPERATOR = "hes-op";
    /** What a meter site operator may ask of DEPLOY-V2 (rules of org.metergate.headend.security). */
    static final List<String> DEPLOY_RULES = List.of("MSO DEPLOY-V2 GET **", "MSO DEPLOY-V2 EXEC ** audited",
            "MSO DEPLOY-V2 PUT download", "MSO DEPLOY-V2 DEL download audited");

    private EndToEnd() {
    }

    static Path bin() {
        return ProvisioningOptions.home().resolve("bin/metergate");
    }

    static Path mosquittoBinary() {
        for (String p : List.of("/usr/sbin/mosquitto", "/usr/bin/mosquitto", "/usr/local/sbin/mosquitto")) {
            if (Files.isExecutable(Path.of(p))) {
                return Path.of(p);
            }
        }
        return null;
    }

    static void assumeMosquitto() {
        Assume.assumeTrue("mosquitto is not installed (apt-get install -y mosquitto): the remote update end-to-end tests are skipped",
                mosquittoBinary() != null);
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /** A child process whose output lines are collected as they come. */
    static final class Proc implements AutoCloseable {
        final Process process;
        final List<String> lines = Collections.synchronizedList(new ArrayList<>());

        Proc(List<String> cmd) throws IOException {
            this(new ProcessBuilder(cmd));
        }

        Proc(ProcessBuilder pb) throws IOException {
            process = pb.redirectErrorStream(true).start();
            Thread t = new Thread(() -> {
                try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                    for (String l; (l = r.readLine()) != null; ) {
                        lines.add(l);
                    }
                } catch (IOException ignored) {
                    // the process ended
                }
            });
            t.setDaemon(true);
            t.start();
        }

        List<String> snapshot() {
            synchronized (lines) {
                return new ArrayList<>(lines);
            }
        }

        void await(String what, long seconds, Predicate<List<String>> done) throws InterruptedException {
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
            while (System.nanoTime() < end) {
                if (done.test(snapshot())) {
                    return;
                }
                Thread.sleep(200);
            }
            List<String> all = snapshot();
            throw new AssertionError(what + " not within " + seconds + " s; last output: " + all.subList(Math.max(0, all.size() - 40), all.size()));
        }

        void signal(String sig) throws Exception {
            new ProcessBuilder("kill", "-" + sig, Long.toString(process.pid())).start().waitFor();
        }

        @Override
        public void close() {
            process.destroyForcibly();
            try {
                process.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** mosquitto with persistence, anonymous, on one loopback port. */
    static final class Broker implements AutoCloseable {
        final int port;
        private final Path conf;
        private Proc proc;

        Broker(Path dir) throws Exception {
            port = freePort();
            Files.createDirectories(dir.resolve("db"));
            conf = dir.resolve("mosquitto.conf");
            Files.writeString(conf, String.join("\n", "user root", "allow_anonymous true", "persistence true",
                    "persistence_location " + dir.resolve("db") + "/", "max_queued_messages 1000000",
                    "log_dest file " + dir.resolve("mosquitto.log"), "listener " + port + " 127.0.0.1", ""));
            start();
        }

        void start() throws Exception {
            proc = new Proc(List.of(mosquittoBinary().toString(), "-c", conf.toString()));
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (System.nanoTime() < end) {
                try (Socket s = new Socket()) {
                    s.connect(new InetSocketAddress("127.0.0.1", port), 200);
                    return;
                } catch (IOException notYet) {
                    Thread.sleep(100);
                }
            }
            throw new AssertionError("mosquitto did not start: " + proc.snapshot());
        }

        String uri() {
            return "tcp://127.0.0.1:" + port;
        }

        @Override
        public void close() {
            if (proc != null) {
                proc.close();
            }
        }
    }

    /** A finished command: exit status and output. */
    record Run(int code, List<String> lines) {
        String text() {
            return String.join("\n", lines);
        }

        /** The last line that is a JSON object (the final state with --json), parsed. */
        JsonNode lastJson() throws IOException {
            for (int i = lines.size() - 1; i >= 0; i--) {
                if (lines.get(i).startsWith("{")) {
                    return JSON.readTree(lines.get(i));
                }
            }
            throw new AssertionError("no JSON in the output: " + lines);
        }
    }

    /** Runs {@code bin/metergate ARGS} to its end (at most {@code seconds}). */
    static Run cli(long seconds, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(bin().toString()));
        cmd.addAll(List.of(args));
        try (Proc p = new Proc(cmd)) {
            if (!p.process.waitFor(seconds, TimeUnit.SECONDS)) {
                throw new AssertionError("metergate " + String.join(" ", args) + " did not end within " + seconds + " s: " + p.snapshot());
            }
            Thread.sleep(100); // the last lines
            return new Run(p.process.exitValue(), p.snapshot());
        }
    }

    /** {@code hes ARGS --broker URI --client-id hes-op}. */
    static Run hes(Broker broker, long seconds, String... args) throws Exception {
        return hesAs(OPERATOR, broker, seconds, args);
    }

    /**
     * {@code hes ARGS --broker URI --client-id ID}: a second operator client beside a running
     * {@code hes-op} needs an id of its own (the broker closes the older of two connections with one id).
     */
    static Run hesAs(String clientId, Broker broker, long seconds, String... args) throws Exception {
        List<String> all = new ArrayList<>(List.of("hes"));
        all.addAll(List.of(args));
        all.addAll(List.of("--broker", broker.uri(), "--client-id", clientId));
        return cli(seconds, all.toArray(String[]::new));
    }

    /**
     * A feature for the test gateway: a shipped one with more bundles and configuration properties
     * merged in (pid -> key -> value), written to {@code file}.
     */
    static Path derive(Path file, String shipped, List<String> moreBundles, Map<String, Map<String, Object>> configure) throws IOException {
        ObjectNode f = (ObjectNode) JSON.readTree(ProvisioningOptions.home().resolve("features/" + shipped + ".json").toFile());
        f.put("id", "org.metergate.itest:" + file.getFileName().toString().replace(".json", "") + ":osgifeature:1.0.0");
        ArrayNode bundles = (ArrayNode) f.get("bundles");
        for (String b : moreBundles) {
            bundles.addObject().put("id", b);
        }
        ObjectNode configs = f.has("configurations") ? (ObjectNode) f.get("configurations") : f.putObject("configurations");
        configure.forEach((pid, values) -> {
            ObjectNode c = configs.has(pid) ? (ObjectNode) configs.get(pid) : configs.putObject(pid);
            values.forEach((k, v) -> c.set(k, JSON.valueToTree(v)));
        });
        Files.writeString(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(f));
        return file;
    }

    /** The version of the distribution's bundles, e.g. 0.1.0-SNAPSHOT. */
    static String version() throws IOException {
        JsonNode f = JSON.readTree(ProvisioningOptions.home().resolve("features/core.json").toFile());
        String id = f.path("id").asText();
        return id.substring(id.lastIndexOf(':') + 1);
    }

    /**
     * Subscribes as a head-end to a gateway's pushed readings (QoS 1) and keeps them by journal id: a
     * redelivery has the same id and counts once.
     */
    static final class Readings implements AutoCloseable {
        final Map<String, Map<Long, BigDecimal>> byMeter = new ConcurrentHashMap<>();
        private final MqttTransport transport;

        Readings(Broker broker, String gateway) throws Exception {
            String id = "itest-collector-" + gateway;
            transport = MqttTransport.create(MqttTransport.Version.V3_1_1, broker.uri(), id, new MqttTransport.Listener() {
                @Override
                public void messageArrived(MqttTransport.Received m) {
                    try {
                        UplinkJson.PushBody body = UplinkJson.decode(PayloadCodec.decode(m.payload()).payload().body());
                        for (UplinkJson.PushedReading r : body.readings()) {
                            if (r.quantity().equals("volume")) {
                                byMeter.computeIfAbsent(r.meter(), k -> new ConcurrentHashMap<>()).put(r.id(), r.value());
                            }
                        }
                    } catch (Exception e) {
                        // not a push body: not ours to count
                    }
                }

                @Override
                public void connectionLost(Throwable cause) {
                    // the broker runs as long as the test
                }
            });
            transport.connect(new MqttTransport.ConnectOptions(List.of(broker.uri()), id, null, null, null, true, 30, 10, 1000,
                    null, false, 86_400));
            transport.subscribe(List.of(Topics.data(ACCOUNT, gateway, Topics.READINGS, "#")), 1, 10_000);
        }

        int total() {
            return byMeter.values().stream().mapToInt(Map::size).sum();
        }

        /** Each meter's volumes, sorted. */
        Map<String, List<BigDecimal>> volumes() {
            Map<String, List<BigDecimal>> out = new TreeMap<>();
            byMeter.forEach((m, v) -> {
                List<BigDecimal> l = new ArrayList<>(v.values());
                Collections.sort(l);
                out.put(m, l);
            });
            return out;
        }

        /**
         * Asserts that every meter of {@code meters} (index = position in the recording) delivered its
         * telegrams from the first on without a gap: no reading lost, and none twice. With
         * {@code sourceRepeated} a volume may arrive again under a new id: the gateway restarted, and its
         * replay transceiver plays the recording from its beginning again, as a radio hears a meter repeat.
         */
        void assertNoneLost(List<Recording.Meter> meters, List<Integer> indexes, boolean sourceRepeated) {
            Map<String, List<BigDecimal>> v = volumes();
            for (int m : indexes) {
                List<BigDecimal> got = v.getOrDefault(meters.get(m).id(), List.of());
                if (got.isEmpty()) {
                    throw new AssertionError("no reading of meter " + meters.get(m).id() + " arrived; meters seen: " + v.keySet());
                }
                List<BigDecimal> values = sourceRepeated ? new ArrayList<>(new java.util.TreeSet<>(got)) : got;
                for (int i = 0; i < values.size(); i++) {
                    if (Recording.volume(m, i).compareTo(values.get(i)) != 0) {
                        throw new AssertionError("meter " + meters.get(m).id() + ": reading " + i + " should be " + Recording.volume(m, i)
                                + " m3; around it: " + values.subList(Math.max(0, i - 3), Math.min(values.size(), i + 3)));
                    }
                }
            }
        }

        @Override
        public void close() {
            transport.disconnect(1000);
            transport.close();
        }
    }
}
