package org.metergate.serial;

import java.io.IOException;

/** A serial port could not be opened: no device at the path, no permission, or in use. */
public class SerialPortUnavailableException extends IOException {

    private static final long serialVersionUID = 1L;

    public SerialPortUnavailableException(String message) {
        super(message);
    }
}
