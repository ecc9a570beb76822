package org.metergate.driver.rtlwmbus;

import java.io.IOException;
import java.io.InputStream;

/** Reads rtl_wmbus lines from the gateway's standard input ({@code rtl_sdr ... | rtl_wmbus | gateway}). */
final class StdinSession extends LineSession {

    StdinSession(RtlWmbusTransceiver owner) {
        super(owner);
    }

    @Override
    protected InputStream stream() {
        return System.in;
    }

    @Override
    protected void endOfStream() throws IOException {
        throw new IOException("standard input closed");
    }

    @Override
    public void close() {
        closed = true; // System.in stays open: it is not ours to close
    }
}
