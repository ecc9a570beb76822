package org.metergate.mbus.record;

import org.metergate.api.reading.Unit;

/**
 * The combinable (orthogonal) VIFE table of EN 13757-3:2013 (table 15), its extension after VIFE
 * 0xFC (table 16), the record error codes a slave sends in VIFEs 0x00-0x1F (table 18) and the object
 * actions a master sends there (table 17), as data: each entry names what it does to the record.
 */
public final class OrthogonalVifes {

    /** What a combinable VIFE does to the value information it follows. */
    public enum Effect {
        /** Only qualifies the value (e.g. "accumulation only if positive contributions", "at phase L1"). */
        QUALIFIES,
        /** Divides the unit (per second, per litre, ...): {@link Rule#unitSuffix()} is appended. */
        UNIT_SUFFIX,
        /** The record holds a date/time instead of the VIF's quantity ("date of ..."). */
        DATE_OF,
        /** The record holds a duration in {@link Rule#unit()} ("duration of ..."). */
        DURATION_OF,
        /** The record holds a count ("number of exceeds"). */
        COUNT,
        /** Multiplies the value by 10^{@link Rule#exponent()}. */
        EXPONENT,
        /** Adds 10^{@link Rule#exponent()} units of the VIF to the value (additive correction, offset). */
        ADDITIVE,
        /** The next VIFE comes from the extension table (0x7C / 0xFC). */
        EXTENSION,
        /** The following VIFEs and the data are manufacturer specific (0x7F / 0xFF). */
        MANUFACTURER_SPECIFIC,
        /** A record error code from the slave (VIFE 0x00-0x1F in a response). */
        RECORD_ERROR,
        /** An object action from the master (VIFE 0x00-0x1F in SND_UD). */
        OBJECT_ACTION
    }

    /**
     * One table entry.
     *
     * @param code the VIFE code without extension bit
     * @param description the standard's words
     * @param effect what it does
     * @param unitSuffix appended to the unit symbol for {@link Effect#UNIT_SUFFIX}, else empty
     * @param unit the duration unit for {@link Effect#DURATION_OF}, else {@code null}
     * @param exponent for {@link Effect#EXPONENT} and {@link Effect#ADDITIVE}
     */
    public record Rule(int code, String description, Effect effect, String unitSuffix, Unit unit, int exponent) {
    }

    private static final Unit[] DURATION_UNITS = {Unit.SECOND, Unit.MINUTE, Unit.HOUR, Unit.DAY};

    private static final Rule[] TABLE = new Rule[128];
    private static final Rule[] EXTENSION = new Rule[128];
    private static final Rule[] RECORD_ERRORS = new Rule[32];
    private static final Rule[] OBJECT_ACTIONS = new Rule[32];

    static {
        // table 15
        String[] per = {"second", "minute", "hour", "day", "week", "month", "year"};
        String[] perSymbol = {"/s", "/min", "/h", "/d", "/week", "/month", "/a"};
        for (int i = 0; i < per.length; i++) {
            put(TABLE, 0x20 + i, "per " + per[i], Effect.UNIT_SUFFIX, perSymbol[i]);
        }
        put(TABLE, 0x27, "per revolution / measurement", Effect.UNIT_SUFFIX, "/revolution");
        put(TABLE, 0x28, "increment per input pulse on input channel 0", Effect.QUALIFIES, "");
        put(TABLE, 0x29, "increment per input pulse on input channel 1", Effect.QUALIFIES, "");
        put(TABLE, 0x2A, "increment per output pulse on output channel 0", Effect.QUALIFIES, "");
        put(TABLE, 0x2B, "increment per output pulse on output channel 1", Effect.QUALIFIES, "");
        put(TABLE, 0x2C, "per litre", Effect.UNIT_SUFFIX, "/l");
        put(TABLE, 0x2D, "per m3", Effect.UNIT_SUFFIX, "/m3");
        put(TABLE, 0x2E, "per kg", Effect.UNIT_SUFFIX, "/kg");
        put(TABLE, 0x2F, "per K", Effect.UNIT_SUFFIX, "/K");
        put(TABLE, 0x30, "per kWh", Effect.UNIT_SUFFIX, "/kWh");
        put(TABLE, 0x31, "per GJ", Effect.UNIT_SUFFIX, "/GJ");
        put(TABLE, 0x32, "per kW", Effect.UNIT_SUFFIX, "/kW");
        put(TABLE, 0x33, "per (K*l)", Effect.UNIT_SUFFIX, "/(K*l)");
        put(TABLE, 0x34, "per V", Effect.UNIT_SUFFIX, "/V");
        put(TABLE, 0x35, "per A", Effect.UNIT_SUFFIX, "/A");
        put(TABLE, 0x36, "multiplied by s", Effect.UNIT_SUFFIX, "*s");
        put(TABLE, 0x37, "multiplied by s/V", Effect.UNIT_SUFFIX, "*s/V");
        put(TABLE, 0x38, "multiplied by s/A", Effect.UNIT_SUFFIX, "*s/A");
        put(TABLE, 0x39, "start date(/time) of", Effect.DATE_OF, "");
        put(TABLE, 0x3A, "uncorrected unit or value at metering conditions", Effect.QUALIFIES, "");
        put(TABLE, 0x3B, "accumulation only if positive contributions", Effect.QUALIFIES, "");
        put(TABLE, 0x3C, "accumulation of abs value only if negative contributions", Effect.QUALIFIES, "");
        put(TABLE, 0x3D, "alternate non-metric unit system", Effect.QUALIFIES, "");
        put(TABLE, 0x3E, "value at base conditions", Effect.QUALIFIES, "");
        put(TABLE, 0x3F, "OBIS declaration", Effect.QUALIFIES, "");
        for (int u = 0; u < 2; u++) {
            String limit = u == 0 ? "lower" : "upper";
            int base = 0x40 | (u << 3);
            put(TABLE, base, limit + " limit value", Effect.QUALIFIES, "");
            put(TABLE, base | 1, "number of exceeds of " + limit + " limit", Effect.COUNT, "");
            for (int f = 0; f < 2; f++) {
                for (int b = 0; b < 2; b++) {
                    put(TABLE, base | (f << 2) | 2 | b, "date (/time) of " + (b == 0 ? "begin" : "end") + " of "
                            + (f == 0 ? "first" : "last") + " " + limit + " limit exceed", Effect.DATE_OF, "");
                }
                for (int n = 0; n < 4; n++) {
                    TABLE[0x50 | (u << 3) | (f << 2) | n] = new Rule(0x50 | (u << 3) | (f << 2) | n,
                            "duration of " + (f == 0 ? "first" : "last") + " " + limit + " limit exceed",
                            Effect.DURATION_OF, "", DURATION_UNITS[n], 0);
                }
            }
        }
        for (int f = 0; f < 2; f++) {
            for (int n = 0; n < 4; n++) {
                TABLE[0x60 | (f << 2) | n] = new Rule(0x60 | (f << 2) | n, "duration of " + (f == 0 ? "first" : "last"),
                        Effect.DURATION_OF, "", DURATION_UNITS[n], 0);
            }
        }
        put(TABLE, 0x68, "value during lower limit exceed", Effect.QUALIFIES, "");
        put(TABLE, 0x6C, "value during upper limit exceed", Effect.QUALIFIES, "");
        put(TABLE, 0x69, "leakage values", Effect.QUALIFIES, "");
        put(TABLE, 0x6D, "overflow values", Effect.QUALIFIES, "");
        for (int f = 0; f < 2; f++) {
            for (int b = 0; b < 2; b++) {
                put(TABLE, 0x6A | (f << 2) | b, "date (/time) of " + (b == 0 ? "begin" : "end") + " of "
                        + (f == 0 ? "first" : "last"), Effect.DATE_OF, "");
            }
        }
        for (int n = 0; n < 8; n++) {
            TABLE[0x70 + n] = new Rule(0x70 + n, "multiplicative correction factor 10^" + (n - 6), Effect.EXPONENT, "", null, n - 6);
        }
        for (int n = 0; n < 4; n++) {
            TABLE[0x78 + n] = new Rule(0x78 + n, "additive correction constant 10^" + (n - 3) + " unit of VIF (offset)",
                    Effect.ADDITIVE, "", null, n - 3);
        }
        put(TABLE, 0x7C, "extension of combinable (orthogonal) VIFE code", Effect.EXTENSION, "");
        TABLE[0x7D] = new Rule(0x7D, "multiplicative correction factor for value (not unit) 10^3", Effect.EXPONENT, "", null, 3);
        put(TABLE, 0x7E, "future value", Effect.QUALIFIES, "");
        put(TABLE, 0x7F, "next VIFEs and data of this block are manufacturer specific", Effect.MANUFACTURER_SPECIFIC, "");

        // table 16, after VIFE 0xFC
        String[] phase = {null, "at phase L1", "at phase L2", "at phase L3", "at neutral (N)", "between phase L1 and L2",
            "between phase L2 and L3", "between phase L3 and L1", "at quadrant Q1", "at quadrant Q2", "at quadrant Q3",
            "at quadrant Q4", "delta between import and export"};
        for (int i = 1; i < phase.length; i++) {
            put(EXTENSION, i, phase[i], Effect.QUALIFIES, "");
        }
        put(EXTENSION, 0x10, "accumulation of abs value for both positive and negative contribution", Effect.QUALIFIES, "");
        put(EXTENSION, 0x11, "data presented with type C", Effect.QUALIFIES, "");
        put(EXTENSION, 0x12, "data presented with type D", Effect.QUALIFIES, "");

        // table 18, codes for record errors (slave to master)
        String[] errors = {"none", "too many DIFEs", "storage number not implemented", "unit number not implemented",
            "tariff number not implemented", "function not implemented", "data class not implemented",
            "data size not implemented", null, null, null, "too many VIFEs", "illegal VIF-group", "illegal VIF-exponent",
            "VIF/DIF mismatch", "unimplemented action", null, null, null, null, null,
            "no data available (undefined value)", "data overflow", "data underflow", "data error", null, null, null,
            "premature end of record"};
        for (int i = 0; i < 32; i++) {
            String e = i < errors.length ? errors[i] : null;
            RECORD_ERRORS[i] = new Rule(i, "record error: " + (e == null ? "reserved" : e), Effect.RECORD_ERROR, "", null, 0);
        }
        // table 17, object actions (master to slave)
        String[] actions = {"write (replace)", "add value", "subtract value", "OR (set bits)", "AND",
            "XOR (toggle bits)", "AND NOT (clear bits)", "clear", "add entry", "delete entry", null, "freeze data",
            "add to readout-list", "delete from readout-list"};
        for (int i = 0; i < 32; i++) {
            String a = i < actions.length ? actions[i] : null;
            OBJECT_ACTIONS[i] = new Rule(i, "action: " + (a == null ? "reserved" : a), Effect.OBJECT_ACTION, "", null, 0);
        }
        for (int i = 0; i < 128; i++) {
            if (TABLE[i] == null) {
                TABLE[i] = new Rule(i, "reserved combinable VIFE", Effect.QUALIFIES, "", null, 0);
            }
            if (EXTENSION[i] == null) {
                EXTENSION[i] = new Rule(i, "reserved combinable VIFE extension", Effect.QUALIFIES, "", null, 0);
            }
        }
    }

    private OrthogonalVifes() {
    }

    /** The rule for a combinable VIFE (extension bit ignored) in a record sent in {@code direction}. */
    public static Rule of(int vife, Direction direction) {
        int code = vife & 0x7F;
        if (code < 0x20) {
            return direction == Direction.SLAVE_TO_MASTER ? RECORD_ERRORS[code] : OBJECT_ACTIONS[code];
        }
        return TABLE[code];
    }

    /** The rule for a VIFE that follows the extension VIFE 0x7C / 0xFC. */
    public static Rule extension(int vife) {
        return EXTENSION[vife & 0x7F];
    }

    private static void put(Rule[] t, int code, String description, Effect effect, String suffix) {
        t[code] = new Rule(code, description, effect, suffix, null, 0);
    }
}
