package org.metergate.api.meter;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * An installed metering end device (TR 50572): a meter the gateway operator has adopted, with what
 * the gateway needs to serve it.
 *
 * @param address the meter's address
 * @param label a name people use, e.g. "flat 3 cold water"; may be empty
 * @param owner the consumer or owner the meter's data belongs to (H interfaces show a consumer only
 *        their own meters); may be empty
 * @param keyReference name of the key in the key store; empty when the key is stored under the
 *        meter's {@link MeterId} or the meter is not encrypted
 * @param expectedInterval how often the meter is expected to transmit or be read; a meter silent for
 *        longer raises a "meter stopped" event. {@link Duration#ZERO} disables the check.
 * @param installed when the meter was adopted
 */
public record Meter(MeterAddress address, String label, String owner, String keyReference,
                    Duration expectedInterval, Instant installed) {

    public Meter {
        Objects.requireNonNull(address, "address");
        label = label == null ? "" : label;
        owner = owner == null ? "" : owner;
        keyReference = keyReference == null ? "" : keyReference;
        expectedInterval = expectedInterval == null ? Duration.ZERO : expectedInterval;
        if (expectedInterval.isNegative()) {
            throw new IllegalArgumentException("expected interval must not be negative");
        }
        Objects.requireNonNull(installed, "installed");
    }
}
