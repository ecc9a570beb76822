package org.metergate.api.stats;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.metergate.api.meter.MeterAddress;

/**
 * Communication statistics of one metering end device (TR 50572).
 *
 * @param meter the meter
 * @param firstSeen when it was first heard since the gateway started
 * @param lastSeen when it was last heard
 * @param telegrams distinct telegrams received (duplicates not counted)
 * @param receptions receptions, duplicates included (one telegram heard by two receivers counts twice)
 * @param rssi signal strength over all receptions
 * @param errors errors by kind
 * @param receivers the links/receivers that heard it
 */
public record MeterStatistics(MeterAddress meter, Instant firstSeen, Instant lastSeen, long telegrams, long receptions,
                              RssiSummary rssi, Map<ErrorKind, Long> errors, Set<String> receivers) {

    public MeterStatistics {
        Objects.requireNonNull(meter, "meter");
        errors = Map.copyOf(errors);
        receivers = Set.copyOf(receivers);
    }
}
