package org.metergate.mbus.record;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import org.metergate.api.reading.FunctionField;
import org.metergate.api.reading.ObisCode;
import org.metergate.api.reading.Unit;
import org.metergate.mbus.Hex;
import org.metergate.mbus.MBusDecodeException;

/**
 * Decodes the data records of EN 13757-3 in a byte range: DIB, VIB, data, record after record, until
 * the end of the range or a DIF 0x0F / 0x1F (manufacturer-specific data to the end). Idle fillers
 * (DIF 0x2F) are skipped. Works straight on the caller's array; offsets in results and errors are
 * absolute indices into it.
 *
 * <p>Values: integers are two's complement (type B) except for identifier and bit-field VIFs
 * ({@link ValueKind#UNSIGNED}); BCD with F in the most significant digit is negative, any other
 * non-decimal digit gives {@link DataValue.InvalidBcd}; a 32-bit real is converted from the exact
 * binary value of the float ({@code new BigDecimal((double) f)}, no rounding) and then scaled by
 * 10^exponent; NaN and infinities are refused. Variable-length fields: text (LVAR 0x00-0xBF, sent
 * last character first), positive / negative BCD (0xC0-0xC9 / 0xD0-0xD9), binary (0xE0-0xEF,
 * 0xF0-0xF4, 0xF5, 0xF6) as {@link DataValue.Bytes}; 0xF7-0xFF are reserved and refused.
 */
public final class DataRecordDecoder {

    private static final ValueInformation GLOBAL_READOUT = ValueInformation.entry(VifTable.ANY, 0x7F,
            "global readout request", "global readout", Unit.NONE, 0, ValueKind.NUMBER);
    private static final byte[] NO_BYTES = new byte[0];
    private static final BigInteger TWO_TO_64 = BigInteger.ONE.shiftLeft(64);

    private DataRecordDecoder() {
    }

    /**
     * Decodes the records in {@code buf[from, to)}.
     *
     * @param direction who sent them (decides what VIFEs 0x00-0x1F mean)
     * @param deviceType the meter's device type byte for OBIS mapping, or -1 when unknown
     */
    public static DataRecords decode(byte[] buf, int from, int to, Direction direction, int deviceType)
            throws MBusDecodeException {
        if (from < 0 || to > buf.length || from > to) {
            throw new IllegalArgumentException("range [" + from + ", " + to + ") outside an array of " + buf.length);
        }
        DataRecord[] records = new DataRecord[16];
        int count = 0;
        byte[] shared = null; // one copy of buf[from, to) for the DIBs and VIBs of all records
        int p = from;
        while (p < to) {
            int dif = buf[p] & 0xFF;
            if (dif == 0x2F) {
                p++;
                continue;
            }
            DataField field;
            FunctionField function;
            long storage;
            int tariff = 0;
            int subunit = 0;
            int vibAt;
            if ((dif & 0x0F) == 0x0F) {
                // special functions: the DIB decoder (which also refuses the reserved ones)
                DataInformationBlock dib = DataInformationBlock.decode(buf, p, to);
                field = dib.dataField();
                if (field == DataField.MANUFACTURER_DATA || field == DataField.MORE_RECORDS_FOLLOW) {
                    return new DataRecords(records, count, Arrays.copyOfRange(buf, p + 1, to),
                            p + 1, field == DataField.MORE_RECORDS_FOLLOW);
                }
                if (field == DataField.GLOBAL_READOUT) {
                    records = add(records, count++, new DataRecord(p, new byte[] {(byte) dif}, 0, 1, 0, field,
                            FunctionField.INSTANTANEOUS, 0, 0, 0, GLOBAL_READOUT, DataValue.NoData.INSTANCE, null));
                    p++;
                    continue;
                }
                function = dib.function();
                storage = dib.storage();
                tariff = dib.tariff();
                subunit = dib.subunit();
                vibAt = p + dib.length();
            } else if ((dif & 0x80) == 0) { // the common case: a DIF alone
                field = DataField.ofCode(dif);
                function = FUNCTIONS[(dif >> 4) & 3];
                storage = (dif >> 6) & 1;
                vibAt = p + 1;
            } else { // DIFEs: the same rules as DataInformationBlock.decode, without the object
                field = DataField.ofCode(dif);
                function = FUNCTIONS[(dif >> 4) & 3];
                storage = (dif >> 6) & 1;
                int q = p + 1;
                int n = 0;
                int extension = 0x80;
                while (extension != 0) {
                    if (q >= to || n == DataInformationBlock.MAX_DIFE) {
                        DataInformationBlock.decode(buf, p, to); // throws with the reason
                        throw new MBusDecodeException(q, "malformed DIB"); // not reached
                    }
                    int dife = buf[q++] & 0xFF;
                    storage |= (long) (dife & 0x0F) << (1 + 4 * n);
                    tariff |= ((dife >> 4) & 0x03) << (2 * n);
                    subunit |= ((dife >> 6) & 0x01) << n;
                    extension = dife & 0x80;
                    n++;
                }
                vibAt = q;
            }
            ValueInformation vi;
            int dataAt;
            int vif = vibAt < to ? buf[vibAt] & 0xFF : -1;
            long key;
            ValueInformation cached;
            if (vif >= 0 && vif < 0x7B) { // a primary VIF without VIFEs: straight from the table
                key = -1;
                cached = VifTables.primary(vif);
            } else {
                key = VibCache.key(buf, vibAt, to, direction);
                cached = key < 0 ? null : VibCache.get(key);
            }
            if (cached != null) {
                vi = cached;
                dataAt = vibAt + (key < 0 ? 1 : VibCache.length(key));
            } else {
                ValueInformationBlock vib = ValueInformationBlock.decode(buf, vibAt, to, direction);
                vi = vib.information();
                dataAt = vibAt + vib.length();
                if (key >= 0) {
                    VibCache.put(key, vi);
                }
            }
            int dataEnd = dataEnd(buf, dataAt, to, field);
            DataValue value = value(buf, dataAt, dataEnd, field, vi);
            ObisCode obis = deviceType < 0 ? null : ObisMapping.of(deviceType, function, storage, tariff, subunit, vi);
            if (shared == null) {
                shared = Arrays.copyOfRange(buf, from, to);
            }
            records = add(records, count++, new DataRecord(p, shared, p - from, vibAt - p, dataAt - vibAt, field,
                    function, storage, tariff, subunit, vi, value, obis));
            p = dataEnd;
        }
        return new DataRecords(records, count, NO_BYTES, -1, false);
    }

    private static final FunctionField[] FUNCTIONS = FunctionField.values();

    private static DataRecord[] add(DataRecord[] records, int at, DataRecord r) {
        if (at == records.length) {
            records = Arrays.copyOf(records, 2 * at);
        }
        records[at] = r;
        return records;
    }

    /** Where the data field starting at {@code at} ends; checks that it fits before {@code to}. */
    private static int dataEnd(byte[] buf, int at, int to, DataField field) throws MBusDecodeException {
        int n = field.length();
        if (n < 0) { // variable length: the LVAR byte says
            if (at >= to) {
                throw new MBusDecodeException(at, "premature end of data: LVAR expected");
            }
            int lvar = buf[at] & 0xFF;
            n = 1 + lvarLength(lvar, at);
        }
        if (n > to - at) {
            throw new MBusDecodeException(at, "premature end of data: " + field.description() + " needs " + n
                    + " bytes, " + (to - at) + " left");
        }
        return at + n;
    }

    /** Bytes after an LVAR byte (EN 13757-3 "coding of LVAR"). */
    static int lvarLength(int lvar, int at) throws MBusDecodeException {
        if (lvar <= 0xBF) {
            return lvar;                        // text
        } else if (lvar <= 0xC9) {
            return lvar - 0xC0;                 // positive BCD, 2 digits a byte
        } else if (lvar < 0xD0) {
            throw new MBusDecodeException(at, "reserved LVAR " + Hex.byteHex(lvar));
        } else if (lvar <= 0xD9) {
            return lvar - 0xD0;                 // negative BCD
        } else if (lvar < 0xE0) {
            throw new MBusDecodeException(at, "reserved LVAR " + Hex.byteHex(lvar));
        } else if (lvar <= 0xEF) {
            return lvar - 0xE0;                 // binary number
        } else if (lvar <= 0xF4) {
            return 4 * (lvar - 0xEC);           // binary number of 16, 20, 24, 28, 32 bytes
        } else if (lvar == 0xF5) {
            return 48;
        } else if (lvar == 0xF6) {
            return 64;
        }
        throw new MBusDecodeException(at, "reserved LVAR " + Hex.byteHex(lvar));
    }

    private static DataValue value(byte[] buf, int at, int end, DataField field, ValueInformation vi)
            throws MBusDecodeException {
        int n = end - at;
        ValueKind kind = vi.kind();
        if (field == DataField.NO_DATA || field == DataField.SELECTION_FOR_READOUT) {
            return DataValue.NoData.INSTANCE;
        }
        if (kind == ValueKind.MANUFACTURER_SPECIFIC) {
            return new DataValue.Bytes(Arrays.copyOfRange(buf, at, end));
        }
        switch (field) {
            case INT8:
            case INT16:
            case INT24:
            case INT32:
            case INT48:
            case INT64: {
                DataValue typed = typed(buf, at, n, kind);
                if (typed != null) {
                    return typed;
                }
                long raw = littleEndian(buf, at, n);
                if (kind == ValueKind.UNSIGNED) {
                    if (raw < 0) { // only a 64-bit field gets here
                        return numeric(new BigDecimal(BigInteger.valueOf(raw).add(TWO_TO_64)), vi);
                    }
                    return numeric(raw, vi);
                }
                int shift = 64 - 8 * n;
                return numeric(raw << shift >> shift, vi);
            }
            case REAL32: {
                int bits = (int) littleEndian(buf, at, 4);
                float f = Float.intBitsToFloat(bits);
                if (Float.isNaN(f) || Float.isInfinite(f)) {
                    throw new MBusDecodeException(at, "32 bit real is " + f + ", not a value");
                }
                BigDecimal v = exactFloat(bits, vi.exponent());
                return new DataValue.Numeric(vi.additiveCorrection() == null ? v : v.add(vi.additiveCorrection()));
            }
            case BCD2:
            case BCD4:
            case BCD6:
            case BCD8:
            case BCD12:
                return bcd(buf, at, n, false, vi);
            case VARIABLE_LENGTH:
                return variable(buf, at, end, vi);
            default:
                throw new MBusDecodeException(at, "no value for data field " + field); // not reached
        }
    }

    /** Date/time types by data size, for VIFs that carry them; null when the size fits no type. */
    private static DataValue typed(byte[] buf, int at, int n, ValueKind kind) {
        if (kind == ValueKind.DATE || kind == ValueKind.DATE_TIME) {
            switch (n) {
                case 2:
                    return MBusDate.decode(buf, at);
                case 3:
                    return MBusTime.decode(buf, at);
                case 4:
                    return MBusDateTime.decodeTypeF(buf, at);
                case 6:
                    return MBusDateTime.decodeTypeI(buf, at);
                default:
                    return null;
            }
        }
        if (kind == ValueKind.DAYLIGHT_SAVING && n == 4) {
            return DaylightSaving.decode(buf, at);
        }
        return null;
    }

    /** Value of a BCD byte (two digits), or -1 when a nibble is not a decimal digit. */
    private static final byte[] BCD = new byte[256];

    static {
        for (int i = 0; i < 256; i++) {
            BCD[i] = (byte) ((i >> 4) <= 9 && (i & 0x0F) <= 9 ? (i >> 4) * 10 + (i & 0x0F) : -1);
        }
    }

    private static DataValue bcd(byte[] buf, int at, int n, boolean negative, ValueInformation vi) {
        long v = 0;
        int top = buf[at + n - 1] & 0xFF;
        int i = n - 1;
        if ((top >> 4) == 0x0F) { // EN 13757-3: F in the most significant digit is the minus sign
            negative = !negative;
            int lo = top & 0x0F;
            if (lo > 9) {
                return invalidBcd(buf, at, n);
            }
            v = lo;
            i--;
        }
        for (; i >= 0; i--) {
            int d = BCD[buf[at + i] & 0xFF];
            if (d < 0) {
                return invalidBcd(buf, at, n);
            }
            v = v * 100 + d;
        }
        return numeric(negative ? -v : v, vi);
    }

    private static DataValue invalidBcd(byte[] buf, int at, int n) {
        return new DataValue.InvalidBcd(Hex.format(reversed(buf, at, n)));
    }

    private static byte[] reversed(byte[] buf, int at, int n) {
        byte[] r = new byte[n];
        for (int i = 0; i < n; i++) {
            r[i] = buf[at + n - 1 - i];
        }
        return r;
    }

    private static DataValue variable(byte[] buf, int at, int end, ValueInformation vi) {
        int lvar = buf[at] & 0xFF;
        int from = at + 1;
        int n = end - from;
        if (lvar <= 0xBF) {
            char[] text = new char[n];
            for (int i = 0; i < n; i++) {
                text[i] = (char) (buf[end - 1 - i] & 0xFF); // sent last character first
            }
            String s = new String(text);
            if (vi.kind() == ValueKind.DATE_TIME || vi.kind() == ValueKind.DATE) {
                DataValue m = typeM(s);
                if (m != null) {
                    return m;
                }
            }
            return new DataValue.Text(s);
        }
        if (lvar <= 0xC9) {
            return n == 0 ? DataValue.NoData.INSTANCE : bcd(buf, from, n, false, vi);
        }
        if (lvar >= 0xD0 && lvar <= 0xD9) {
            return n == 0 ? DataValue.NoData.INSTANCE : bcd(buf, from, n, true, vi);
        }
        return new DataValue.Bytes(Arrays.copyOfRange(buf, from, end));
    }

    /** Type M: date and time as ISO 8601 text in a variable-length field; null when the text is not one. */
    private static DataValue typeM(String s) {
        try {
            LocalDateTime t;
            if (s.length() > 10) {
                try {
                    t = OffsetDateTime.parse(s).toLocalDateTime();
                } catch (DateTimeParseException e) {
                    t = LocalDateTime.parse(s);
                }
            } else {
                t = LocalDate.parse(s).atStartOfDay();
            }
            return new MBusDateTime('M', t.getYear(), t.getMonthValue(), t.getDayOfMonth(), t.getHour(), t.getMinute(),
                    t.getSecond(), false, false, 0, 0, false, 0);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    // Zero is the most common register value (unused tariffs, no error flags): one per exponent.
    private static final int ZERO_MIN_EXPONENT = -16;
    private static final DataValue.Numeric[] ZEROS = new DataValue.Numeric[33];

    static {
        for (int i = 0; i < ZEROS.length; i++) {
            ZEROS[i] = new DataValue.Numeric(BigDecimal.valueOf(0, -(ZERO_MIN_EXPONENT + i)));
        }
    }

    private static DataValue numeric(long raw, ValueInformation vi) {
        int e = vi.exponent() - ZERO_MIN_EXPONENT;
        if (raw == 0 && vi.additiveCorrection() == null && e >= 0 && e < ZEROS.length) {
            return ZEROS[e];
        }
        BigDecimal v = BigDecimal.valueOf(raw, -vi.exponent());
        return new DataValue.Numeric(vi.additiveCorrection() == null ? v : v.add(vi.additiveCorrection()));
    }

    private static DataValue numeric(BigDecimal raw, ValueInformation vi) {
        BigDecimal v = raw.scaleByPowerOfTen(vi.exponent());
        return new DataValue.Numeric(vi.additiveCorrection() == null ? v : v.add(vi.additiveCorrection()));
    }

    private static final BigInteger[] FIVE_POW = new BigInteger[150];

    static {
        FIVE_POW[0] = BigInteger.ONE;
        for (int i = 1; i < FIVE_POW.length; i++) {
            FIVE_POW[i] = FIVE_POW[i - 1].multiply(BigInteger.valueOf(5));
        }
    }

    /**
     * The exact value of the (finite) IEEE 754 single {@code bits} times 10^exponent: the same number as
     * {@code new BigDecimal((double) f).scaleByPowerOfTen(exponent)}, built from the float's integer
     * significand m and binary exponent e as m * 5^-e * 10^e (no rounding anywhere).
     */
    static BigDecimal exactFloat(int bits, int exponent) {
        int biased = (bits >>> 23) & 0xFF;
        long m = bits & 0x7FFFFF;
        int e;
        if (biased == 0) {
            e = -149;               // subnormal
        } else {
            m |= 1 << 23;
            e = biased - 150;
        }
        if (m == 0) {
            return BigDecimal.valueOf(0, -exponent);
        }
        int zeros = Long.numberOfTrailingZeros(m);
        if (e < 0) {
            int shift = Math.min(zeros, -e);
            m >>= shift;
            e += shift;
        }
        if (bits < 0) {
            m = -m;
        }
        if (e >= 0) {               // an integer: m * 2^e, at most 2^24 * 2^104
            BigInteger v = e <= 38 ? BigInteger.valueOf(m << e) : BigInteger.valueOf(m).shiftLeft(e);
            return new BigDecimal(v, -exponent);
        }
        int k = -e;                 // m * 2^-k = m * 5^k / 10^k
        if (k <= 16) {              // m < 2^24 and 5^16 < 2^38: fits a long
            return BigDecimal.valueOf(m * FIVE_POW[k].longValue(), k - exponent);
        }
        return new BigDecimal(BigInteger.valueOf(m).multiply(FIVE_POW[k]), k - exponent);
    }

    static long littleEndian(byte[] buf, int at, int n) {
        long v = 0;
        for (int i = n - 1; i >= 0; i--) {
            v = v << 8 | (buf[at + i] & 0xFF);
        }
        return v;
    }
}
