package org.metergate.api.reading;

import java.time.Instant;

/**
 * One item of uplink data (TR 50572: data flowing from the metering end device towards the
 * head-end): a {@link Reading} or a {@link MeterEvent}. This is what the journal stores and what
 * consumers receive.
 */
public sealed interface Uplink permits Reading, MeterEvent {

    /** The time the item refers to. */
    Instant time();
}
