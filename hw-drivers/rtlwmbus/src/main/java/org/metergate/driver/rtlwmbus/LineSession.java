package org.metergate.driver.rtlwmbus;

import java.io.IOException;
import java.io.InputStream;
import java.util.Set;
import org.metergate.api.radio.RadioModeId;
import org.metergate.serial.support.LineAssembler;
import org.metergate.serial.support.RadioSession;

/**
 * A source of rtl_wmbus lines: reads its stream on the supervisor thread and hands each line to the transceiver. A
 * software receiver decodes whatever rtl_wmbus was started for, so switching modes is a filter, and it cannot send.
 */
abstract class LineSession implements RadioSession {

    private static final int MAX_LINE = 2048;

    protected final RtlWmbusTransceiver owner;
    private final LineAssembler lines = new LineAssembler(MAX_LINE);
    protected volatile boolean closed;

    LineSession(RtlWmbusTransceiver owner) {
        this.owner = owner;
    }

    protected abstract InputStream stream();

    /**
     * The stream ended. Returns normally to read on (a file that may grow), or throws to end the session.
     */
    protected abstract void endOfStream() throws IOException, InterruptedException;

    @Override
    public void run() throws IOException, InterruptedException {
        InputStream in = stream();
        byte[] buf = new byte[4096];
        while (!closed) {
            int n;
            try {
                n = in.read(buf);
            } catch (IOException e) {
                if (closed) {
                    return;
                }
                throw e;
            }
            if (n < 0) {
                endOfStream();
                continue;
            }
            consumed(n);
            lines.feed(buf, n, owner::line, owner.counters());
        }
    }

    /** {@code n} bytes were read (a followed file remembers its position). */
    protected void consumed(int n) {
    }

    @Override
    public void applyModes(Set<RadioModeId> modes) {
        // rtl_wmbus decodes what it was started for; the transceiver filters
    }

    @Override
    public void send(RadioModeId mode, byte[] frame) throws IOException {
        throw new IOException("rtl-wmbus is a receiver only: a software-defined radio input cannot send");
    }
}
