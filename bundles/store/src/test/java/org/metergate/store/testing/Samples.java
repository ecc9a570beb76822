package org.metergate.store.testing;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.metergate.api.meter.DeviceType;
import org.metergate.api.meter.MeterAddress;
import org.metergate.api.reading.EventType;
import org.metergate.api.reading.FunctionField;
import org.metergate.api.reading.MeterEvent;
import org.metergate.api.reading.ObisCode;
import org.metergate.api.reading.Reading;
import org.metergate.api.reading.Unit;
import org.metergate.api.reading.Uplink;

/** Readings and events as a heat or water meter's telegram yields them; deterministic from a number. */
public final class Samples {

    public static final MeterAddress KAMSTRUP_HEAT = MeterAddress.of("KAM", "12345678", 0x1B, DeviceType.HEAT_OUTLET);
    public static final MeterAddress DIEHL_WATER = MeterAddress.of("DME", "0A1B2C3D", 0x11, DeviceType.WATER);

    private Samples() {
    }

    /** The five readings of one heat-meter telegram; {@code n} makes the values differ. */
    public static List<Uplink> telegram(long n) {
        MeterAddress meter = MeterAddress.of("KAM", String.format("%08d", n % 100_000_000L), (int) (n % 256), DeviceType.HEAT_OUTLET);
        Instant t = Instant.ofEpochSecond(1_700_000_000L + n, (n % 1000) * 1_000_000L);
        List<Uplink> out = new ArrayList<>(5);
        out.add(new Reading(meter, "energy", BigDecimal.valueOf(123_456_000L + n, 0), Unit.WATT_HOUR, 0, 0, 0,
                FunctionField.INSTANTANEOUS, t, ObisCode.parse("6.8.0")));
        out.add(new Reading(meter, "volume", BigDecimal.valueOf(45_678 + n, 3), Unit.CUBIC_METRE, 0, 0, 0,
                FunctionField.INSTANTANEOUS, t, null));
        out.add(new Reading(meter, "flow temperature", BigDecimal.valueOf(700 + n % 100, 1), Unit.DEGREE_CELSIUS, 0, 0, 0,
                FunctionField.INSTANTANEOUS, t, null));
        out.add(new Reading(meter, "return temperature", BigDecimal.valueOf(450 + n % 50, 1), Unit.DEGREE_CELSIUS, 0, 0, 0,
                FunctionField.INSTANTANEOUS, t, null));
        out.add(new Reading(meter, "energy", BigDecimal.valueOf(120_000_000L + n, 0), Unit.WATT_HOUR, 1, 0, 0,
                FunctionField.INSTANTANEOUS, t.minusSeconds(86_400), null));
        return out;
    }

    /** One item, {@code n}-th of a mixed stream (mostly readings, every 7th an event). */
    public static Uplink item(long n) {
        if (n % 7 == 6) {
            return new MeterEvent(EventType.values()[(int) (n % EventType.values().length)], n % 2 == 0 ? DIEHL_WATER : null,
                    "wmbus-" + (n % 3), Instant.ofEpochSecond(1_700_000_000L + n), "event " + n);
        }
        return telegram(n).get((int) (n % 5));
    }

    public static List<Uplink> items(long from, int count) {
        List<Uplink> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            out.add(item(from + i));
        }
        return out;
    }
}
