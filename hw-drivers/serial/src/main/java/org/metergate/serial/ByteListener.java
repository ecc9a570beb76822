package org.metergate.serial;

import java.io.IOException;
import org.osgi.annotation.versioning.ConsumerType;

/** Receives the bytes of a {@link SerialConnection}, on its reader thread. */
@ConsumerType
public interface ByteListener {

    /** Bytes {@code data[0..length)} arrived; the array is the listener's to keep. */
    void received(byte[] data, int length);

    /** The device disappeared or failed; no more bytes will come. Not called when the connection is closed on purpose. */
    void disconnected(IOException cause);
}
