package org.metergate.mbus.record;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * The data records of a user data block, and what follows them: manufacturer-specific data after
 * DIF 0x0F / 0x1F, and whether the meter has more records for the next readout (DIF 0x1F). Immutable.
 *
 * <p>(A final class rather than a record, so that the decoder hands over its array without copying it
 * twice.)
 */
public final class DataRecords {

    private final List<DataRecord> records;
    private final byte[] manufacturerData;
    private final int manufacturerDataOffset;
    private final boolean moreRecordsFollow;

    /**
     * @param records the records in telegram order (idle fillers are not records)
     * @param manufacturerData the bytes after DIF 0x0F / 0x1F up to the end of the block (copied; empty if none)
     * @param manufacturerDataOffset absolute offset of those bytes, -1 when there is no DIF 0x0F / 0x1F
     * @param moreRecordsFollow DIF 0x1F was present
     */
    public DataRecords(List<DataRecord> records, byte[] manufacturerData, int manufacturerDataOffset,
                       boolean moreRecordsFollow) {
        this(records.toArray(new DataRecord[0]), records.size(), manufacturerData.clone(), manufacturerDataOffset,
                moreRecordsFollow);
    }

    /** For the decoder: the arrays are fresh and handed over; the first {@code count} records count. */
    DataRecords(DataRecord[] records, int count, byte[] manufacturerData, int manufacturerDataOffset,
                boolean moreRecordsFollow) {
        for (int i = 0; i < count; i++) {
            java.util.Objects.requireNonNull(records[i], "record");
        }
        List<DataRecord> all = Arrays.asList(records);
        this.records = Collections.unmodifiableList(count == records.length ? all : all.subList(0, count));
        this.manufacturerData = manufacturerData;
        this.manufacturerDataOffset = manufacturerDataOffset;
        this.moreRecordsFollow = moreRecordsFollow;
    }

    /** The records in telegram order (unmodifiable). */
    public List<DataRecord> records() {
        return records;
    }

    /** The bytes after DIF 0x0F / 0x1F up to the end of the block (a copy; empty if none). */
    public byte[] manufacturerData() {
        return manufacturerData.clone();
    }

    /** Absolute offset of the manufacturer data, -1 when there is no DIF 0x0F / 0x1F. */
    public int manufacturerDataOffset() {
        return manufacturerDataOffset;
    }

    /** DIF 0x1F was present: the meter has more records for the next readout. */
    public boolean moreRecordsFollow() {
        return moreRecordsFollow;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DataRecords d && records.equals(d.records) && Arrays.equals(manufacturerData, d.manufacturerData)
                && manufacturerDataOffset == d.manufacturerDataOffset && moreRecordsFollow == d.moreRecordsFollow;
    }

    @Override
    public int hashCode() {
        return records.hashCode() * 31 + Arrays.hashCode(manufacturerData);
    }

    @Override
    public String toString() {
        return "DataRecords[" + records.size() + " records, " + manufacturerData.length + " bytes manufacturer data"
                + (moreRecordsFollow ? ", more records follow]" : "]");
    }
}
