package org.metergate.api.telegram;

import java.time.Instant;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * The metadata of one reception of a telegram: when, how strong, on which link, in which radio mode
 * and by which receiver. De-duplication keeps every reception of a telegram heard several times.
 *
 * @param time when the receiver saw the end of the frame
 * @param rssiDbm received signal strength in dBm, when the receiver reports it
 * @param link the id of the {@code MeterLink} that received it
 * @param radioMode the EN 13757-4 radio mode (e.g. {@code T1}), or empty for wired links
 * @param receiver the id of the transceiver, port or peer that delivered it
 */
public record ReceiveInfo(Instant time, OptionalInt rssiDbm, String link, String radioMode, String receiver) {

    public ReceiveInfo {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(rssiDbm, "rssiDbm");
        link = link == null ? "" : link;
        radioMode = radioMode == null ? "" : radioMode;
        receiver = receiver == null ? "" : receiver;
    }
}
