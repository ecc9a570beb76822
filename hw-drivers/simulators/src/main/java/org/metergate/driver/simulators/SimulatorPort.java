package org.metergate.driver.simulators;

import com.fazecast.jSerialComm.SerialPort;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.function.BiConsumer;

/**
 * The simulator's end of a pseudo-terminal pair, opened with jSerialComm like a real serial port. A reader thread hands
 * every chunk it reads to the simulator's protocol and keeps a copy of all bytes the driver wrote, so a test can
 * assert exactly what the driver sent. When the pair is killed the reader ends quietly.
 */
public final class SimulatorPort implements AutoCloseable {

    private final SerialPort port;
    private final Thread reader;
    private final ByteArrayOutputStream received = new ByteArrayOutputStream();
    private volatile boolean closed;

    private SimulatorPort(SerialPort port, BiConsumer<SimulatorPort, byte[]> protocol, String name) {
        this.port = port;
        this.reader = new Thread(() -> readLoop(protocol), "simulator-" + name);
        this.reader.setDaemon(true);
    }

    /** Opens {@code path} at {@code baud} 8N1 and starts reading into {@code protocol}. */
    public static SimulatorPort open(Path path, int baud, String name, BiConsumer<SimulatorPort, byte[]> protocol)
            throws IOException {
        SerialPort p = SerialPort.getCommPort(path.toString());
        p.setComPortParameters(baud, 8, SerialPort.ONE_STOP_BIT, SerialPort.NO_PARITY);
        p.setComPortTimeouts(SerialPort.TIMEOUT_READ_SEMI_BLOCKING | SerialPort.TIMEOUT_WRITE_BLOCKING, 50, 2000);
        if (!p.openPort()) {
            throw new IOException("simulator cannot open " + path + " (error " + p.getLastErrorCode() + ")");
        }
        SimulatorPort s = new SimulatorPort(p, protocol, name);
        s.reader.start();
        return s;
    }

    private void readLoop(BiConsumer<SimulatorPort, byte[]> protocol) {
        byte[] buf = new byte[1024];
        while (!closed) {
            int n = port.readBytes(buf, buf.length);
            if (n < 0) {
                return; // the pair was killed
            }
            if (n > 0) {
                byte[] chunk = Arrays.copyOf(buf, n);
                synchronized (received) {
                    received.write(chunk, 0, n);
                }
                protocol.accept(this, chunk);
            }
        }
    }

    /** Sends bytes to the driver. */
    public void write(byte[] data) {
        if (closed) {
            return;
        }
        synchronized (port) {
            int off = 0;
            while (off < data.length) {
                int n = port.writeBytes(data, data.length - off, off);
                if (n < 0) {
                    return; // the pair is gone; a real device would not notice either
                }
                off += n;
            }
        }
    }

    /** Every byte the driver wrote since the port was opened. */
    public byte[] receivedBytes() {
        synchronized (received) {
            return received.toByteArray();
        }
    }

    @Override
    public void close() {
        closed = true;
        try {
            reader.join(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        port.closePort();
    }
}
