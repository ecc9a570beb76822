package org.metergate.core.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.metergate.api.meter.DeviceType;
import org.metergate.api.meter.MeterAddress;
import org.metergate.api.reading.EventType;
import org.metergate.api.reading.MeterEvent;

/** EN 13757-3 status byte: bits 0-1 application, 2 power low, 3 permanent error, 4 temporary error, 5-7 manufacturer. */
class StatusAlarmsTest {

    private final MeterAddress meter = MeterAddress.of("KAM", "12345678", 1, DeviceType.WATER);
    private final Instant t = Instant.parse("2026-11-21T10:00:00Z");

    @Test
    void aConditionIsReportedWhenItAppearsNotOnEveryTelegram() {
        StatusAlarms alarms = new StatusAlarms();
        assertThat(alarms.update(meter, 0x00, "l", t)).isEmpty();
        assertThat(alarms.update(meter, 0x04, "l", t)).extracting(MeterEvent::type).containsExactly(EventType.POWER_LOW);
        assertThat(alarms.update(meter, 0x04, "l", t)).isEmpty();
        assertThat(alarms.update(meter, 0x0C, "l", t)).extracting(MeterEvent::type).containsExactly(EventType.PERMANENT_ERROR);
        assertThat(alarms.update(meter, 0x00, "l", t)).isEmpty();
        assertThat(alarms.update(meter, 0x04, "l", t)).as("appears again after clearing")
                .extracting(MeterEvent::type).containsExactly(EventType.POWER_LOW);
    }

    @Test
    void everyBitHasItsMeaning() {
        assertThat(new StatusAlarms().update(meter, 0x01 | 0x10 | 0x40, "l", t)).extracting(MeterEvent::type)
                .containsExactly(EventType.APPLICATION_BUSY, EventType.TEMPORARY_ERROR, EventType.MANUFACTURER_SPECIFIC);
        MeterEvent e = new StatusAlarms().update(meter, 0x02, "wmbus", t).get(0);
        assertThat(e.type()).isEqualTo(EventType.APPLICATION_ERROR);
        assertThat(e.detail()).isEqualTo("status byte 0x02: application error");
        assertThat(e.link()).isEqualTo("wmbus");
        assertThat(e.meter()).isEqualTo(meter);
    }
}
