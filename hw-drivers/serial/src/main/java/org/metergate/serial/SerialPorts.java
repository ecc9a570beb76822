package org.metergate.serial;

import java.io.IOException;
import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/** Opens serial ports. One service per gateway; each driver opens the port its configuration names. */
@ProviderType
public interface SerialPorts {

    /**
     * Opens the port at {@code path}. Paths are opened as given (symbolic links such as
     * {@code /dev/serial/by-id/...} included), whether or not the system lists them as serial ports.
     *
     * @throws SerialPortUnavailableException when there is no device at the path or it cannot be opened
     */
    SerialConnection open(String path, SerialSettings settings) throws IOException;

    /** The paths of the serial ports the system lists now (pseudo-terminals are usually not listed). */
    List<String> availablePorts();
}
