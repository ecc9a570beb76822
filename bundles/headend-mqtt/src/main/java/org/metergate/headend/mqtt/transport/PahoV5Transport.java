package org.metergate.headend.mqtt.transport;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttActionListener;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;

/** {@link MqttTransport} for MQTT 5 on the Paho {@code mqttv5} client (response topic and correlation data). */
final class PahoV5Transport implements MqttTransport {

    private final MqttAsyncClient client;
    private final Pending pending = new Pending();

    PahoV5Transport(String firstUri, String clientId, Listener listener) throws MqttTransportException {
        try {
            this.client = new MqttAsyncClient(firstUri, clientId, new MemoryPersistence());
        } catch (MqttException | IllegalArgumentException e) {
            throw new MqttTransportException("cannot create an MQTT 5 client for " + firstUri + ": " + e.getMessage(), e);
        }
        client.setCallback(new MqttCallback() {
            @Override
            public void disconnected(MqttDisconnectResponse response) {
                Throwable cause = response.getException() != null ? response.getException()
                        : new MqttTransportException("disconnected by the broker, reason " + response.getReturnCode());
                pending.failAll(new MqttTransportException("connection lost: " + cause, cause));
                listener.connectionLost(cause);
            }

            @Override
            public void mqttErrorOccurred(MqttException exception) {
            }

            @Override
            public void messageArrived(String topic, MqttMessage message) {
                MqttProperties p = message.getProperties();
                try {
                    listener.messageArrived(new Received(topic, message.getPayload(), message.getQos(), message.isRetained(),
                            p == null ? null : p.getResponseTopic(), p == null ? null : p.getCorrelationData()));
                } catch (RuntimeException e) {
                    // never let a listener's bug take the connection down
                }
            }

            @Override
            public void deliveryComplete(IMqttToken token) {
            }

            @Override
            public void connectComplete(boolean reconnect, String serverURI) {
            }

            @Override
            public void authPacketArrived(int reasonCode, MqttProperties properties) {
            }
        });
    }

    @Override
    public Version version() {
        return Version.V5;
    }

    @Override
    public void connect(ConnectOptions o) throws MqttTransportException {
        MqttConnectionOptions c = new MqttConnectionOptions();
        c.setServerURIs(o.serverUris().toArray(String[]::new));
        c.setCleanStart(o.cleanSession());
        c.setSessionExpiryInterval(o.cleanSession() ? 0L : o.sessionExpirySeconds());
        c.setKeepAliveInterval(o.keepAliveSeconds());
        c.setConnectionTimeout(o.connectTimeoutSeconds());
        c.setAutomaticReconnect(false);
        if (o.username() != null && !o.username().isEmpty()) {
            c.setUserName(o.username());
        }
        if (o.password() != null && o.password().length > 0) {
            c.setPassword(new String(o.password()).getBytes(StandardCharsets.UTF_8));
        }
        if (o.socketFactory() != null) {
            c.setSocketFactory(o.socketFactory());
            c.setHttpsHostnameVerificationEnabled(o.hostnameVerification());
        }
        if (o.will() != null) {
            MqttMessage will = new MqttMessage(o.will().payload());
            will.setQos(o.will().qos());
            will.setRetained(o.will().retained());
            c.setWill(o.will().topic(), will);
        }
        try {
            IMqttToken t = client.connect(c);
            t.waitForCompletion((o.connectTimeoutSeconds() + 5) * 1000L);
            if (!client.isConnected()) {
                throw new MqttTransportException("MQTT 5 connect to " + o.serverUris() + " timed out");
            }
        } catch (MqttException e) {
            throw new MqttTransportException("MQTT 5 connect to " + o.serverUris() + " failed: " + e.getMessage()
                    + " (reason " + e.getReasonCode() + (e.getCause() == null ? "" : ", " + e.getCause()) + ")", e);
        }
    }

    @Override
    public boolean isConnected() {
        return client.isConnected();
    }

    @Override
    public String serverUri() {
        return client.getCurrentServerURI();
    }

    @Override
    public CompletableFuture<Void> publish(String topic, byte[] payload, int qos, boolean retained, String responseTopic,
                                           byte[] correlationData) {
        CompletableFuture<Void> f = pending.track(new CompletableFuture<>());
        MqttProperties props = new MqttProperties();
        if (responseTopic != null) {
            props.setResponseTopic(responseTopic);
        }
        if (correlationData != null) {
            props.setCorrelationData(correlationData);
        }
        MqttMessage m = new MqttMessage(payload, qos, retained, props);
        try {
            client.publish(topic, m, null, new MqttActionListener() {
                @Override
                public void onSuccess(IMqttToken token) {
                    int[] codes = token.getReasonCodes();
                    if (codes != null && codes.length > 0 && codes[0] >= 0x80) {
                        f.completeExceptionally(new MqttTransportException("the broker refused the message to " + topic
                                + " (reason code " + codes[0] + ")"));
                    } else {
                        f.complete(null);
                    }
                }

                @Override
                public void onFailure(IMqttToken token, Throwable e) {
                    f.completeExceptionally(new MqttTransportException("publish to " + topic + " failed: " + e, e));
                }
            });
        } catch (MqttException | RuntimeException e) {
            f.completeExceptionally(new MqttTransportException("publish to " + topic + " failed: " + e, e));
        }
        return f;
    }

    @Override
    public void subscribe(List<String> filters, int qos, long timeoutMillis) throws MqttTransportException {
        MqttSubscription[] subs = filters.stream().map(f -> new MqttSubscription(f, qos)).toArray(MqttSubscription[]::new);
        try {
            IMqttToken t = client.subscribe(subs);
            t.waitForCompletion(timeoutMillis);
            for (int code : t.getReasonCodes() == null ? new int[0] : t.getReasonCodes()) {
                if (code >= 0x80) {
                    throw new MqttTransportException("the broker refused the subscription to " + filters + " (reason code " + code + ")");
                }
            }
        } catch (MqttException e) {
            throw new MqttTransportException("subscribe to " + filters + " failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void disconnect(long timeoutMillis) {
        try {
            if (client.isConnected()) {
                client.disconnect(timeoutMillis).waitForCompletion(timeoutMillis + 1000);
            }
        } catch (MqttException e) {
            // closing anyway
        }
    }

    @Override
    public void close() {
        try {
            if (client.isConnected()) {
                client.disconnectForcibly(100, 1000, false);
            }
        } catch (MqttException e) {
            // closing anyway
        }
        try {
            client.close();
        } catch (MqttException e) {
            // released as far as it goes
        }
        pending.failAll(new MqttTransportException("client closed"));
    }
}
