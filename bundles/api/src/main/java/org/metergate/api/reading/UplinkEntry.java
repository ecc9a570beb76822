package org.metergate.api.reading;

import java.util.Objects;

/**
 * An uplink item as the journal holds it: its position in the journal, which is also its stable id
 * (a head-end that gets the same sequence twice is seeing a redelivery, not a new value).
 *
 * @param sequence the journal sequence number, strictly increasing, never reused
 * @param item the reading or event
 */
public record UplinkEntry(long sequence, Uplink item) {

    public UplinkEntry {
        Objects.requireNonNull(item, "item");
        if (sequence < 0) {
            throw new IllegalArgumentException("sequence numbers are not negative");
        }
    }
}
