package org.metergate.serial.jsc;

import com.fazecast.jSerialComm.SerialPort;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.metergate.serial.SerialConnection;
import org.metergate.serial.SerialPorts;
import org.metergate.serial.SerialSettings;
import org.osgi.service.component.annotations.Component;

/** The gateway's serial ports, on jSerialComm (which loads its native library on first use). */
@Component(service = SerialPorts.class)
public final class JSerialCommPorts implements SerialPorts {

    @Override
    public SerialConnection open(String path, SerialSettings settings) throws IOException {
        return JSerialCommConnection.open(path, settings);
    }

    @Override
    public List<String> availablePorts() {
        List<String> paths = new ArrayList<>();
        for (SerialPort p : SerialPort.getCommPorts()) {
            paths.add(p.getSystemPortPath());
        }
        return paths;
    }
}
