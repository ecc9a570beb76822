package org.metergate.serial.support;

import java.io.IOException;

/** One connection to a device, from a successful open and initialisation until the device goes away or is closed. */
public interface DeviceSession extends AutoCloseable {

    /**
     * Blocks while the device works. Returns or throws when it has gone (the exception says why) or the session was
     * closed.
     */
    void run() throws IOException, InterruptedException;

    /** Releases the device; makes {@link #run} return. Never throws. */
    @Override
    void close();
}
