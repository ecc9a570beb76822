package org.metergate.driver.tcp;

import java.io.IOException;
import java.util.Set;
import org.metergate.api.radio.RadioModeId;
import org.metergate.serial.support.RadioSession;

/** A connection (client) or a listening socket (server); network receivers decide their modes, so switching filters. */
abstract class TcpSession implements RadioSession {

    @Override
    public void applyModes(Set<RadioModeId> modes) {
        // the receivers decide what they hear; the transceiver filters by mode
    }

    @Override
    public void send(RadioModeId mode, byte[] frame) throws IOException {
        throw new IOException("the TCP line input is receive-only: the line format has no way to ask a receiver to send");
    }

    /** E.g. {@code connected to 10.0.0.5:9011} or {@code listening on 0.0.0.0:9011, 2 receivers}. */
    abstract String describe();
}
