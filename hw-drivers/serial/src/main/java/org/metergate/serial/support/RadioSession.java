package org.metergate.serial.support;

import java.io.IOException;
import java.util.Set;
import org.metergate.api.radio.RadioModeId;

/** A session with radio hardware: it can be switched to radio modes and may send. */
public interface RadioSession extends DeviceSession {

    /** Switches reception to {@code modes} (a choice the transceiver made with its hardware's rules). */
    void applyModes(Set<RadioModeId> modes) throws IOException, InterruptedException;

    /** Sends a frame (from the L-field, without CRCs) in a bidirectional mode. */
    void send(RadioModeId mode, byte[] frame) throws IOException, InterruptedException;
}
