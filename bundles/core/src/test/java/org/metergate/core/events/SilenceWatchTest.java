package org.metergate.core.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.metergate.api.meter.DeviceType;
import org.metergate.api.meter.Meter;
import org.metergate.api.meter.MeterAddress;
import org.metergate.api.reading.EventType;
import org.metergate.api.reading.MeterEvent;

class SilenceWatchTest {

    private final Instant start = Instant.parse("2026-11-21T00:00:00Z");

    private Meter meter(String id, Duration interval) {
        return new Meter(MeterAddress.of("KAM", id, 1, DeviceType.WATER), "", "", "", interval, start);
    }

    @Test
    void aMeterSilentLongerThanItsIntervalRaisesOneEventUntilHeardAgain() {
        SilenceWatch watch = new SilenceWatch(0.1, start);
        Meter m = meter("00000001", Duration.ofMinutes(10));
        Meter unchecked = meter("00000002", Duration.ZERO);
        Map<MeterAddress, Instant> seen = new HashMap<>();
        seen.put(m.address(), start.plusSeconds(60));

        assertThat(watch.check(List.of(m, unchecked), seen::get, start.plusSeconds(60 + 600 + 59))).as("within 10 % grace").isEmpty();
        List<MeterEvent> late = watch.check(List.of(m, unchecked), seen::get, start.plusSeconds(60 + 661));
        assertThat(late).extracting(MeterEvent::type).containsExactly(EventType.METER_SILENT);
        assertThat(late.get(0).meter()).isEqualTo(m.address());
        assertThat(watch.check(List.of(m), seen::get, start.plusSeconds(2000))).as("once").isEmpty();

        seen.put(m.address(), start.plusSeconds(2100));
        assertThat(watch.check(List.of(m), seen::get, start.plusSeconds(2110))).isEmpty();
        assertThat(watch.check(List.of(m), seen::get, start.plusSeconds(2100 + 700))).as("re-armed").hasSize(1);
    }

    @Test
    void aMeterNeverHeardCountsFromTheGatewayStart() {
        SilenceWatch watch = new SilenceWatch(0, start);
        Meter m = meter("00000001", Duration.ofMinutes(1));
        assertThat(watch.check(List.of(m), a -> null, start.plusSeconds(59))).isEmpty();
        assertThat(watch.check(List.of(m), a -> null, start.plusSeconds(61))).singleElement()
                .satisfies(e -> assertThat(e.detail()).contains("not heard since the gateway started"));
    }
}
