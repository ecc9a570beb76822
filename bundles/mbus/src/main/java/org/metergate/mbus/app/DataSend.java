package org.metergate.mbus.app;

import java.util.Arrays;
import java.util.Objects;
import org.metergate.mbus.MBusDecodeException;
import org.metergate.mbus.record.DataRecordDecoder;
import org.metergate.mbus.record.DataRecords;
import org.metergate.mbus.record.Direction;

/**
 * CI 0x51: data records sent by the master (set the primary address, the clock, a tariff...).
 *
 * @param data the records, decoded with {@link Direction#MASTER_TO_SLAVE}
 * @param encoded the record bytes after the CI (a copy)
 */
public record DataSend(DataRecords data, byte[] encoded) implements ApplicationMessage {

    public DataSend {
        Objects.requireNonNull(data, "data");
        encoded = encoded.clone();
    }

    /** A data send from record bytes (for example from {@link org.metergate.mbus.record.DataRecordEncoder}); checks that they decode. */
    public static DataSend of(byte[] records) throws MBusDecodeException {
        return new DataSend(DataRecordDecoder.decode(records, 0, records.length, Direction.MASTER_TO_SLAVE, -1), records);
    }

    @Override
    public int ci() {
        return CiField.DATA_SEND;
    }

    @Override
    public byte[] encoded() {
        return encoded.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DataSend d && Arrays.equals(encoded, d.encoded);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(encoded);
    }
}
