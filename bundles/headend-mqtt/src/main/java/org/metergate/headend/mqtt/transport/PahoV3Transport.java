package org.metergate.headend.mqtt.transport;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.eclipse.paho.client.mqttv3.IMqttActionListener;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttCallbackExtended;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/** {@link MqttTransport} for MQTT 3.1.1 on the Paho {@code mqttv3} client. */
final class PahoV3Transport implements MqttTransport {

    private final MqttAsyncClient client;
    private final Listener listener;
    private final Pending pending = new Pending();

    PahoV3Transport(String firstUri, String clientId, Listener listener) throws MqttTransportException {
        try {
            this.client = new MqttAsyncClient(firstUri, clientId, new MemoryPersistence());
        } catch (MqttException | IllegalArgumentException e) {
            throw new MqttTransportException("cannot create an MQTT client for " + firstUri + ": " + e.getMessage(), e);
        }
        this.listener = listener;
        client.setCallback(new MqttCallbackExtended() {
            @Override
            public void connectComplete(boolean reconnect, String serverURI) {
            }

            @Override
            public void connectionLost(Throwable cause) {
                pending.failAll(new MqttTransportException("connection lost: " + cause, cause));
                listener.connectionLost(cause);
            }

            @Override
            public void messageArrived(String topic, MqttMessage message) {
                try {
                    listener.messageArrived(new Received(topic, message.getPayload(), message.getQos(), message.isRetained(), null, null));
                } catch (RuntimeException e) {
                    // never let a listener's bug take the connection down (Paho disconnects on exceptions)
                }
            }

            @Override
            public void deliveryComplete(IMqttDeliveryToken token) {
            }
        });
    }

    @Override
    public Version version() {
        return Version.V3_1_1;
    }

    @Override
    public void connect(ConnectOptions o) throws MqttTransportException {
        MqttConnectOptions c = new MqttConnectOptions();
        c.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
        c.setServerURIs(o.serverUris().toArray(String[]::new));
        c.setCleanSession(o.cleanSession());
        c.setKeepAliveInterval(o.keepAliveSeconds());
        c.setConnectionTimeout(o.connectTimeoutSeconds());
        c.setMaxInflight(Math.max(1, o.maxInflight()));
        c.setAutomaticReconnect(false);
        if (o.username() != null && !o.username().isEmpty()) {
            c.setUserName(o.username());
        }
        if (o.password() != null && o.password().length > 0) {
            c.setPassword(o.password());
        }
        if (o.socketFactory() != null) {
            c.setSocketFactory(o.socketFactory());
            c.setHttpsHostnameVerificationEnabled(o.hostnameVerification());
        }
        if (o.will() != null) {
            c.setWill(o.will().topic(), o.will().payload(), o.will().qos(), o.will().retained());
        }
        try {
            IMqttToken t = client.connect(c);
            t.waitForCompletion((o.connectTimeoutSeconds() + 5) * 1000L);
            if (!client.isConnected()) {
                throw new MqttTransportException("MQTT connect to " + o.serverUris() + " timed out");
            }
        } catch (MqttException e) {
            throw new MqttTransportException("MQTT connect to " + o.serverUris() + " failed: " + describe(e), e);
        }
    }

    static String describe(MqttException e) {
        Throwable c = e.getCause();
        return e.getMessage() + " (reason " + e.getReasonCode() + (c == null ? "" : ", " + c) + ")";
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
        try {
            client.publish(topic, payload, qos, retained, null, new IMqttActionListener() {
                @Override
                public void onSuccess(IMqttToken token) {
                    f.complete(null);
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
        int[] q = new int[filters.size()];
        java.util.Arrays.fill(q, qos);
        try {
            IMqttToken t = client.subscribe(filters.toArray(String[]::new), q);
            t.waitForCompletion(timeoutMillis);
            int[] granted = t.getGrantedQos();
            for (int g : granted == null ? new int[0] : granted) {
                if (g == 0x80) {
                    throw new MqttTransportException("the broker refused the subscription to " + filters);
                }
            }
        } catch (MqttException e) {
            throw new MqttTransportException("subscribe to " + filters + " failed: " + describe(e), e);
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
                client.disconnectForcibly(100, 1000);
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
