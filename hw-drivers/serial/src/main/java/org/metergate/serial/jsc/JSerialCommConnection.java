package org.metergate.serial.jsc;

import com.fazecast.jSerialComm.SerialPort;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.metergate.serial.ByteListener;
import org.metergate.serial.SerialConnection;
import org.metergate.serial.SerialPortGoneException;
import org.metergate.serial.SerialPortUnavailableException;
import org.metergate.serial.SerialSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A serial port opened through jSerialComm. Reads use jSerialComm's semi-blocking mode with the configured timeout, so a
 * reader returns at least once per timeout and notices a close. jSerialComm reports a vanished device (EIO on Linux,
 * e.g. when the other end of a pseudo-terminal closes) as a read of -1 while the port still counts as open; that, or
 * the device path disappearing, is turned into {@link SerialPortGoneException}.
 */
final class JSerialCommConnection implements SerialConnection {

    private static final Logger LOG = LoggerFactory.getLogger(JSerialCommConnection.class);
    private static final int EIO = 5;
    private static final int WRITE_TIMEOUT_MS = 2000;

    private final SerialPort port;
    private final String path;
    private final SerialSettings settings;
    private final Object writeLock = new Object();
    private volatile boolean closed;
    private volatile Thread listenerThread;

    private JSerialCommConnection(SerialPort port, String path, SerialSettings settings) {
        this.port = port;
        this.path = path;
        this.settings = settings;
    }

    static JSerialCommConnection open(String path, SerialSettings settings) throws IOException {
        if (!Files.exists(Path.of(path))) {
            throw new SerialPortUnavailableException("no serial device at " + path);
        }
        SerialPort port;
        try {
            port = SerialPort.getCommPort(path);
        } catch (RuntimeException e) { // jSerialComm throws SerialPortInvalidPortException (unchecked) for bad names
            throw new SerialPortUnavailableException("not a serial port: " + path + " (" + e.getMessage() + ")");
        }
        port.setComPortParameters(settings.baudRate(), settings.dataBits(), stopBits(settings), parity(settings));
        port.setFlowControl(switch (settings.flowControl()) {
            case NONE -> SerialPort.FLOW_CONTROL_DISABLED;
            case RTS_CTS -> SerialPort.FLOW_CONTROL_RTS_ENABLED | SerialPort.FLOW_CONTROL_CTS_ENABLED;
            case XON_XOFF -> SerialPort.FLOW_CONTROL_XONXOFF_IN_ENABLED | SerialPort.FLOW_CONTROL_XONXOFF_OUT_ENABLED;
        });
        port.setComPortTimeouts(SerialPort.TIMEOUT_READ_SEMI_BLOCKING | SerialPort.TIMEOUT_WRITE_BLOCKING,
                (int) settings.readTimeout().toMillis(), WRITE_TIMEOUT_MS);
        if (!port.openPort()) {
            throw new SerialPortUnavailableException("cannot open serial port " + path + " (system error "
                    + port.getLastErrorCode() + ")");
        }
        LOG.debug("opened {} ({}) at {}", path, port.getSystemPortPath(), settings);
        return new JSerialCommConnection(port, path, settings);
    }

    private static int stopBits(SerialSettings s) {
        return switch (s.stopBits()) {
            case ONE -> SerialPort.ONE_STOP_BIT;
            case ONE_POINT_FIVE -> SerialPort.ONE_POINT_FIVE_STOP_BITS;
            case TWO -> SerialPort.TWO_STOP_BITS;
        };
    }

    private static int parity(SerialSettings s) {
        return switch (s.parity()) {
            case NONE -> SerialPort.NO_PARITY;
            case ODD -> SerialPort.ODD_PARITY;
            case EVEN -> SerialPort.EVEN_PARITY;
            case MARK -> SerialPort.MARK_PARITY;
            case SPACE -> SerialPort.SPACE_PARITY;
        };
    }

    @Override
    public String path() {
        return path;
    }

    @Override
    public SerialSettings settings() {
        return settings;
    }

    @Override
    public int read(byte[] buffer) throws IOException {
        if (closed) {
            throw new IOException(path + " is closed");
        }
        int n = port.readBytes(buffer, buffer.length);
        if (n < 0) {
            if (closed) {
                throw new IOException(path + " is closed");
            }
            throw new SerialPortGoneException(path + " disappeared (system error " + port.getLastErrorCode() + ")");
        }
        if (n == 0 && !Files.exists(Path.of(path))) {
            throw new SerialPortGoneException(path + " disappeared (device path is gone)");
        }
        return n;
    }

    @Override
    public void write(byte[] data) throws IOException {
        synchronized (writeLock) {
            int off = 0;
            long deadline = System.nanoTime() + WRITE_TIMEOUT_MS * 1_000_000L;
            while (off < data.length) {
                if (closed) {
                    throw new IOException(path + " is closed");
                }
                int n = port.writeBytes(data, data.length - off, off);
                // a vanished pseudo-terminal or USB device: -1, or 0 with EIO as the last error
                if (n < 0 || (n == 0 && (port.getLastErrorCode() == EIO || !Files.exists(Path.of(path))))) {
                    throw new SerialPortGoneException(path + " disappeared while writing (system error "
                            + port.getLastErrorCode() + ")");
                }
                if (n == 0) {
                    if (System.nanoTime() > deadline) {
                        throw new IOException("writing to " + path + " timed out after " + WRITE_TIMEOUT_MS + " ms");
                    }
                    try {
                        Thread.sleep(1);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IOException("interrupted while writing to " + path, e);
                    }
                }
                off += n;
            }
        }
    }

    @Override
    public InputStream inputStream() {
        return new InputStream() {
            private final byte[] one = new byte[1];

            @Override
            public int read() throws IOException {
                int n = read(one, 0, 1);
                return n < 0 ? -1 : one[0] & 0xFF;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (len == 0) {
                    return 0;
                }
                byte[] tmp = off == 0 && len == b.length ? b : new byte[len];
                while (true) {
                    if (closed) {
                        return -1;
                    }
                    int n = JSerialCommConnection.this.read(tmp);
                    if (n > 0) {
                        if (tmp != b) {
                            System.arraycopy(tmp, 0, b, off, n);
                        }
                        return n;
                    }
                }
            }
        };
    }

    @Override
    public OutputStream outputStream() {
        return new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                JSerialCommConnection.this.write(new byte[] {(byte) b});
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                JSerialCommConnection.this.write(Arrays.copyOfRange(b, off, off + len));
            }
        };
    }

    @Override
    public synchronized void listen(ByteListener listener, String threadName) {
        if (listenerThread != null) {
            throw new IllegalStateException("a listener is already reading " + path);
        }
        Thread t = new Thread(() -> readLoop(listener), threadName);
        t.setDaemon(true);
        listenerThread = t;
        t.start();
    }

    private void readLoop(ByteListener listener) {
        byte[] buffer = new byte[1024];
        while (!closed) {
            int n;
            try {
                n = read(buffer);
            } catch (IOException e) {
                if (!closed) {
                    listener.disconnected(e);
                }
                return;
            }
            if (n > 0) {
                try {
                    listener.received(Arrays.copyOf(buffer, n), n);
                } catch (RuntimeException e) { // a listener bug must not stop reading
                    LOG.error("listener of {} failed; reading goes on", path, e);
                }
            }
        }
    }

    @Override
    public boolean isOpen() {
        return !closed && port.isOpen();
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        Thread t = listenerThread;
        // let the reader leave readBytes before the port goes away under it
        if (t != null && t != Thread.currentThread()) {
            try {
                t.join(settings.readTimeout().toMillis() * 3 + 100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        port.closePort();
        LOG.debug("closed {}", path);
    }

    @Override
    public String toString() {
        return "serial " + path + " " + settings;
    }
}
