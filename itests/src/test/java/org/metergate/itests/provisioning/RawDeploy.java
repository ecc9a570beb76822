package org.metergate.itests.provisioning;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.metergate.headend.mqtt.protocol.KuraPayload;
import org.metergate.headend.mqtt.protocol.PayloadCodec;
import org.metergate.headend.mqtt.protocol.PayloadFormat;
import org.metergate.headend.mqtt.protocol.Topics;
import org.metergate.headend.mqtt.transport.MqttTransport;
import org.metergate.pkg.Digests;

/**
 * A head-end speaking DEPLOY-V2 directly (EXEC/download, PUT/download chunks, GET/jobs), for what the
 * operator's CLI refuses to do: send bytes that are not a readable package.
 */
final class RawDeploy {

    private RawDeploy() {
    }

    /** Sends {@code file} as a package and waits for its job to end; returns the job's last metrics. */
    static JsonNode send(EndToEnd.Broker broker, String gateway, Path file, String job) throws Exception {
        byte[] data = Files.readAllBytes(file);
        BlockingQueue<KuraPayload> replies = new LinkedBlockingQueue<>();
        String client = EndToEnd.OPERATOR + "-raw";
        MqttTransport t = MqttTransport.create(MqttTransport.Version.V3_1_1, broker.uri(), client, new MqttTransport.Listener() {
            @Override
            public void messageArrived(MqttTransport.Received m) {
                try {
                    replies.add(PayloadCodec.decode(m.payload()).payload());
                } catch (Exception ignored) {
                    // not a payload
                }
            }

            @Override
            public void connectionLost(Throwable cause) {
                // the test fails on the missing reply
            }
        });
        try {
            t.connect(new MqttTransport.ConnectOptions(List.of(broker.uri()), client, null, null, null, true, 30, 10, 100, null, true, 0));
            t.subscribe(List.of(Topics.reply(EndToEnd.ACCOUNT, client, "DEPLOY-V2", "+")), 1, 10_000);
            KuraPayload r = request(t, replies, client, gateway, "EXEC", List.of("download"), Map.of("job.id", job,
                    "dp.download.size", (long) data.length, "dp.download.hash", "SHA-256:" + Digests.sha256Hex(data)), null);
            for (int off = 0; off < data.length; off += 4096) {
                r = request(t, replies, client, gateway, "PUT", List.of("download"),
                        Map.of("dp.job.id", job, "dp.download.offset", (long) off), Arrays.copyOfRange(data, off, Math.min(data.length, off + 4096)));
            }
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (System.nanoTime() < until) {
                r = request(t, replies, client, gateway, "GET", List.of("jobs", job), Map.of(), null);
                String status = r.string("job.status");
                if (status != null && JobStates.TERMINAL.contains(status)) {
                    return EndToEnd.JSON.valueToTree(r.metrics());
                }
                Thread.sleep(300);
            }
            throw new AssertionError("job " + job + " did not end: " + r.metrics());
        } finally {
            t.disconnect(1000);
            t.close();
        }
    }

    private static KuraPayload request(MqttTransport t, BlockingQueue<KuraPayload> replies, String client, String gateway, String verb,
                                       List<String> resource, Map<String, Object> metrics, byte[] body) throws Exception {
        String id = "raw-" + System.nanoTime();
        Map<String, Object> m = new LinkedHashMap<>(metrics);
        m.put("request.id", id);
        m.put("requester.client.id", client);
        replies.clear();
        t.publish(Topics.request(EndToEnd.ACCOUNT, gateway, "DEPLOY-V2", verb, resource),
                PayloadCodec.encode(new KuraPayload(Instant.now(), null, m, body), PayloadFormat.JSON, false), 1, false).get(10, TimeUnit.SECONDS);
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (System.nanoTime() < until) {
            KuraPayload r = replies.poll(100, TimeUnit.MILLISECONDS);
            if (r != null && id.equals(r.string("request.id"))) {
                return r;
            }
        }
        throw new AssertionError("no reply to " + verb + " " + resource);
    }

    /** The terminal job states. */
    static final class JobStates {
        static final java.util.Set<String> TERMINAL = java.util.Set.of("COMPLETED", "FAILED", "ROLLED_BACK");

        private JobStates() {
        }
    }
}
