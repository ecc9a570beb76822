package org.metergate.headend.mqtt.link;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.metergate.headend.mqtt.protocol.PayloadFormat;
import org.metergate.headend.mqtt.protocol.Topics;
import org.metergate.headend.mqtt.transport.MqttTransport;
import org.metergate.headend.security.crypto.TlsFiles;
import org.metergate.headend.security.crypto.TlsProvider;

/** A head-end link's configuration, checked: every bad value is refused with its name. */
record LinkSettings(String id, List<String> brokerUris, MqttTransport.Version version, String account, String clientId,
                    String username, char[] password, TlsFiles tls, boolean hostnameVerification, int qos, int keepAliveSeconds,
                    int connectTimeoutSeconds, Duration reconnectMin, Duration reconnectMax, int maxInflight, int batchMaxItems,
                    double ratePerSecond, int rateBurst, Duration publishTimeout, PayloadFormat format, boolean gzip,
                    boolean retainLifecycle, String displayName, String modelName, String serialNumber, int requestThreads,
                    Duration requestMemory) {

    static LinkSettings of(LinkConfig c) {
        String id = Topics.checkLevel("link id", c.metergate_headend_id().trim());
        List<String> uris = List.of(c.broker_uris()).stream().map(String::trim).filter(s -> !s.isEmpty()).toList();
        for (String u : uris) {
            if (!u.matches("(tcp|ssl|ws|wss)://[^\\s/]+(:\\d{1,5})?/?")) {
                throw new IllegalArgumentException("broker.uris: '" + u + "' is not tcp://host:port or ssl://host:port");
            }
        }
        String client = c.client_id().trim().isEmpty() ? "metergate-" + hostName() : c.client_id().trim();
        Topics.checkLevel("client.id", client);
        Topics.checkLevel("account", c.account().trim());
        TlsFiles tls = null;
        boolean anySsl = uris.stream().anyMatch(u -> u.startsWith("ssl:") || u.startsWith("wss:"));
        if (anySsl || !c.tls_ca_file().isBlank() || !c.tls_cert_file().isBlank()) {
            tls = new TlsFiles(path(c.tls_ca_file()), path(c.tls_cert_file()), path(c.tls_key_file()),
                    c.tls_key_password().isEmpty() ? null : c.tls_key_password().toCharArray(), List.of(c.tls_protocols()),
                    TlsProvider.parse(c.tls_provider()));
        }
        check(c.qos() == 0 || c.qos() == 1, "qos must be 0 or 1");
        check(c.keepalive_s() >= 0, "keepalive.s must not be negative");
        check(c.connect_timeout_s() > 0, "connect.timeout.s must be positive");
        check(c.reconnect_min_ms() > 0 && c.reconnect_max_ms() >= c.reconnect_min_ms(), "reconnect.min.ms must be positive and at most reconnect.max.ms");
        check(c.max_inflight() >= 1 && c.max_inflight() <= 65535, "max.inflight must be 1..65535");
        check(c.batch_max_items() >= 1 && c.batch_max_items() <= 10_000, "batch.max.items must be 1..10000");
        check(c.rate_messages_per_second() >= 0 && !Double.isNaN(c.rate_messages_per_second()), "rate.messages.per.second must be 0 or positive");
        check(c.rate_burst() >= 1, "rate.burst must be at least 1");
        check(c.publish_timeout_s() >= 1, "publish.timeout.s must be positive");
        check(c.request_threads() >= 1 && c.request_threads() <= 64, "request.threads must be 1..64");
        check(c.request_memory_min() >= 1, "request.memory.min must be positive");
        return new LinkSettings(id, uris, MqttTransport.Version.parse(c.mqtt_version()), c.account().trim(), client,
                c.username(), c.password().isEmpty() ? null : c.password().toCharArray(), tls, c.tls_hostname_verification(), c.qos(),
                c.keepalive_s(), c.connect_timeout_s(), Duration.ofMillis(c.reconnect_min_ms()), Duration.ofMillis(c.reconnect_max_ms()),
                c.max_inflight(), c.batch_max_items(), c.rate_messages_per_second(), c.rate_burst(),
                Duration.ofSeconds(c.publish_timeout_s()), PayloadFormat.parse(c.payload_format()), c.payload_gzip(),
                c.lifecycle_retain(), c.display_name().isBlank() ? client : c.display_name(), c.model_name(), c.serial_number(),
                c.request_threads(), Duration.ofMinutes(c.request_memory_min()));
    }

    String consumerId() {
        return "headend-" + id;
    }

    private static Path path(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        Path p = Path.of(s.trim());
        String home = System.getProperty("metergate.home");
        return p.isAbsolute() || home == null ? p : Path.of(home).resolve(p);
    }

    private static void check(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName().replaceAll("[^A-Za-z0-9._-]", "-");
        } catch (UnknownHostException e) {
            return "gateway";
        }
    }

    @Override
    public String toString() {
        return "LinkSettings[" + id + ", " + brokerUris + ", MQTT " + version + ", " + account + "/" + clientId + "]";
    }
}
