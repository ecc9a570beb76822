package org.metergate.core.codec;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.metergate.api.meter.DeviceType;
import org.metergate.api.meter.MeterAddress;
import org.metergate.api.reading.EventType;
import org.metergate.api.reading.Reading;
import org.metergate.api.reading.Unit;
import org.metergate.mbus.record.DataRecordDecoder;
import org.metergate.mbus.record.Direction;

/** EN 13757-3 data records into readings, with the meter's own time stamps and the error-flags record. */
class RecordReadingsTest {

    private static final MeterAddress METER = MeterAddress.of("ABC", "12345678", 1, DeviceType.WATER);
    private static final Instant RECEIVED = Instant.parse("2026-11-21T12:00:00Z");

    private static RecordReadings.Mapped map(String hex, ErrorFlagMeanings flags) throws Exception {
        byte[] b = HexFormat.of().parseHex(hex.replace(" ", ""));
        return new RecordReadings(ZoneId.of("Europe/Berlin"), flags)
                .map(METER, DataRecordDecoder.decode(b, 0, b.length, Direction.SLAVE_TO_MASTER, 7).records(), RECEIVED);
    }

    @Test
    void valuesGetTheMetersTimeOfTheirStorageNumber() throws Exception {
        RecordReadings.Mapped m = map(
                "04 6D 1E 0A 55 3B" // type F date/time 2026-11-21 10:30 (storage 0)
                + " 04 13 39 30 00 00" // volume 12345 l
                + " 44 13 10 27 00 00" // volume 10000 l, storage 1
                + " 42 6C 5F 3A", // type G date 2026-10-31, storage 1
                ErrorFlagMeanings.none());
        assertThat(m.readings()).hasSize(2);
        Reading now = m.readings().get(0);
        assertThat(now.quantity()).isEqualTo("volume");
        assertThat(now.value()).isEqualByComparingTo("12.345");
        assertThat(now.unit()).isEqualTo(Unit.CUBIC_METRE);
        assertThat(now.time()).isEqualTo(Instant.parse("2026-11-21T09:30:00Z")); // 10:30 in Berlin (CET)
        Reading billing = m.readings().get(1);
        assertThat(billing.storage()).isEqualTo(1);
        assertThat(billing.time()).isEqualTo(Instant.parse("2026-10-30T23:00:00Z")); // start of 31 Oct in Berlin
    }

    @Test
    void withoutAMeterTimeTheReceptionTimeCountsAndDatesAreNotReadings() throws Exception {
        RecordReadings.Mapped m = map("04 13 39 30 00 00 02 6C 5F 3A", ErrorFlagMeanings.none());
        assertThat(m.readings()).singleElement().satisfies(r -> assertThat(r.time()).isEqualTo(RECEIVED));
    }

    @Test
    void recordErrorNoneSaysNothingAboutTheQuantity() throws Exception {
        RecordReadings.Mapped m = map("04 84 00 0A 00 00 00", ErrorFlagMeanings.none()); // energy 10^1 Wh, VIFE 00
        assertThat(m.readings()).singleElement().satisfies(r -> {
            assertThat(r.quantity()).isEqualTo("energy");
            assertThat(r.value()).isEqualByComparingTo("100");
            assertThat(r.unit()).isEqualTo(Unit.WATT_HOUR);
        });
    }

    @Test
    void errorFlagsBecomeAlarmsWithTheMeaningATableGivesThem() throws Exception {
        String flags = "04 FD 17 05 00 00 00"; // bits 0 and 2
        assertThat(map(flags, ErrorFlagMeanings.none()).alarms()).singleElement().satisfies(a -> {
            assertThat(a.type()).isEqualTo(EventType.MANUFACTURER_SPECIFIC);
            assertThat(a.detail()).isEqualTo("error flags 0x5 (bits defined by the manufacturer)");
        });
        ErrorFlagMeanings abc = new ErrorFlagMeanings(Map.of("ABC/07",
                List.of(new ErrorFlagMeanings.Bit(0x04, EventType.LEAK, "leak"))));
        assertThat(map(flags, abc).alarms()).extracting(a -> a.type())
                .containsExactly(EventType.LEAK, EventType.MANUFACTURER_SPECIFIC);
        assertThat(map(flags, abc).readings()).as("flags are not a measurement").isEmpty();
        assertThat(map("04 FD 17 00 00 00 00", abc).alarms()).isEmpty();
    }
}
