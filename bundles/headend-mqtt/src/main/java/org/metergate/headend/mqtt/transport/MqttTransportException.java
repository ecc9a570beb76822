package org.metergate.headend.mqtt.transport;

/** An MQTT operation failed: no connection, refused by the broker, timed out; the message says which. */
public class MqttTransportException extends Exception {

    private static final long serialVersionUID = 1L;

    public MqttTransportException(String message, Throwable cause) {
        super(message, cause);
    }

    public MqttTransportException(String message) {
        super(message);
    }
}
