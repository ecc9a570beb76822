package org.metergate.core.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.metergate.api.meter.DeviceType;
import org.metergate.api.meter.MeterAddress;
import org.metergate.api.reading.EventType;

class SecurityEventLimiterTest {

    @Test
    void oneEventPerIntervalCarryingTheCountOfWhatItStandsFor() {
        SecurityEventLimiter l = new SecurityEventLimiter(Duration.ofMinutes(1));
        MeterAddress m = MeterAddress.of("KAM", "12345678", 1, DeviceType.WATER);
        Instant t = Instant.parse("2026-11-21T10:00:00Z");
        assertThat(l.occurrence(m, EventType.REPLAY_DETECTED, t)).isEqualTo(1);
        assertThat(l.occurrence(m, EventType.REPLAY_DETECTED, t.plusSeconds(10))).isEqualTo(-1);
        assertThat(l.occurrence(m, EventType.REPLAY_DETECTED, t.plusSeconds(20))).isEqualTo(-1);
        assertThat(l.occurrence(m, EventType.DECRYPTION_FAILED, t.plusSeconds(20))).as("kinds are independent").isEqualTo(1);
        assertThat(l.occurrence(m, EventType.REPLAY_DETECTED, t.plusSeconds(60))).isEqualTo(3);
    }
}
