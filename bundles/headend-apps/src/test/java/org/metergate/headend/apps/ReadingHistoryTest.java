package org.metergate.headend.apps;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.metergate.api.meter.DeviceType;
import org.metergate.api.meter.MeterAddress;
import org.metergate.api.reading.FunctionField;
import org.metergate.api.reading.Reading;
import org.metergate.api.reading.Unit;
import org.metergate.api.reading.UplinkEntry;

class ReadingHistoryTest {

    private static final Instant T = Instant.parse("2099-01-01T00:00:00Z"); // after the history's start

    private static UplinkEntry reading(long seq, int meter, int minute) {
        MeterAddress a = MeterAddress.of("KAM", String.format("%08d", meter), 1, DeviceType.WATER);
        return new UplinkEntry(seq, new Reading(a, "volume", BigDecimal.valueOf(seq), Unit.CUBIC_METRE, 0, 0, 0,
                FunctionField.INSTANTANEOUS, T.plusSeconds(60L * minute), null));
    }

    @Test
    void memoryIsBoundedPerMeterAndInTotalAndTheHistorySaysFromWhenItIsComplete() {
        ReadingHistory h = new ReadingHistory(3, 5);
        List<UplinkEntry> in = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            in.add(reading(i, 1, i)); // meter 1: four readings, three kept
        }
        in.add(reading(10, 2, 0));
        in.add(reading(11, 2, 1));
        in.add(reading(12, 3, 0)); // the total of 5 is reached: meter 1's oldest kept goes first
        h.deliver(in);

        var m1 = MeterAddress.of("KAM", "00000001", 1, DeviceType.WATER).meterId();
        assertThat(h.since(m1, Instant.EPOCH, 100)).extracting(ReadingHistory.Entry::sequence).containsExactly(2L, 3L);
        assertThat(h.completeSince(m1)).isEqualTo(T.plusSeconds(60).plusNanos(1));
        var m2 = MeterAddress.of("KAM", "00000002", 1, DeviceType.WATER).meterId();
        assertThat(h.since(m2, Instant.EPOCH, 100)).extracting(ReadingHistory.Entry::sequence).containsExactly(10L, 11L);
        assertThat(h.completeSince(m2)).as("nothing of meter 2 had to go").isBefore(T);
    }

    @Test
    void manyMetersNeverHoldMoreThanTheTotal() {
        ReadingHistory h = new ReadingHistory(64, 1000);
        List<UplinkEntry> in = new ArrayList<>();
        for (int i = 0; i < 50_000; i++) {
            in.add(reading(i, i % 10_000, i / 10_000));
        }
        h.deliver(in);
        int held = 0;
        for (int m = 0; m < 10_000; m++) {
            var id = MeterAddress.of("KAM", String.format("%08d", m), 1, DeviceType.WATER).meterId();
            held += h.since(id, Instant.EPOCH, 1000).size();
        }
        assertThat(held).isEqualTo(1000);
    }
}
