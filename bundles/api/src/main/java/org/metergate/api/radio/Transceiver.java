package org.metergate.api.radio;

import java.io.IOException;
import java.util.Set;
import org.metergate.api.link.LinkStatus;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Radio hardware of the M or C interface (a wM-Bus stick, a radio module, an SDR decoder, a replay
 * of recorded traffic): receives frames in the radio modes it is switched to and sends frames for
 * bidirectional modes. Hardware drivers register one service per device with the service property
 * {@value #TRANSCEIVER_ID}; the wireless link takes it over by setting itself as the listener.
 */
@ProviderType
public interface Transceiver {

    /** Service property: the transceiver's id, unique on the gateway. */
    String TRANSCEIVER_ID = "metergate.transceiver.id";

    String id();

    /** The modes the hardware can receive. */
    Set<RadioModeId> supportedModes();

    /** The modes it is receiving now. */
    Set<RadioModeId> activeModes();

    /**
     * Switches reception to the given modes, a subset of {@link #supportedModes()}. Hardware that can
     * listen to one mode (or one combination) at a time says which it chose in {@link #activeModes()}.
     */
    void activate(Set<RadioModeId> modes) throws IOException;

    /** Sets who receives the frames; {@code null} detaches. Only one listener at a time. */
    void setListener(TransceiverListener listener);

    /**
     * Sends a link-layer frame (starting at the L-field, without CRCs: the hardware adds them) in the
     * given bidirectional mode.
     */
    void send(RadioModeId mode, byte[] frame) throws IOException;

    LinkStatus status();

    /**
     * True when the source can be slowed down without losing frames (a recording, a network input
     * with flow control): the link then waits for room in the pipeline. A radio cannot wait, so the
     * default is false and a link drops (and counts) what the pipeline cannot take.
     */
    default boolean paced() {
        return false;
    }
}
