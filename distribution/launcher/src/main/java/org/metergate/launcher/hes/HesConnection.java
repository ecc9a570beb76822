package org.metergate.launcher.hes;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javax.net.ssl.SSLSocketFactory;
import org.metergate.headend.mqtt.protocol.KuraPayload;
import org.metergate.headend.mqtt.protocol.Metrics;
import org.metergate.headend.mqtt.protocol.PayloadCodec;
import org.metergate.headend.mqtt.protocol.PayloadException;
import org.metergate.headend.mqtt.protocol.PayloadFormat;
import org.metergate.headend.mqtt.protocol.Topics;
import org.metergate.headend.mqtt.transport.MqttTransport;
import org.metergate.headend.mqtt.transport.MqttTransportException;
import org.metergate.headend.security.crypto.TlsContexts;
import org.metergate.headend.security.crypto.TlsFiles;
import org.metergate.headend.security.crypto.TlsProvider;
import picocli.CommandLine.Option;

/** The head-end side's connection options (a picocli mixin) and the MQTT client made from them. */
public final class HesConnection {

    @Option(names = "--broker", paramLabel = "URI", defaultValue = "tcp://127.0.0.1:1883",
            description = "Broker: tcp://host:port or ssl://host:port (default: ${DEFAULT-VALUE}, the demo's embedded broker)")
    String broker;

    @Option(names = "--account", defaultValue = "metergate", description = "Account in the topics (default: ${DEFAULT-VALUE})")
    String account;

    @Option(names = "--client-id", paramLabel = "ID", description = "This head-end's MQTT client id; the gateway maps it to a market role (default: hes-cli-<random>)")
    String clientId;

    @Option(names = "--username", description = "MQTT user name")
    String username;

    @Option(names = "--password", description = "MQTT password (or environment METERGATE_MQTT_PASSWORD)", arity = "0..1", interactive = true)
    char[] password;

    @Option(names = "--ca", paramLabel = "PEM", description = "CA certificates that sign the broker's certificate")
    Path ca;

    @Option(names = "--cert", paramLabel = "PEM", description = "Client certificate (chain)")
    Path cert;

    @Option(names = "--key", paramLabel = "PEM", description = "Client private key")
    Path key;

    @Option(names = "--tls-provider", paramLabel = "NAME", defaultValue = "auto",
            description = "TLS implementation: auto (Bouncy Castle for brainpool certificates), jdk or bouncycastle (default: ${DEFAULT-VALUE})")
    String tlsProvider;

    @Option(names = "--insecure-hostname", description = "Do not check the broker certificate's host name")
    boolean noHostnameCheck;

    @Option(names = "--mqtt", paramLabel = "VERSION", defaultValue = "3.1.1", description = "MQTT version: 3.1.1 or 5 (default: ${DEFAULT-VALUE})")
    String mqtt;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "json", description = "Request payloads: json or kura-protobuf (default: ${DEFAULT-VALUE})")
    String format;

    @Option(names = "--gzip", description = "gzip request payloads")
    boolean gzip;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "15", description = "How long to wait for answers (default: ${DEFAULT-VALUE} s)")
    int timeoutSeconds;

    public String clientId() {
        if (clientId == null || clientId.isBlank()) {
            clientId = "hes-cli-" + UUID.randomUUID().toString().substring(0, 8);
        }
        return clientId;
    }

    /** Connects; {@code session} non-null: a persistent session under that client id (messages kept while away). */
    MqttTransport connect(String session, Consumer<MqttTransport.Received> onMessage) throws Exception {
        String id = session != null ? session : clientId();
        return open(id, new MqttTransport.Listener() {
            @Override
            public void messageArrived(MqttTransport.Received m) {
                onMessage.accept(m);
            }

            @Override
            public void connectionLost(Throwable cause) {
                onMessage.accept(null);
            }
        }, session == null, 86_400);
    }

    /**
     * Opens an MQTT connection with these options: TLS from the PEM files when given, the password
     * from the option or {@code METERGATE_MQTT_PASSWORD}. Other head-end commands (deploy) use it too.
     */
    public MqttTransport open(String id, MqttTransport.Listener listener, boolean cleanSession, int sessionExpirySeconds)
            throws Exception {
        Topics.checkLevel("client id", id);
        SSLSocketFactory sf = null;
        if (broker.startsWith("ssl:") || ca != null || cert != null) {
            TlsFiles files = new TlsFiles(ca, cert, key, null, TlsFiles.DEFAULT_PROTOCOLS, TlsProvider.parse(tlsProvider));
            sf = TlsContexts.socketFactory(TlsContexts.client(files), files.protocols());
        }
        char[] pw = password;
        if ((pw == null || pw.length == 0) && System.getenv("METERGATE_MQTT_PASSWORD") != null) {
            pw = System.getenv("METERGATE_MQTT_PASSWORD").toCharArray();
        }
        MqttTransport t = MqttTransport.create(MqttTransport.Version.parse(mqtt), broker, id, listener);
        try {
            t.connect(new MqttTransport.ConnectOptions(List.of(broker), id, username, pw, sf, !noHostnameCheck, 30,
                    Math.max(1, timeoutSeconds), 100, null, cleanSession, sessionExpirySeconds));
        } catch (Exception e) {
            t.close();
            throw e;
        }
        return t;
    }

    public String account() {
        return account;
    }

    public String format() {
        return format;
    }

    public boolean gzip() {
        return gzip;
    }

    public int timeoutSeconds() {
        return timeoutSeconds;
    }

    /** A request and its reply. */
    record Exchange(String requestId, String topic, KuraPayload reply) {
        int code() {
            Long c = reply.longValue(Metrics.RESPONSE_CODE);
            return c == null ? 0 : c.intValue();
        }
    }

    /**
     * Sends one request to a gateway's application and waits for the reply; the request id is fresh and
     * {@code metrics} gets {@code request.id} and {@code requester.client.id}. {@code sign} may add
     * signature metrics (it sees the final metrics and body).
     */
    Exchange request(String gateway, String app, String verb, List<String> resource, Map<String, Object> metrics, byte[] body,
                     Signer sign) throws Exception {
        return request(gateway, app, verb, resource, metrics, body, sign, null, 0);
    }

    /**
     * As {@link #request(String, String, String, List, Map, byte[], Signer)}; when the gateway answers
     * 202 (accepted, still running), waits up to {@code followSeconds} for the application's
     * notification of the outcome to this client, {@code {app}/NOTIFY/{gateway}/{notifyResource}} (matched by {@code request.id}), and
     * that outcome becomes the exchange's reply.
     */
    Exchange request(String gateway, String app, String verb, List<String> resource, Map<String, Object> metrics, byte[] body,
                     Signer sign, List<String> notifyResource, long followSeconds) throws Exception {
        Topics.checkLevel("gateway", gateway);
        String requestId = Instant.now().toEpochMilli() + "-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> m = new LinkedHashMap<>(metrics);
        m.put(Metrics.REQUEST_ID, requestId);
        m.put(Metrics.REQUESTER, clientId());
        if (sign != null) {
            m = sign.sign(account, gateway, app, verb, resource, m, body);
        }
        BlockingQueue<MqttTransport.Received> replies = new LinkedBlockingQueue<>();
        BlockingQueue<MqttTransport.Received> notes = new LinkedBlockingQueue<>();
        String replyTopic = Topics.reply(account, clientId(), app, requestId);
        String notifyTopic = notifyResource == null ? null : Topics.notification(account, clientId(), gateway, app, notifyResource);
        try (MqttTransport t = connect(null, msg -> {
            if (msg != null && msg.topic().equals(replyTopic)) {
                replies.add(msg);
            } else if (msg != null && msg.topic().equals(notifyTopic)) {
                notes.add(msg);
            }
        })) {
            // subscribed before the request goes out, so that an outcome cannot slip past
            t.subscribe(notifyTopic == null ? List.of(replyTopic) : List.of(replyTopic, notifyTopic), 1, timeoutSeconds * 1000L);
            PayloadFormat f = PayloadFormat.parse(format);
            t.publish(Topics.request(account, gateway, app, verb, resource),
                    PayloadCodec.encode(new KuraPayload(Instant.now(), null, m, body), f, gzip), 1, false).get(timeoutSeconds, TimeUnit.SECONDS);
            MqttTransport.Received r = replies.poll(timeoutSeconds, TimeUnit.SECONDS);
            if (r == null) {
                throw new MqttTransportException("no reply from gateway " + gateway + " (" + app + ") within " + timeoutSeconds
                        + " s: is it connected to " + broker + " with account " + account + "?");
            }
            Exchange x;
            try {
                x = new Exchange(requestId, replyTopic, PayloadCodec.decode(r.payload()).payload());
            } catch (PayloadException e) {
                throw new MqttTransportException("the reply is not a valid payload: " + e.getMessage());
            }
            if (notifyTopic != null && x.code() == 202) {
                x = outcome(x, notes, followSeconds);
            }
            t.disconnect(1000);
            return x;
        }
    }

    /** The notification that carries the outcome of {@code accepted}'s request, or {@code accepted} when none came in time. */
    private static Exchange outcome(Exchange accepted, BlockingQueue<MqttTransport.Received> notes, long followSeconds)
            throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(followSeconds);
        for (long left = end - System.nanoTime(); left > 0; left = end - System.nanoTime()) {
            MqttTransport.Received n = notes.poll(left, TimeUnit.NANOSECONDS);
            if (n == null) {
                break;
            }
            try {
                KuraPayload p = PayloadCodec.decode(n.payload()).payload();
                if (accepted.requestId().equals(p.string(Metrics.REQUEST_ID))) {
                    return new Exchange(accepted.requestId(), n.topic(), p);
                }
            } catch (PayloadException e) {
                // not a notification we understand: keep waiting for ours
            }
        }
        return accepted;
    }

    /** Adds signature metrics to a request. */
    interface Signer {
        Map<String, Object> sign(String account, String gateway, String app, String verb, List<String> resource,
                                 Map<String, Object> metrics, byte[] body) throws Exception;
    }

    Duration timeout() {
        return Duration.ofSeconds(timeoutSeconds);
    }

    static List<String> path(String resource) {
        List<String> out = new ArrayList<>();
        for (String s : resource.split("/")) {
            if (!s.isEmpty()) {
                out.add(s);
            }
        }
        return out;
    }
}
