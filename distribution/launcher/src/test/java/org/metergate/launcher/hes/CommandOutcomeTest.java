package org.metergate.launcher.hes;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.metergate.headend.mqtt.protocol.KuraPayload;
import org.metergate.headend.mqtt.protocol.PayloadCodec;
import org.metergate.headend.mqtt.protocol.PayloadFormat;
import org.metergate.headend.mqtt.protocol.Topics;
import org.metergate.launcher.Metergate;
import picocli.CommandLine;

/**
 * {@code hes command} against a gateway whose meter answers late: the gateway replies 202 and
 * notifies the outcome later (to the requester: COMMANDS-V1/NOTIFY/{gateway}/{kind}); the CLI waits for the
 * notification of its own request. The gateway here is a plain MQTT client on the embedded broker that
 * speaks the gateway's side of the protocol.
 */
class CommandOutcomeTest {

    static final String ACCOUNT = "acct";
    static int port;

    @BeforeAll
    static void broker() throws Exception {
        port = EmbeddedBroker.start(0);
        for (int i = 0; i < 100; i++) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (java.io.IOException notYet) {
                Thread.sleep(100);
            }
        }
        throw new IllegalStateException("embedded broker not up");
    }

    @AfterAll
    static void stop() {
        EmbeddedBroker.stop();
    }

    /** A gateway that answers every COMMANDS-V1 request 202 and, when {@code outcome} is set, notifies it 300 ms later. */
    static MqttClient lateGateway(String id, String outcome, List<KuraPayload> requests) throws Exception {
        MqttClient c = new MqttClient("tcp://127.0.0.1:" + port, id, new MemoryPersistence());
        MqttConnectOptions o = new MqttConnectOptions();
        o.setCleanSession(true);
        c.connect(o);
        c.subscribe(Topics.requestFilter(ACCOUNT, id), 1, (topic, msg) -> {
            if (!topic.contains("/EXEC/")) {
                return; // its own notifications
            }
            KuraPayload req = PayloadCodec.decode(msg.getPayload()).payload();
            requests.add(req);
            String requestId = req.string("request.id");
            String requester = req.string("requester.client.id");
            String kind = topic.substring(topic.lastIndexOf("/EXEC/") + 6, topic.lastIndexOf('/'));
            byte[] accepted = PayloadCodec.encode(new KuraPayload(Instant.now(), null,
                    Map.of("response.code", 202, "outcome", "PENDING", "detail", "still waiting for the meter"), null), PayloadFormat.JSON, false);
            new Thread(() -> {
                try {
                    c.publish(Topics.reply(ACCOUNT, requester, "COMMANDS-V1", requestId), accepted, 1, false);
                    if (outcome != null) {
                        Thread.sleep(300);
                        String notify = Topics.notification(ACCOUNT, requester, id, "COMMANDS-V1", List.of(kind));
                        // someone else's outcome first: not ours
                        c.publish(notify, PayloadCodec.encode(new KuraPayload(Instant.now(), null,
                                Map.of("request.id", "other", "response.code", 502, "outcome", "FAILED", "detail", "not this one"), null),
                                PayloadFormat.JSON, false), 1, false);
                        c.publish(notify, PayloadCodec.encode(new KuraPayload(Instant.now(), null,
                                Map.of("request.id", requestId, "response.code", 200, "outcome", outcome, "detail", "clock set"), null),
                                PayloadFormat.JSON, false), 1, false);
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }).start();
        });
        return c;
    }

    static String[] hes(String gateway, String... more) {
        List<String> a = new java.util.ArrayList<>(List.of("hes", "command", "clock", "-g", gateway, "-m", "KAM-12345678",
                "--broker", "tcp://127.0.0.1:" + port, "--account", ACCOUNT, "--timeout", "10"));
        a.addAll(List.of(more));
        return a.toArray(String[]::new);
    }

    static int run(StringWriter out, String... args) {
        CommandLine cl = new CommandLine(new Metergate());
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(out));
        return cl.execute(args);
    }

    @Test
    void aCommandAnsweredStillRunningEndsWithTheOutcomeNotifiedForThisRequest() throws Exception {
        List<KuraPayload> requests = new CopyOnWriteArrayList<>();
        MqttClient gw = lateGateway("gw-late", "DONE", requests);
        try {
            StringWriter out = new StringWriter();
            int status = run(out, hes("gw-late"));
            assertThat(out.toString()).contains("outcome DONE: clock set").doesNotContain("not this one");
            assertThat(status).isZero();
            assertThat(requests).singleElement().satisfies(r ->
                    assertThat(r.metrics()).as("the gateway answers before the CLI's 10 s run out").containsEntry("wait.s", 7L));
        } finally {
            gw.disconnect();
            gw.close();
        }
    }

    @Test
    void withoutAnOutcomeInTimeTheCommandIsReportedStillRunning() throws Exception {
        MqttClient gw = lateGateway("gw-silent", null, new CopyOnWriteArrayList<>());
        try {
            StringWriter out = new StringWriter();
            int status = run(out, hes("gw-silent", "--outcome-wait", "1"));
            assertThat(out.toString()).contains("outcome PENDING");
            assertThat(status).isEqualTo(3);
        } finally {
            gw.disconnect();
            gw.close();
        }
    }
}
