package org.metergate.mbus.record;

import java.util.Arrays;
import java.util.Objects;
import org.metergate.api.reading.FunctionField;
import org.metergate.api.reading.ObisCode;
import org.metergate.api.reading.Unit;
import org.metergate.mbus.Hex;

/**
 * One EN 13757-3 data record: its raw DIB and VIB, what they say, and the decoded value. Immutable.
 *
 * <p>(A final class rather than a record: the records of one decode share one copy of the
 * decoded bytes for their DIB and VIB, which matters when a gateway decodes thousands of records a second.)
 */
public final class DataRecord {

    private final int offset;
    private final byte[] bytes; // holds DIB then VIB at headerAt; shared by the records of one decode, never written
    private final int headerAt;
    private final int dibLength;
    private final int vibLength;
    private final DataField dataField;
    private final FunctionField function;
    private final long storage;
    private final int tariff;
    private final int subunit;
    private final ValueInformation valueInformation;
    private final DataValue value;
    private final ObisCode obis;

    /**
     * @param offset absolute offset of the DIF in the decoded buffer
     * @param dib the DIF and DIFEs as received (copied)
     * @param vib the VIF, plain text and VIFEs as received (copied); empty for a global readout DIF
     * @param dataField the coding of the data field
     * @param function instantaneous, maximum, minimum or value during error state
     * @param storage the storage number
     * @param tariff the tariff
     * @param subunit the subunit
     * @param valueInformation description, quantity, unit and scaling from the VIB
     * @param value the decoded value
     * @param obis the OBIS code where the standards give a mapping, else {@code null}
     */
    public DataRecord(int offset, byte[] dib, byte[] vib, DataField dataField, FunctionField function, long storage,
                      int tariff, int subunit, ValueInformation valueInformation, DataValue value, ObisCode obis) {
        this(offset, concat(dib, vib), 0, dib.length, vib.length, dataField, function, storage, tariff, subunit,
                valueInformation, value, obis);
    }

    /** For the decoder: DIB and VIB are at {@code bytes[headerAt...]}, an array no one writes to. */
    DataRecord(int offset, byte[] bytes, int headerAt, int dibLength, int vibLength, DataField dataField,
               FunctionField function, long storage, int tariff, int subunit, ValueInformation valueInformation,
               DataValue value, ObisCode obis) {
        this.offset = offset;
        this.bytes = bytes;
        this.headerAt = headerAt;
        this.dibLength = dibLength;
        this.vibLength = vibLength;
        this.dataField = Objects.requireNonNull(dataField, "dataField");
        this.function = Objects.requireNonNull(function, "function");
        this.storage = storage;
        this.tariff = tariff;
        this.subunit = subunit;
        this.valueInformation = Objects.requireNonNull(valueInformation, "valueInformation");
        this.value = Objects.requireNonNull(value, "value");
        this.obis = obis;
    }

    private static byte[] concat(byte[] dib, byte[] vib) {
        byte[] h = Arrays.copyOf(dib, dib.length + vib.length);
        System.arraycopy(vib, 0, h, dib.length, vib.length);
        return h;
    }

    /** Absolute offset of the DIF in the decoded buffer. */
    public int offset() {
        return offset;
    }

    /** The DIF and DIFEs as received (a copy). */
    public byte[] dib() {
        return Arrays.copyOfRange(bytes, headerAt, headerAt + dibLength);
    }

    /** The VIF, plain text and VIFEs as received (a copy); empty for a global readout DIF. */
    public byte[] vib() {
        return Arrays.copyOfRange(bytes, headerAt + dibLength, headerAt + dibLength + vibLength);
    }

    public DataField dataField() {
        return dataField;
    }

    public FunctionField function() {
        return function;
    }

    public long storage() {
        return storage;
    }

    public int tariff() {
        return tariff;
    }

    public int subunit() {
        return subunit;
    }

    public ValueInformation valueInformation() {
        return valueInformation;
    }

    public DataValue value() {
        return value;
    }

    /** The OBIS code where the standards give a mapping, else {@code null}. */
    public ObisCode obis() {
        return obis;
    }

    /** The standard's description with the VIFEs' modifiers, e.g. {@code energy, accumulation of abs value only if negative contributions}. */
    public String description() {
        return valueInformation.description();
    }

    /** The quantity, e.g. {@code energy}, {@code flow temperature}. */
    public String quantity() {
        return valueInformation.quantity();
    }

    /** The unit of {@link #value()}. */
    public Unit unit() {
        return valueInformation.unit();
    }

    /** DIF and DIFEs in upper-case hex. */
    public String difHex() {
        return Hex.format(bytes, headerAt, headerAt + dibLength, false);
    }

    /** VIF, plain text and VIFEs in upper-case hex. */
    public String vifHex() {
        return Hex.format(bytes, headerAt + dibLength, headerAt + dibLength + vibLength, false);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DataRecord r && offset == r.offset && Arrays.equals(dib(), r.dib()) && Arrays.equals(vib(), r.vib())
                && dataField == r.dataField && function == r.function && storage == r.storage && tariff == r.tariff
                && subunit == r.subunit && valueInformation.equals(r.valueInformation) && value.equals(r.value)
                && Objects.equals(obis, r.obis);
    }

    @Override
    public int hashCode() {
        return Objects.hash(offset, dataField, function, storage, tariff, subunit, valueInformation, value, obis)
                + 31 * Arrays.hashCode(dib()) + 17 * Arrays.hashCode(vib());
    }

    @Override
    public String toString() {
        return "DataRecord[DIF " + difHex() + " VIF " + vifHex() + ", " + description() + ", storage " + storage
                + ", tariff " + tariff + ", subunit " + subunit + ", " + function + ", " + value.text()
                + (unit().symbol().isEmpty() ? "" : " " + unit()) + "]";
    }
}
