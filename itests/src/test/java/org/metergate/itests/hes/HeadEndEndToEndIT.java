package org.metergate.itests.hes;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.Assume;
import org.junit.BeforeClass;
import org.junit.Test;
import org.metergate.headend.mqtt.protocol.PayloadCodec;
import org.metergate.headend.mqtt.protocol.PayloadFormat;
import org.metergate.headend.security.crypto.EcKeys;
import org.metergate.headend.security.crypto.Pem;

/**
 * The G interface end to end, as operators run it: the demo gateway ({@code bin/metergate run}, a process)
 * with generated continuous traffic, Debian's mosquitto started here on free loopback ports, and the
 * operator CLI ({@code bin/metergate hes}, processes). Skipped when mosquitto is not installed.
 */
public class HeadEndEndToEndIT {

    private static final Path HOME = Path.of(System.getProperty("metergate.home", "../distribution/target/metergate"));
    private static final Path BIN = HOME.resolve("bin/metergate");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String LINK = "org.metergate.headend.mqtt~demo";

    @BeforeClass
    public static void needsMosquitto() {
        Mosquitto.assumeInstalled();
    }

    private static List<String> cmd(String... args) {
        List<String> c = new ArrayList<>(List.of(BIN.toString()));
        c.addAll(List.of(args));
        return c;
    }

    private static Proc gateway(Path data, String broker, Path replay, String operatorKey, String... extra) throws Exception {
        List<String> c = cmd("run", "--data", data.toString(),
                "--set", LINK + ":broker.uris=" + broker, "--set", LINK + ":account=itest", "--set", LINK + ":client.id=gw-it",
                "--set", LINK + ":reconnect.max.ms=1000",
                "--set", "org.metergate.driver.replay~demo:file=" + replay, "--set", "org.metergate.driver.replay~demo:speed=1.0",
                "--set", "org.metergate.headend.security:operator.keys=METER_SITE_OPERATOR:" + operatorKey);
        c.addAll(List.of(extra));
        Proc p = new Proc(c);
        p.await("gateway up", 60, l -> l.stream().anyMatch(s -> s.startsWith("metergate up in")));
        return p;
    }

    private static boolean gwItOnline(String jsonLine) {
        return jsonLine.contains("\"gateway\":\"gw-it\"") && jsonLine.contains("\"state\":\"online\"");
    }

    /** Readings and events seen by a JSON watch: id -> content, first-arrival order. */
    private static Map<Long, String> items(Proc watch, List<Long> arrival) throws Exception {
        Map<Long, String> byId = new LinkedHashMap<>();
        arrival.clear();
        for (String l : watch.snapshot()) {
            if (!l.startsWith("{")) {
                continue;
            }
            JsonNode n = JSON.readTree(l);
            long id = n.get("id").asLong();
            String content = n.get("kind").asText().equals("reading")
                    ? Traffic.key(n.get("meter").asText(), n.get("value").decimalValue()) : n.get("type").asText() + "|" + n.get("meter").asText();
            String earlier = byId.putIfAbsent(id, content);
            assertTrue("a duplicate carries the same id and content: " + id + " " + earlier + " vs " + content,
                    earlier == null || earlier.equals(content));
            if (earlier == null) {
                arrival.add(id);
            }
        }
        return byId;
    }

    /** Waits until the watch has shown every one of {@code expected}; {@code arrival} gets the ids in order. */
    private static void awaitReadings(Proc watch, String what, long seconds, List<String> expected, List<Long> arrival) throws Exception {
        watch.await(what, seconds, l -> {
            try {
                return readings(items(watch, arrival)).containsAll(expected);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private static Set<String> readings(Map<Long, String> byId) {
        Set<String> r = new HashSet<>();
        byId.values().stream().filter(v -> v.startsWith("MGT-")).forEach(r::add);
        return r;
    }

    private static void assertOrderedPerMeter(Map<Long, String> byId, List<Long> arrival) {
        Map<String, Long> last = new HashMap<>();
        for (long id : arrival) {
            String meter = byId.get(id).split("\\|")[0];
            Long before = last.put(meter, id);
            assertTrue("in journal order per meter: " + id + " after " + before, before == null || before < id);
        }
    }

    @Test
    public void readingsSurviveABrokerOutageAndAKilledGatewayAndCommandsAreGuarded() throws Exception {
        Path dir = Files.createTempDirectory("metergate-hes-it-");
        Pki pki = new Pki("Metergate IT CA");
        Path ca = pki.writeCa(dir);
        Path[] server = pki.issue(dir, "broker", "localhost", true);
        KeyPair operator = EcKeys.generate("secp256r1");
        Path opKey = dir.resolve("operator.pem");
        Path opPub = dir.resolve("operator.pub.pem");
        Files.writeString(opKey, Pem.text(operator.getPrivate()));
        Files.writeString(opPub, Pem.text(operator.getPublic()));
        Path a = dir.resolve("a.replay");
        List<String> expectedA = Traffic.write(a, 0, 45);
        Path data = dir.resolve("data");

        try (Mosquitto broker = new Mosquitto(dir, ca, server[0], server[1]);
             Proc watch = new Proc(cmd("hes", "watch", "--broker", broker.plain(), "--account", "itest", "--session", "hes-watch-it", "--json"))) {
            Thread.sleep(1500); // the watch's persistent session exists before data flows
            Proc gw = gateway(data, broker.plain(), a, opPub.toString());
            try {
                // 1. the CLI sees the readings
                watch.await("first readings at the CLI", 30, l -> l.stream().anyMatch(s -> s.contains("\"kind\":\"reading\"")));

                // 2. the broker stopped for 30 s while telegrams flow, then restarted: every reading arrives
                broker.stop();
                Thread.sleep(30_000);
                broker.start();
                List<Long> arrival = new ArrayList<>();
                awaitReadings(watch, "every reading of the traffic after the outage", 90, expectedA, arrival);
                Map<Long, String> seen = items(watch, arrival);
                assertEquals(new TreeSet<>(expectedA), new TreeSet<>(readings(seen)));
                assertOrderedPerMeter(seen, arrival);

                // 3. actuator commands: an unauthorised role, an unsigned and a foreign-signed command are refused
                String meter = Traffic.meter(0).meterId().toString();
                Proc consumer = new Proc(cmd("hes", "command", "actuator", "--broker", broker.plain(), "--account", "itest", "-g", "gw-it",
                        "-m", meter, "--actuator", "breaker", "--action", "disconnect", "--client-id", "consumer-1", "--json"));
                assertExit(1, consumer);
                assertTrue(consumer.snapshot().toString(), consumer.snapshot().toString().contains("\"code\":403"));
                Proc unsigned = new Proc(cmd("hes", "command", "actuator", "--broker", broker.plain(), "--account", "itest", "-g", "gw-it",
                        "-m", meter, "--actuator", "breaker", "--action", "disconnect", "--client-id", "hes-op", "--json"));
                assertExit(1, unsigned);
                assertTrue(unsigned.snapshot().toString(), unsigned.snapshot().toString().contains("carries no operator signature"));
                Path rogue = dir.resolve("rogue.pem");
                Files.writeString(rogue, Pem.text(EcKeys.generate("secp256r1").getPrivate()));
                Proc foreign = new Proc(cmd("hes", "command", "actuator", "--broker", broker.plain(), "--account", "itest", "-g", "gw-it",
                        "-m", meter, "--actuator", "breaker", "--action", "disconnect", "--client-id", "hes-op", "--sign-key", rogue.toString(), "--json"));
                assertExit(1, foreign);
                assertTrue(foreign.snapshot().toString(), foreign.snapshot().toString().contains("is not a trusted operator key"));
                Proc signed = new Proc(cmd("hes", "command", "actuator", "--broker", broker.plain(), "--account", "itest", "-g", "gw-it",
                        "-m", meter, "--actuator", "breaker", "--action", "disconnect", "--client-id", "hes-op", "--sign-key", opKey.toString(), "--json"));
                signed.exit();
                String signedOut = signed.snapshot().toString();
                assertTrue(signedOut, signedOut.contains("\"outcome\":\"UNREACHABLE\"")); // authorised; the demo has no link that sends to meters
                assertNotEquals(signedOut, true, signedOut.contains("\"code\":403"));
                watch.await("three COMMAND_REFUSED events pushed", 20, l -> l.stream().filter(s -> s.contains("COMMAND_REFUSED")).count() >= 3);
            } finally {
                gw.close();
            }

            // 4. the gateway killed with kill -9 mid-flow and restarted: nothing journaled is lost
            Path b = dir.resolve("b.replay");
            Traffic.write(b, 60, 20);
            Proc gw2 = gateway(data, broker.plain(), b, opPub.toString());
            Thread.sleep(8000);
            gw2.signal("KILL");
            gw2.process.waitFor();
            Path c = dir.resolve("c.replay");
            List<String> expectedC = Traffic.write(c, 100, 8);
            Proc gw3 = gateway(data, broker.plain(), c, opPub.toString());
            try {
                List<Long> arrival = new ArrayList<>();
                awaitReadings(watch, "the traffic after the restart", 60, expectedC, arrival);
                Thread.sleep(2000);
                Map<Long, String> seen = items(watch, arrival);
                long max = seen.keySet().stream().mapToLong(Long::longValue).max().orElseThrow();
                List<Long> missing = new ArrayList<>();
                for (long id = 0; id <= max; id++) {
                    if (!seen.containsKey(id)) {
                        missing.add(id);
                    }
                }
                assertEquals("every journal entry reached the head-end (ids are journal sequences)", List.of(), missing);
                assertOrderedPerMeter(seen, arrival);
                assertTrue("readings of the killed run arrived", seen.values().stream().anyMatch(v -> v.endsWith("|1000.06")));
            } finally {
                gw3.signal("TERM");
                gw3.process.waitFor();
                gw3.close();
            }
        }
    }

    /**
     * MQTT 5 with Kura protobuf payloads, gzipped: what the broker carries is checked byte for byte
     * (a second subscriber records every message), and the CLI reads pushes, births and replies.
     */
    @Test
    public void mqtt5WithGzippedKuraProtobufPayloads() throws Exception {
        Assume.assumeTrue("mosquitto_sub is not installed (apt-get install mosquitto-clients)", Files.isExecutable(Path.of("/usr/bin/mosquitto_sub")));
        Path dir = Files.createTempDirectory("metergate-hes-mqtt5-it-");
        Pki pki = new Pki("Metergate IT CA");
        Path ca = pki.writeCa(dir);
        Path[] server = pki.issue(dir, "broker", "localhost", true);
        Path replay = dir.resolve("p.replay");
        List<String> expected = Traffic.write(replay, 200, 6);
        String[] v5 = {"--broker", null, "--account", "itest", "--mqtt", "5"};
        try (Mosquitto broker = new Mosquitto(dir, ca, server[0], server[1])) {
            v5[1] = broker.plain();
            try (Proc wire = new Proc(List.of("mosquitto_sub", "-h", "127.0.0.1", "-p", String.valueOf(broker.plainPort), "-V", "mqttv5",
                    "-t", "itest/#", "-t", "$EDC/itest/#", "-F", "%t %x"));
                 Proc watch = new Proc(cmd(concat(new String[] {"hes", "watch", "--json"}, v5)))) {
                Thread.sleep(1500);
                Path opPub = dir.resolve("operator.pub.pem");
                Files.writeString(opPub, Pem.text(EcKeys.generate("secp256r1").getPublic()));
                Proc gw = gateway(dir.resolve("data"), broker.plain(), replay, opPub.toString(),
                        "--set", LINK + ":mqtt.version=5", "--set", LINK + ":payload.format=kura-protobuf", "--set", LINK + ":payload.gzip=true");
                try {
                    List<Long> arrival = new ArrayList<>();
                    awaitReadings(watch, "every reading over MQTT 5", 60, expected, arrival);
                    Proc gateways = new Proc(cmd(concat(new String[] {"hes", "gateways", "--json"}, v5)));
                    assertExit(0, gateways);
                    assertTrue(gateways.snapshot().toString(), gateways.snapshot().stream().anyMatch(HeadEndEndToEndIT::gwItOnline));
                    String meter = Traffic.meter(0).meterId().toString(); // installed: the demo runs in installation mode
                    Proc read = new Proc(cmd(concat(new String[] {"hes", "readings", "-g", "gw-it", "-m", meter, "--json",
                            "--format", "kura-protobuf", "--gzip"}, v5)));
                    assertExit(0, read);
                    assertTrue(read.snapshot().toString(), read.snapshot().toString().contains("\"code\":200"));
                    assertTrue(read.snapshot().toString(), read.snapshot().toString().contains("\"quantity\":\"volume\""));
                } finally {
                    gw.close();
                }
                wire.await("the reply on the wire", 10, l -> l.stream().anyMatch(x -> x.contains("/REPLY/")));
                Map<String, Integer> kinds = new TreeMap<>();
                for (String line : wire.snapshot()) {
                    int sp = line.indexOf(' ');
                    String topic = line.substring(0, sp);
                    PayloadCodec.Decoded d = PayloadCodec.decode(HexFormat.of().parseHex(line.substring(sp + 1)));
                    String kind = topic.contains("/MQTT/BIRTH") ? "birth" : topic.contains("/MQTT/") ? "lifecycle"
                            : topic.contains("/REPLY/") ? "reply" : topic.startsWith("itest/gw-it/") ? "push"
                            : topic.startsWith("$EDC/itest/gw-it/") ? "request" : "other";
                    assertEquals(topic, PayloadFormat.KURA_PROTOBUF, d.format());
                    assertTrue(topic, d.gzipped());
                    kinds.merge(kind, 1, Integer::sum);
                }
                assertTrue(kinds.toString(), kinds.getOrDefault("birth", 0) >= 1 && kinds.getOrDefault("push", 0) >= 1
                        && kinds.getOrDefault("request", 0) == 1 && kinds.getOrDefault("reply", 0) == 1);
            }
        }
        String log = Files.readString(dir.resolve("mosquitto.log"));
        assertTrue("the gateway connected with MQTT 5 (p5): " + log, log.matches("(?s).*as gw-it \\(p5,.*"));
    }

    /** The process ends with {@code status}; its whole output is the message otherwise. */
    private static void assertExit(int status, Proc p) throws InterruptedException {
        int actual = p.exit();
        assertEquals(p.snapshot().toString(), status, actual);
    }

    private static String[] concat(String[] a, String[] b) {
        String[] r = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }

    @Test
    public void tlsWithClientCertificatesAndAWrongCertificateIsRefused() throws Exception {
        tls("secp256r1");
    }

    /** Brainpool certificates (RFC 7027), as German and Austrian metering PKIs issue them: Bouncy Castle's TLS. */
    @Test
    public void tlsWithBrainpoolCertificates() throws Exception {
        tls("brainpoolP256r1");
    }

    /**
     * Gateway and CLI reach each other through the broker's TLS listener with client certificates on
     * {@code curve}; a client certificate from another CA is refused.
     */
    private void tls(String curve) throws Exception {
        Path dir = Files.createTempDirectory("metergate-hes-tls-it-");
        Pki pki = new Pki("Metergate TLS CA", curve);
        Path ca = pki.writeCa(dir);
        Path[] server = pki.issue(dir, "broker", "localhost", true);
        Path[] gwCert = pki.issue(dir, "gateway", "gw-tls", false);
        Path[] hesCert = pki.issue(dir, "hes", "hes-tls", false);
        Path[] wrong = new Pki("Rogue CA", curve).issue(dir, "rogue", "hes-tls", false);
        Path replay = dir.resolve("t.replay");
        Traffic.write(replay, 0, 5);
        try (Mosquitto broker = new Mosquitto(dir, ca, server[0], server[1], curve.startsWith("brainpool"))) {
            Proc gw = gateway(dir.resolve("data"), broker.tls(), replay, dir.resolve("none.pem").toString(),
                    "--set", LINK + ":tls.ca.file=" + ca, "--set", LINK + ":tls.cert.file=" + gwCert[0], "--set", LINK + ":tls.key.file=" + gwCert[1]);
            try {
                Proc gateways = null;
                for (int i = 0; i < 20; i++) {
                    gateways = new Proc(cmd("hes", "gateways", "--broker", broker.tls(), "--account", "itest", "--ca", ca.toString(),
                            "--cert", hesCert[0].toString(), "--key", hesCert[1].toString(), "--json"));
                    assertExit(0, gateways);
                    if (gateways.snapshot().stream().anyMatch(HeadEndEndToEndIT::gwItOnline)) {
                        break;
                    }
                }
                assertTrue(gateways.snapshot().toString(), gateways.snapshot().stream().anyMatch(HeadEndEndToEndIT::gwItOnline));
                Proc refused = new Proc(cmd("hes", "gateways", "--broker", broker.tls(), "--account", "itest", "--ca", ca.toString(),
                        "--cert", wrong[0].toString(), "--key", wrong[1].toString()));
                assertNotEquals(0, refused.exit());
                assertTrue(refused.snapshot().toString(), refused.snapshot().toString().contains("connect to [ssl://127.0.0.1:" + broker.tlsPort + "] failed"));
            } finally {
                gw.close();
            }
        }
    }
}
