package org.metergate.benchmarks.store;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.metergate.api.meter.DeviceType;
import org.metergate.api.meter.MeterAddress;
import org.metergate.api.reading.FunctionField;
import org.metergate.api.reading.ObisCode;
import org.metergate.api.reading.Reading;
import org.metergate.api.reading.Unit;
import org.metergate.api.reading.Uplink;

/**
 * The journal workload: what a decoded OMS heat meter telegram yields (energy, volume, flow and
 * return temperature, the billing-date energy), from a population of 10,000 meters.
 */
public final class Telegrams {

    public static final int READINGS_PER_TELEGRAM = 5;
    private static final ObisCode HEAT_ENERGY = ObisCode.parse("6-0:1.0.0*255");

    private Telegrams() {
    }

    public static List<Uplink> telegram(Random rnd) {
        MeterAddress m = MeterAddress.of("KAM", String.format("%08d", 10_000_000 + rnd.nextInt(10_000)), 0x1B, DeviceType.HEAT_OUTLET);
        Instant t = Instant.ofEpochSecond(1_735_689_600L + rnd.nextInt(86_400 * 365));
        List<Uplink> out = new ArrayList<>(READINGS_PER_TELEGRAM);
        out.add(new Reading(m, "energy", BigDecimal.valueOf(rnd.nextInt(100_000_000), 0), Unit.WATT_HOUR, 0, 0, 0,
                FunctionField.INSTANTANEOUS, t, HEAT_ENERGY));
        out.add(new Reading(m, "volume", BigDecimal.valueOf(rnd.nextInt(10_000_000), 3), Unit.CUBIC_METRE, 0, 0, 0,
                FunctionField.INSTANTANEOUS, t, null));
        out.add(new Reading(m, "flow temperature", BigDecimal.valueOf(300 + rnd.nextInt(600), 1), Unit.DEGREE_CELSIUS, 0, 0, 0,
                FunctionField.INSTANTANEOUS, t, null));
        out.add(new Reading(m, "return temperature", BigDecimal.valueOf(200 + rnd.nextInt(400), 1), Unit.DEGREE_CELSIUS, 0, 0, 0,
                FunctionField.INSTANTANEOUS, t, null));
        out.add(new Reading(m, "energy", BigDecimal.valueOf(rnd.nextInt(100_000_000), 0), Unit.WATT_HOUR, 1, 0, 0,
                FunctionField.INSTANTANEOUS, t.minusSeconds(86_400 * 30), null));
        return out;
    }

    /** The readings of {@code telegrams} telegrams, as the pipeline appends them in one call. */
    public static List<Uplink> batch(Random rnd, int telegrams) {
        List<Uplink> out = new ArrayList<>(telegrams * READINGS_PER_TELEGRAM);
        for (int i = 0; i < telegrams; i++) {
            out.addAll(telegram(rnd));
        }
        return out;
    }
}
