package org.metergate.serial.support;

import java.io.IOException;
import java.util.concurrent.CountDownLatch;
import org.metergate.serial.ByteListener;
import org.metergate.serial.SerialConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A session on a serial connection whose reader thread feeds every received chunk to {@link #onBytes}; {@link #run}
 * returns when the device disappears or the session is closed. Decoders called from {@link #onBytes} report bad
 * input as faults; should one throw anyway, the chunk is counted as a framing fault and reading goes on.
 */
public abstract class ListeningSession implements RadioSession {

    private static final Logger LOG = LoggerFactory.getLogger(ListeningSession.class);

    protected final SerialConnection connection;
    private final FaultSink faults;
    private final CountDownLatch gone = new CountDownLatch(1);
    private volatile IOException cause;
    private volatile boolean closed;

    protected ListeningSession(SerialConnection connection, FaultSink faults) {
        this.connection = connection;
        this.faults = faults;
    }

    /** Starts the reader thread; call at the end of the subclass constructor, before talking to the device. */
    protected final void startListening(String threadName) {
        connection.listen(new ByteListener() {
            @Override
            public void received(byte[] data, int length) {
                try {
                    onBytes(data, length);
                } catch (RuntimeException e) {
                    faults.fault(FaultKind.FRAMING, "decoder failure on " + length + " bytes: " + e);
                    LOG.error("{}: decoder failure; input skipped", connection.path(), e);
                    onDecoderFailure();
                }
            }

            @Override
            public void disconnected(IOException e) {
                cause = e;
                gone.countDown();
            }
        }, threadName);
    }

    /** Called on the reader thread with each chunk of bytes. */
    protected abstract void onBytes(byte[] data, int length);

    /** Resets decoder state after an unexpected decoder failure; default does nothing. */
    protected void onDecoderFailure() {
    }

    @Override
    public final void run() throws IOException, InterruptedException {
        gone.await();
        if (closed) {
            return;
        }
        throw cause != null ? cause : new IOException(connection.path() + " closed");
    }

    /** True once the device went away or the session was closed. */
    protected final boolean isGone() {
        return gone.getCount() == 0;
    }

    protected final void write(byte[] data) throws IOException {
        connection.write(data);
    }

    @Override
    public void close() {
        closed = true;
        gone.countDown();
        connection.close();
    }
}
