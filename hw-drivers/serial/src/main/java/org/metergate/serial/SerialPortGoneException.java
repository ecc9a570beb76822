package org.metergate.serial;

import java.io.IOException;

/** The device behind an open serial port disappeared: unplugged, powered off, its pseudo-terminal closed. */
public class SerialPortGoneException extends IOException {

    private static final long serialVersionUID = 1L;

    public SerialPortGoneException(String message) {
        super(message);
    }
}
