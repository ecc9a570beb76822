package org.metergate.api.stats;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Communication statistics of one link or receiver of the M or C interface (TR 50572).
 *
 * @param link the link id, or {@code link/receiver} for one receiver of a link
 * @param lastSeen when it last delivered a telegram
 * @param receptions telegrams it delivered, duplicates included
 * @param duplicates of those, telegrams another reception had already delivered
 * @param rssi signal strength of its receptions
 * @param errors errors by kind
 */
public record LinkStatistics(String link, Optional<Instant> lastSeen, long receptions, long duplicates, RssiSummary rssi,
                             Map<ErrorKind, Long> errors) {

    public LinkStatistics {
        Objects.requireNonNull(link, "link");
        Objects.requireNonNull(lastSeen, "lastSeen");
        errors = Map.copyOf(errors);
    }
}
