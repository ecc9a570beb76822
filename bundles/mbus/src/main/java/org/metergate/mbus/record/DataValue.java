package org.metergate.mbus.record;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Objects;
import org.metergate.mbus.Hex;

/**
 * The value of a data record. Numbers are exact ({@link Numeric}); dates and times are the typed
 * values of EN 13757-3 annex A ({@link MBusDate}, {@link MBusDateTime}, {@link MBusTime},
 * {@link DaylightSaving}); text, raw bytes, BCD fields with non-decimal digits and empty records have
 * their own types.
 */
public sealed interface DataValue
        permits DataValue.Numeric, DataValue.Text, DataValue.Bytes, DataValue.InvalidBcd, DataValue.NoData,
                MBusDate, MBusDateTime, MBusTime, DaylightSaving {

    /** The value as people read it: plain decimal, ISO date, text, or hex. */
    String text();

    /**
     * An exact number: the raw integer (or the exact value of a 32-bit real) times 10^exponent of the
     * VIF, never rounded.
     */
    record Numeric(BigDecimal value) implements DataValue {
        public Numeric {
            Objects.requireNonNull(value, "value");
        }

        @Override
        public String text() {
            return value.toPlainString();
        }
    }

    /** Text from a variable-length field (LVAR 0x00-0xBF), in reading order (the wire sends it last character first). */
    record Text(String value) implements DataValue {
        public Text {
            Objects.requireNonNull(value, "value");
        }

        @Override
        public String text() {
            return value;
        }
    }

    /** Bytes as they are on the wire: binary LVAR fields and manufacturer-specific data. */
    record Bytes(byte[] value) implements DataValue {
        public Bytes {
            value = value.clone();
        }

        @Override
        public byte[] value() {
            return value.clone();
        }

        @Override
        public String text() {
            return Hex.format(value, 0, value.length, true);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Bytes b && Arrays.equals(value, b.value);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(value);
        }

        @Override
        public String toString() {
            return "Bytes[" + text() + "]";
        }
    }

    /**
     * A BCD field whose digits are not all decimal. EN 13757-3 gives hex digit F in the most
     * significant position the meaning "negative"; any other digit A-F (or F elsewhere) is not a
     * number. Such a field is kept, not dropped, so one bad register does not lose the telegram.
     *
     * @param digits the hex digits as sent, most significant first
     */
    record InvalidBcd(String digits) implements DataValue {
        public InvalidBcd {
            Objects.requireNonNull(digits, "digits");
        }

        @Override
        public String text() {
            return "invalid BCD " + digits;
        }
    }

    /** No data: data field 0000 (no data), 1000 (selection for readout), or a special function without data. */
    record NoData() implements DataValue {
        public static final NoData INSTANCE = new NoData();

        @Override
        public String text() {
            return "";
        }
    }
}
