package org.metergate.api.radio;

import org.metergate.api.telegram.RawTelegram;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Receives the EN 13757-4 frames a {@link Transceiver} hears; implemented by the link (TR 50572 M or
 * C interface) that owns the transceiver.
 */
@ConsumerType
public interface TransceiverListener {

    /** Called for every received frame, from the transceiver's reader thread; must not block long. */
    void received(RawTelegram telegram);
}
