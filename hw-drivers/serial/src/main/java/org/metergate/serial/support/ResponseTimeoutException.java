package org.metergate.serial.support;

import java.io.IOException;

/** A device did not answer a command in time. */
public class ResponseTimeoutException extends IOException {

    private static final long serialVersionUID = 1L;

    public ResponseTimeoutException(String message) {
        super(message);
    }
}
