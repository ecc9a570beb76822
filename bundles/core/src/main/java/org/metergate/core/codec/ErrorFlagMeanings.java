package org.metergate.core.codec;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.metergate.api.meter.MeterAddress;
import org.metergate.api.reading.EventType;
import org.metergate.core.pipeline.DecodeResult.RecordAlarm;

/**
 * What the bits of an EN 13757-3 error-flags record (VIF FD 17) mean. The standard leaves them
 * device-type and manufacturer specific, so a meaning is only given where a table for the meter's
 * manufacturer and device type says so (data, not code: add a row when a manufacturer documents its
 * bits); flags without a known meaning are reported as manufacturer-specific with their value.
 */
final class ErrorFlagMeanings {

    /** A documented bit: which event it stands for. */
    record Bit(int mask, EventType type, String meaning) {
    }

    private final Map<String, List<Bit>> tables;

    /** @param tables keyed by {@code MAN/devicetype-hex}, e.g. {@code ABC/07} */
    ErrorFlagMeanings(Map<String, List<Bit>> tables) {
        this.tables = Map.copyOf(tables);
    }

    static ErrorFlagMeanings none() {
        return new ErrorFlagMeanings(Map.of());
    }

    List<RecordAlarm> alarms(MeterAddress meter, long flags) {
        if (flags == 0) {
            return List.of();
        }
        List<RecordAlarm> alarms = new ArrayList<>();
        long unexplained = flags;
        List<Bit> table = tables.get(meter.manufacturer().code() + "/" + String.format("%02X", meter.deviceType()));
        if (table != null) {
            for (Bit b : table) {
                if ((flags & b.mask()) != 0) {
                    alarms.add(new RecordAlarm(b.type(), b.meaning() + String.format(" (error flags 0x%X)", flags)));
                    unexplained &= ~b.mask();
                }
            }
        }
        if (unexplained != 0) {
            alarms.add(new RecordAlarm(EventType.MANUFACTURER_SPECIFIC,
                    String.format("error flags 0x%X (bits defined by the manufacturer)", unexplained)));
        }
        return alarms;
    }
}
