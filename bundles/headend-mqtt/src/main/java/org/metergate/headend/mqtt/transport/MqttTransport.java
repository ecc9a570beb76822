package org.metergate.headend.mqtt.transport;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import javax.net.ssl.SSLSocketFactory;

/**
 * One MQTT client connection, MQTT 3.1.1 or 5 ({@link #create}), on Eclipse Paho. The gateway's link
 * and the operator CLI both use it. Publishing at QoS 1 completes its future when the broker's PUBACK
 * arrives (QoS 0: when written); a lost connection fails every future still open, so nothing is
 * counted as delivered that the broker has not acknowledged.
 */
public interface MqttTransport extends AutoCloseable {

    /** MQTT protocol versions. */
    enum Version {
        V3_1_1, V5;

        /** {@code 3.1.1} (also {@code 3}, {@code 4}) or {@code 5}. */
        public static Version parse(String text) {
            String t = text == null ? "" : text.trim();
            return switch (t) {
                case "3.1.1", "3", "4", "" -> V3_1_1;
                case "5", "5.0" -> V5;
                default -> throw new IllegalArgumentException("MQTT version must be 3.1.1 or 5: " + text);
            };
        }
    }

    /** A last will. */
    record Will(String topic, byte[] payload, int qos, boolean retained) {
    }

    /**
     * What to connect with.
     *
     * @param serverUris tcp://host:port or ssl://host:port, tried in order
     * @param cleanSession MQTT 3 clean session / MQTT 5 clean start with session expiry 0
     * @param sessionExpirySeconds MQTT 5: how long the broker keeps a non-clean session (ignored for 3.1.1)
     */
    record ConnectOptions(List<String> serverUris, String clientId, String username, char[] password,
                          SSLSocketFactory socketFactory, boolean hostnameVerification, int keepAliveSeconds,
                          int connectTimeoutSeconds, int maxInflight, Will will, boolean cleanSession,
                          long sessionExpirySeconds) {

        public ConnectOptions {
            serverUris = List.copyOf(serverUris);
            if (serverUris.isEmpty()) {
                throw new IllegalArgumentException("no broker URI");
            }
        }

        @Override
        public String toString() {
            return "ConnectOptions[" + serverUris + ", client " + clientId + ", user " + username + ", tls "
                    + (socketFactory != null) + "]"; // never the password
        }
    }

    /** Properties of a received message; response topic and correlation data only with MQTT 5. */
    record Received(String topic, byte[] payload, int qos, boolean retained, String responseTopic, byte[] correlationData) {
    }

    /** Callbacks, on the client's threads: keep them short. */
    interface Listener {
        void messageArrived(Received message);

        void connectionLost(Throwable cause);
    }

    static MqttTransport create(Version version, String firstUri, String clientId, Listener listener) throws MqttTransportException {
        return version == Version.V5 ? new PahoV5Transport(firstUri, clientId, listener)
                : new PahoV3Transport(firstUri, clientId, listener);
    }

    Version version();

    /** Connects, waiting up to the connect timeout; throws with the broker's or the network's reason. */
    void connect(ConnectOptions options) throws MqttTransportException;

    boolean isConnected();

    /** The URI of the broker connected to. */
    String serverUri();

    CompletableFuture<Void> publish(String topic, byte[] payload, int qos, boolean retained, String responseTopic,
                                    byte[] correlationData);

    default CompletableFuture<Void> publish(String topic, byte[] payload, int qos, boolean retained) {
        return publish(topic, payload, qos, retained, null, null);
    }

    /** Subscribes, waiting up to {@code timeoutMillis} for the SUBACK; a refused filter is an error. */
    void subscribe(List<String> filters, int qos, long timeoutMillis) throws MqttTransportException;

    /** Disconnects cleanly (the broker then does not send the will); waits up to {@code timeoutMillis}. */
    void disconnect(long timeoutMillis);

    /** Releases the client; disconnects forcibly if still connected. */
    @Override
    void close();
}
