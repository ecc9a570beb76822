package org.metergate.api.radio;

import java.util.Objects;

/**
 * The transmitter duty-cycle limit of the SRD sub-band a channel lies in (ERC/REC 70-03, as EN 13757-4
 * assumes): the share of time, over one hour, a device may transmit on it.
 *
 * @param maxPercent the limit in percent (0.1, 1 or 10)
 * @param band the sub-band and where its limit comes from, e.g. {@code 868.7-869.2 MHz (ERC/REC 70-03 Annex 1 g2)}
 */
public record DutyCycle(double maxPercent, String band) {

    public DutyCycle {
        Objects.requireNonNull(band, "band");
        if (!(maxPercent > 0 && maxPercent <= 100)) {
            throw new IllegalArgumentException("duty cycle must be in (0, 100] percent: " + maxPercent);
        }
    }

    /** The longest transmission time per hour this limit allows, in milliseconds. */
    public long maxMillisPerHour() {
        return Math.round(3_600_000 * maxPercent / 100);
    }
}
