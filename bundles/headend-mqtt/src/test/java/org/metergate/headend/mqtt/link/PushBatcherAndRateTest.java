package org.metergate.headend.mqtt.link;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.metergate.api.meter.DeviceType;
import org.metergate.api.meter.MeterAddress;
import org.metergate.api.reading.EventType;
import org.metergate.api.reading.FunctionField;
import org.metergate.api.reading.MeterEvent;
import org.metergate.api.reading.Reading;
import org.metergate.api.reading.Unit;
import org.metergate.api.reading.UplinkEntry;

class PushBatcherAndRateTest {

    private static final MeterAddress A = MeterAddress.of("KAM", "00000001", 1, DeviceType.WATER);
    private static final MeterAddress B = MeterAddress.of("KAM", "00000002", 1, DeviceType.WATER);

    private static UplinkEntry r(long seq, MeterAddress m) {
        return new UplinkEntry(seq, new Reading(m, "volume", BigDecimal.valueOf(seq), Unit.CUBIC_METRE, 0, 0, 0,
                FunctionField.INSTANTANEOUS, Instant.EPOCH, null));
    }

    @Test
    void oneMeterPerMessageInJournalOrderChunked() {
        List<UplinkEntry> in = new ArrayList<>();
        for (long i = 0; i < 7; i++) {
            in.add(r(i, i % 2 == 0 ? A : B));
        }
        in.add(new UplinkEntry(7, new MeterEvent(EventType.METER_DISCOVERED, A, "wmbus", Instant.EPOCH, "")));
        in.add(new UplinkEntry(8, new MeterEvent(EventType.DATA_EVICTED, null, "", Instant.EPOCH, "")));
        List<PushBatcher.Message> out = PushBatcher.messages(in, 3);
        List<String> shape = out.stream().map(m -> m.kind() + ":" + m.meterLevel() + ":"
                + m.entries().stream().map(e -> Long.toString(e.sequence())).toList()).toList();
        assertThat(shape).containsExactly(
                "readings:KAM-00000001:[0, 2, 4]",
                "readings:KAM-00000002:[1, 3, 5]",
                "readings:KAM-00000001:[6]",
                "events:KAM-00000001:[7]",
                "events:gateway:[8]");
    }

    @Test
    void theBucketKeepsTheRate() throws Exception {
        long[] now = {0};
        RateLimiter.Ticker t = new RateLimiter.Ticker() {
            public long nanos() { return now[0]; }
            public void sleepNanos(long n) { now[0] += n; }
        };
        RateLimiter rl = new RateLimiter(10, 5, t);
        for (int i = 0; i < 25; i++) {
            rl.acquire();
        }
        // 5 at once, then 20 at 10 per second
        assertThat(now[0] / 1e9).isBetween(1.99, 2.01);
        RateLimiter unlimited = new RateLimiter(0, 1, t);
        long before = now[0];
        for (int i = 0; i < 1000; i++) {
            unlimited.acquire();
        }
        assertThat(now[0]).isEqualTo(before);
    }
}
