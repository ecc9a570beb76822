package org.metergate.serial;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.osgi.annotation.versioning.ProviderType;

/**
 * An open serial port. Reads wait at most the settings' read timeout; a device that goes away makes reads and writes
 * throw {@link SerialPortGoneException}. Use either {@link #read}, {@link #inputStream} or {@link #listen}, not several.
 */
@ProviderType
public interface SerialConnection extends Closeable {

    /** The path the port was opened with. */
    String path();

    SerialSettings settings();

    /**
     * Reads what has arrived, waiting at most the read timeout for the first byte.
     *
     * @return the number of bytes read, 0 when nothing arrived in time
     * @throws SerialPortGoneException when the device disappeared
     * @throws IOException when the connection is closed
     */
    int read(byte[] buffer) throws IOException;

    /** Writes all bytes. */
    void write(byte[] data) throws IOException;

    /** A stream whose reads block until data arrives; it throws {@link SerialPortGoneException} when the device goes. */
    InputStream inputStream();

    OutputStream outputStream();

    /**
     * Starts a reader thread that hands every chunk of received bytes to {@code listener} until the connection is
     * closed or the device disappears (then {@link ByteListener#disconnected} is called once). A listener that throws
     * does not stop the thread. At most one listener per connection.
     */
    void listen(ByteListener listener, String threadName);

    boolean isOpen();

    /** Closes the port; stops the listener thread. Never throws. */
    @Override
    void close();
}
