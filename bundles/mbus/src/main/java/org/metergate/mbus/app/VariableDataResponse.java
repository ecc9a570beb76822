package org.metergate.mbus.app;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.metergate.api.meter.MeterAddress;
import org.metergate.api.reading.Reading;
import org.metergate.mbus.record.DataRecord;
import org.metergate.mbus.record.DataRecords;
import org.metergate.mbus.record.DataValue;

/**
 * A response with the variable data structure (CI 0x72, 0x7A, 0x78): a transport header and the
 * data records.
 */
public record VariableDataResponse(int ci, TransportHeader header, DataRecords data) implements ApplicationMessage {

    public VariableDataResponse {
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(data, "data");
    }

    /** The meter's address from a long header; empty for short and no header. */
    public Optional<MeterAddress> address() {
        return header instanceof LongHeader h ? Optional.of(h.address()) : Optional.empty();
    }

    /**
     * The numeric records as {@link Reading}s of the reading API: quantity, exact value, unit, storage,
     * tariff, subunit, function and OBIS code as decoded. Records that hold dates, text, bytes or an
     * invalid BCD field are not readings.
     *
     * @param meter the meter (from the long header, or from the wireless link layer for a short header)
     * @param time the time the values refer to (normally when the telegram was received)
     */
    public List<Reading> readings(MeterAddress meter, Instant time) {
        List<Reading> out = new ArrayList<>(data.records().size());
        for (DataRecord r : data.records()) {
            if (r.value() instanceof DataValue.Numeric n) {
                out.add(new Reading(meter, r.quantity(), n.value(), r.unit(), r.storage(), r.tariff(), r.subunit(),
                        r.function(), time, r.obis()));
            }
        }
        return out;
    }
}
