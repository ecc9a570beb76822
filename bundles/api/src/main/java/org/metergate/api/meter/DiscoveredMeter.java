package org.metergate.api.meter;

import java.time.Instant;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * A metering end device the gateway heard but that is not installed (TR 50572 "new meter
 * identification"): a candidate for adoption.
 *
 * @param address its address
 * @param link the link that heard it last
 * @param rssiDbm the signal strength of the last reception, when known
 * @param firstHeard first reception
 * @param lastHeard last reception
 * @param telegrams telegrams heard
 */
public record DiscoveredMeter(MeterAddress address, String link, OptionalInt rssiDbm, Instant firstHeard,
                              Instant lastHeard, long telegrams) {

    public DiscoveredMeter {
        Objects.requireNonNull(address, "address");
        link = link == null ? "" : link;
        Objects.requireNonNull(rssiDbm, "rssiDbm");
        Objects.requireNonNull(firstHeard, "firstHeard");
        Objects.requireNonNull(lastHeard, "lastHeard");
    }
}
