package org.metergate.core.codec;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.metergate.api.meter.MeterAddress;
import org.metergate.api.reading.Reading;
import org.metergate.core.pipeline.DecodeResult.RecordAlarm;
import org.metergate.mbus.record.DataRecord;
import org.metergate.mbus.record.DataValue;
import org.metergate.mbus.record.MBusDate;
import org.metergate.mbus.record.MBusDateTime;
import org.metergate.mbus.record.OrthogonalVife;
import org.metergate.mbus.record.ValueKind;
import org.metergate.mbus.record.VifTable;

/**
 * Turns EN 13757-3 data records into readings and alarms.
 *
 * <ul>
 * <li>Measured values (numeric records of kind NUMBER) become readings, named by the record's
 * description so that VIFE modifiers stay with the quantity.</li>
 * <li>A reading's time is the meter's own: the date/time record with the same storage number
 * (tariff and subunit 0) - for storage 0 only a full date and time counts, for stored values
 * (billing dates) a date means the start of that day - read in the meters' time zone; otherwise the
 * reception time.</li>
 * <li>Identifiers, dates and manufacturer data are not readings. An error-flags record (FD 17) that
 * is not zero gives alarms.</li>
 * </ul>
 */
final class RecordReadings {

    record Mapped(List<Reading> readings, List<RecordAlarm> alarms) {
    }

    private final ZoneId meterZone;
    private final ErrorFlagMeanings flags;

    RecordReadings(ZoneId meterZone, ErrorFlagMeanings flags) {
        this.meterZone = meterZone;
        this.flags = flags;
    }

    Mapped map(MeterAddress meter, List<DataRecord> records, Instant received) {
        Map<Long, Instant> times = meterTimes(records);
        List<Reading> readings = new ArrayList<>(records.size());
        List<RecordAlarm> alarms = List.of();
        for (DataRecord r : records) {
            ValueKind kind = r.valueInformation().kind();
            if (kind == ValueKind.NUMBER && r.value() instanceof DataValue.Numeric n) {
                Instant time = times.getOrDefault(r.storage(), received);
                readings.add(new Reading(meter, quantity(r), n.value(), r.unit(), r.storage(), r.tariff(),
                        r.subunit(), r.function(), time, r.obis()));
            } else if (isErrorFlags(r) && r.value() instanceof DataValue.Numeric n) {
                alarms = flags.alarms(meter, n.value().longValue());
            }
        }
        return new Mapped(readings, alarms);
    }

    /**
     * The record's description without the VIFE "record error: none" (EN 13757-3 table 18, code 00h)
     * that some meters put on every record: it says nothing about the quantity. Other error codes stay,
     * so a value the meter marks as erroneous says so.
     */
    static String quantity(DataRecord r) {
        String name = r.description();
        for (OrthogonalVife v : r.valueInformation().extensions()) {
            if (!v.extended() && v.code() == 0x00) {
                name = name.replace(", " + v.description(), "");
            }
        }
        return name;
    }

    private static boolean isErrorFlags(DataRecord r) {
        return r.valueInformation().table() == VifTable.EXTENSION_FD && r.valueInformation().code() == 0x17
                && r.storage() == 0;
    }

    private Map<Long, Instant> meterTimes(List<DataRecord> records) {
        Map<Long, Instant> times = new HashMap<>();
        for (DataRecord r : records) {
            if (r.tariff() != 0 || r.subunit() != 0) {
                continue;
            }
            Optional<LocalDateTime> local = Optional.empty();
            if (r.value() instanceof MBusDateTime dt && dt.type() != 'J') {
                local = dt.toLocalDateTime();
            } else if (r.value() instanceof MBusDate d && r.storage() != 0) {
                local = d.toLocalDate().map(day -> day.atStartOfDay());
            }
            local.ifPresent(l -> times.putIfAbsent(r.storage(), l.atZone(meterZone).toInstant()));
        }
        return times;
    }
}
