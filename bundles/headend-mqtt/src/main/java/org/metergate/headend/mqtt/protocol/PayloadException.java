package org.metergate.headend.mqtt.protocol;

/** A message payload that is not a valid JSON or Kura protobuf payload; the message says what is wrong and where. */
public class PayloadException extends Exception {

    private static final long serialVersionUID = 1L;

    public PayloadException(String message) {
        super(message);
    }

    public PayloadException(String message, Throwable cause) {
        super(message, cause);
    }
}
