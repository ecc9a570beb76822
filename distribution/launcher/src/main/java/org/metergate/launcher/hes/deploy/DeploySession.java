package org.metergate.launcher.hes.deploy;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.metergate.headend.mqtt.protocol.KuraPayload;
import org.metergate.headend.mqtt.protocol.Metrics;
import org.metergate.headend.mqtt.protocol.PayloadCodec;
import org.metergate.headend.mqtt.protocol.PayloadException;
import org.metergate.headend.mqtt.protocol.PayloadFormat;
import org.metergate.headend.mqtt.protocol.Topics;
import org.metergate.headend.mqtt.transport.MqttTransport;

/**
 * One MQTT connection to a gateway's DEPLOY-V2 application: requests answered on this client's reply
 * topics, and the application's notifications queued as they arrive.
 */
final class DeploySession implements AutoCloseable {

    static final String APP = "DEPLOY-V2";

    private final String account;
    private final String gateway;
    private final String clientId;
    private final PayloadFormat format;
    private final boolean gzip;
    private final int timeoutSeconds;
    private final Map<String, BlockingQueue<KuraPayload>> waiting = new ConcurrentHashMap<>();
    private final BlockingQueue<KuraPayload> notifications = new LinkedBlockingQueue<>();
    private volatile boolean lost;
    private MqttTransport transport;

    DeploySession(String account, String gateway, String clientId, String format, boolean gzip, int timeoutSeconds) {
        this.account = account;
        this.gateway = gateway;
        this.clientId = clientId;
        this.format = PayloadFormat.parse(format);
        this.gzip = gzip;
        this.timeoutSeconds = timeoutSeconds;
    }

    MqttTransport.Listener listener() {
        String replyPrefix = Topics.reply(account, clientId, APP, "");
        String notifyPrefix = Topics.notification(account, clientId, gateway, APP, List.of()) + "/";
        return new MqttTransport.Listener() {
            @Override
            public void messageArrived(MqttTransport.Received m) {
                KuraPayload p;
                try {
                    p = PayloadCodec.decode(m.payload()).payload();
                } catch (PayloadException e) {
                    return;
                }
                if (m.topic().startsWith(replyPrefix)) {
                    BlockingQueue<KuraPayload> q = waiting.get(m.topic().substring(replyPrefix.length()));
                    if (q != null) {
                        q.add(p);
                    }
                } else if (m.topic().startsWith(notifyPrefix)) {
                    notifications.add(p);
                }
            }

            @Override
            public void connectionLost(Throwable cause) {
                lost = true;
            }
        };
    }

    void attach(MqttTransport t) throws Exception {
        this.transport = t;
        t.subscribe(List.of(Topics.reply(account, clientId, APP, "+"),
                Topics.notification(account, clientId, gateway, APP, List.of("#"))), 1, timeoutSeconds * 1000L);
    }

    boolean connected() {
        return !lost && transport != null && transport.isConnected();
    }

    /** A reply, or null when none came in time (or the connection was lost). */
    KuraPayload request(String verb, List<String> resource, Map<String, Object> metrics, byte[] body) throws Exception {
        String requestId = Instant.now().toEpochMilli() + "-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> m = new LinkedHashMap<>(metrics);
        m.put(Metrics.REQUEST_ID, requestId);
        m.put(Metrics.REQUESTER, clientId);
        BlockingQueue<KuraPayload> q = new LinkedBlockingQueue<>();
        waiting.put(requestId, q);
        try {
            transport.publish(Topics.request(account, gateway, APP, verb, resource),
                    PayloadCodec.encode(new KuraPayload(Instant.now(), null, m, body), format, gzip), 1, false)
                    .get(timeoutSeconds, TimeUnit.SECONDS);
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
            while (System.nanoTime() < end && !lost) {
                KuraPayload r = q.poll(100, TimeUnit.MILLISECONDS);
                if (r != null) {
                    return r;
                }
            }
            return null;
        } finally {
            waiting.remove(requestId);
        }
    }

    /** The next notification of the gateway's DEPLOY-V2, waiting up to {@code millis}; null if none. */
    KuraPayload notification(long millis) throws InterruptedException {
        return notifications.poll(millis, TimeUnit.MILLISECONDS);
    }

    static int code(KuraPayload reply) {
        Long c = reply == null ? null : reply.longValue(Metrics.RESPONSE_CODE);
        return c == null ? 0 : c.intValue();
    }

    @Override
    public void close() {
        if (transport != null) {
            try {
                transport.disconnect(1000);
            } finally {
                transport.close();
            }
        }
    }
}
