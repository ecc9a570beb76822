package org.metergate.api.reading;

import java.time.Instant;
import java.util.Objects;
import org.metergate.api.meter.MeterAddress;

/**
 * An event about a metering end device or a link: an alarm, a communication fault, a discovery
 * (TR 50572 "alarms and events"). Events are journaled and delivered like readings.
 *
 * @param type what happened
 * @param meter the meter concerned, or {@code null} for an event of a link or of the gateway
 * @param link the link where it was observed, or empty
 * @param time when it happened
 * @param detail a short human-readable explanation; never contains key material
 */
public record MeterEvent(EventType type, MeterAddress meter, String link, Instant time, String detail)
        implements Uplink {

    public MeterEvent {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(time, "time");
        link = link == null ? "" : link;
        detail = detail == null ? "" : detail;
    }
}
