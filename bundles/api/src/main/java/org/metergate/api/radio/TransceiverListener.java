package org.metergate.api.radio;

import org.metergate.api.telegram.RawTelegram;
import org.osgi.annotation.versioning.ConsumerType;

/** Receives the frames a {@link Transceiver} hears; implemented by the link that owns the transceiver. */
@ConsumerType
public interface TransceiverListener {

    /** Called for every received frame, from the transceiver's reader thread; must not block long. */
    void received(RawTelegram telegram);
}
