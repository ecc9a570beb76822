package org.metergate.mbus.app;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import org.metergate.api.reading.Unit;
import org.metergate.mbus.MBusDecodeException;
import org.metergate.mbus.record.DataValue;

/**
 * A response with the fixed data structure (CI 0x73, least significant byte first; CI 0x77, most
 * significant byte first): identification (8 BCD digits), access number, status, the medium/unit
 * field (2 bytes) and two counters of 4 bytes. Status bit 7 says the counters are binary (else 8
 * BCD digits), bit 6 that they are values stored at a fixed date (else actual values). The medium
 * is 4 bits: bits 6-7 of the second unit byte (high) and of the first unit byte (low). Each unit
 * byte's bits 0-5 give the counter's unit from the fixed structure's own unit table; code 0x3E for
 * counter 2 means "same unit as counter 1, but a historic value".
 *
 * @param ci 0x73 or 0x77
 * @param identification 8 hex digits, most significant first
 * @param accessNumber the access number
 * @param status the status byte (bits 6-7 as above, bits 0-4 as in the variable structure)
 * @param medium the 4-bit medium code of the fixed structure
 * @param counters counter 1 and counter 2
 */
public record FixedDataResponse(int ci, String identification, int accessNumber, StatusByte status, int medium,
                                List<Counter> counters) implements ApplicationMessage {

    /** Bytes after the CI. */
    public static final int LENGTH = 16;

    /**
     * One counter of the fixed structure.
     *
     * @param unitCode bits 0-5 of its unit byte
     * @param quantity what it counts, from the unit table
     * @param unit the unit of {@code value}
     * @param value the exact value, or {@link DataValue.InvalidBcd}
     * @param historic a value stored at a fixed date (status bit 6, or unit code 0x3E), not the actual value
     */
    public record Counter(int unitCode, String quantity, Unit unit, DataValue value, boolean historic) {
    }

    private static final String[] MEDIA = {"other", "oil", "electricity", "gas", "heat", "steam", "hot water",
        "water", "heat cost allocator", "reserved", "gas (mode 2)", "heat (mode 2)", "hot water (mode 2)",
        "water (mode 2)", "heat cost allocator (mode 2)", "reserved"};

    // The fixed structure's table of physical units, as quantity, unit and exponent of the first code of a run.
    private static final String[] QUANTITY = new String[64];
    private static final Unit[] UNIT = new Unit[64];
    private static final int[] EXPONENT = new int[64];

    static {
        QUANTITY[0x00] = "time (h, min, s)";
        UNIT[0x00] = Unit.NONE;
        QUANTITY[0x01] = "date (D, M, Y)";
        UNIT[0x01] = Unit.NONE;
        run(0x02, 9, "energy", Unit.WATT_HOUR, 0);              // Wh .. 100 MWh
        run(0x0B, 9, "energy", Unit.JOULE, 3);                  // kJ .. 100 GJ
        run(0x14, 9, "power", Unit.WATT, 0);                    // W .. 100 MW
        run(0x1D, 9, "power", Unit.JOULE_PER_HOUR, 3);          // kJ/h .. 100 GJ/h
        run(0x26, 9, "volume", Unit.CUBIC_METRE, -6);           // ml .. 100 m3
        run(0x2F, 9, "volume flow", Unit.CUBIC_METRE_PER_HOUR, -6); // ml/h .. 100 m3/h
        run(0x38, 1, "temperature", Unit.DEGREE_CELSIUS, -3);
        run(0x39, 1, "heat cost allocation", Unit.HCA_UNITS, 0);
        run(0x3A, 4, "reserved", Unit.NONE, 0);
        run(0x3E, 1, "same but historic", Unit.NONE, 0);
        run(0x3F, 1, "without units", Unit.NONE, 0);
    }

    private static void run(int first, int count, String quantity, Unit unit, int exponent) {
        for (int i = 0; i < count; i++) {
            QUANTITY[first + i] = quantity;
            UNIT[first + i] = unit;
            EXPONENT[first + i] = unit == Unit.NONE ? 0 : exponent + i;
        }
    }

    public FixedDataResponse {
        Objects.requireNonNull(identification, "identification");
        Objects.requireNonNull(status, "status");
        counters = List.copyOf(counters);
    }

    /** The medium in words. */
    public String mediumDescription() {
        return MEDIA[medium & 0x0F];
    }

    /** Decodes the 16 bytes after the CI at {@code buf[offset]}. */
    static FixedDataResponse decode(int ci, byte[] buf, int offset, int end) throws MBusDecodeException {
        if (end - offset < LENGTH) {
            throw new MBusDecodeException(end, "premature end of data: the fixed data structure needs " + LENGTH
                    + " bytes, " + (end - offset) + " left");
        }
        if (end - offset > LENGTH) {
            throw new MBusDecodeException(offset + LENGTH, (end - offset - LENGTH)
                    + " bytes after the fixed data structure");
        }
        boolean msbFirst = ci == CiField.RESPONSE_FIXED_MSB_FIRST;
        byte[] ident = field(buf, offset, 4, msbFirst);
        String identification = LongHeader.identification(ident, 0);
        int access = buf[offset + 4] & 0xFF;
        StatusByte status = new StatusByte(buf[offset + 5] & 0xFF);
        int unit1 = buf[offset + 6] & 0xFF;
        int unit2 = buf[offset + 7] & 0xFF;
        int medium = ((unit2 >> 6) << 2) | (unit1 >> 6);
        boolean binary = (status.value() & 0x80) != 0;
        boolean stored = (status.value() & 0x40) != 0;
        Counter c1 = counter(unit1 & 0x3F, -1, field(buf, offset + 8, 4, msbFirst), binary, stored);
        Counter c2 = counter(unit2 & 0x3F, unit1 & 0x3F, field(buf, offset + 12, 4, msbFirst), binary, stored);
        return new FixedDataResponse(ci, identification, access, status, medium, List.of(c1, c2));
    }

    private static Counter counter(int code, int firstCode, byte[] b, boolean binary, boolean stored) {
        boolean historic = stored;
        int unitCode = code;
        if (code == 0x3E && firstCode >= 0) { // same unit as counter 1, historic value
            unitCode = firstCode;
            historic = true;
        }
        int exponent = EXPONENT[unitCode];
        DataValue value;
        if (binary) {
            long raw = (b[0] & 0xFFL) | (b[1] & 0xFFL) << 8 | (b[2] & 0xFFL) << 16 | (b[3] & 0xFFL) << 24;
            value = new DataValue.Numeric(BigDecimal.valueOf(raw, -exponent));
        } else {
            value = bcd(b, exponent);
        }
        return new Counter(code, QUANTITY[unitCode], UNIT[unitCode], value, historic);
    }

    private static DataValue bcd(byte[] b, int exponent) {
        long v = 0;
        boolean negative = false;
        boolean valid = true;
        StringBuilder digits = new StringBuilder(8);
        for (int i = 3; i >= 0; i--) {
            int hi = (b[i] >> 4) & 0x0F;
            int lo = b[i] & 0x0F;
            digits.append(Character.toUpperCase(Character.forDigit(hi, 16))).append(Character.toUpperCase(Character.forDigit(lo, 16)));
            if (i == 3 && hi == 0x0F) {
                negative = true;
                hi = 0;
            }
            valid &= hi <= 9 && lo <= 9;
            v = v * 100 + hi * 10 + lo;
        }
        if (!valid) {
            return new DataValue.InvalidBcd(digits.toString());
        }
        return new DataValue.Numeric(BigDecimal.valueOf(negative ? -v : v, -exponent));
    }

    /** A multi-byte field in least-significant-first order. */
    private static byte[] field(byte[] buf, int offset, int n, boolean msbFirst) {
        byte[] out = new byte[n];
        for (int i = 0; i < n; i++) {
            out[i] = buf[offset + (msbFirst ? n - 1 - i : i)];
        }
        return out;
    }
}
