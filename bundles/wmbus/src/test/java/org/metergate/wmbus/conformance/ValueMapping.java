package org.metergate.wmbus.conformance;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.metergate.api.reading.FunctionField;
import org.metergate.api.reading.Unit;
import org.metergate.mbus.record.DataRecord;
import org.metergate.mbus.record.DataValue;

/**
 * How a wmbusmeters field name maps onto EN 13757-3 records (the mapping the conformance suite
 * documents).
 *
 * <p><b>Unit suffix -> quantity class and unit</b> (the value is converted to the unit of the suffix):
 * <pre>
 *   _m3    volume                 m3
 *   _kwh   energy                 Wh / 1000, J / 3 600 000
 *   _kw    power                  W / 1000, J/h / 3 600 000
 *   _m3h   volume flow            m3/h, m3/min * 60, m3/s * 3600
 *   _c     temperature            °C (also a temperature difference in K)
 *   _v     voltage                V
 *   _a     current                A
 *   _hz    frequency              Hz
 *   _bar   pressure               bar
 *   _rh    relative humidity      %RH
 *   _hca   heat cost allocation   HCA units
 *   _h     duration               s / 3600, min / 60, h, d * 24
 *   _s     duration               s, min * 60, h * 3600, d * 86400
 *   _kvarh reactive energy        varh / 1000
 *   _kvar  reactive power         var / 1000
 *   _kva   apparent power         VA / 1000
 * </pre>
 * Other suffixes (_counter, _y, _m3c, _factor, _nr, _dbm, _pct, _ppm, ...) are not EN 13757-3 units:
 * such fields are manufacturer-specific or computed by the driver.
 *
 * <p><b>Name stem -> storage, tariff, subunit</b>: {@code tariff_N} -> tariff N, else 0;
 * {@code subunitN} -> subunit N, else 0; stems naming a past value (target, set_date, due, last_month,
 * last_year, prev, previous, history, historic, billing, a month name) -> storage number > 0, else
 * storage 0. Example: {@code total_m3} -> volume, storage 0, tariff 0, m3; {@code target_m3} -> volume,
 * storage > 0; {@code total_energy_consumption_tariff_2_kwh} -> energy, tariff 2, converted to kWh.
 *
 * <p>A field "comes from a standard record" when the telegram has at least one record of its class,
 * tariff, subunit and storage (its candidates); it is matched when a candidate has its value. Fields
 * without candidates are listed as manufacturer-specific or computed (wmbusmeters drivers also read
 * manufacturer-specific bytes and compute values).
 */
final class ValueMapping {

    /**
     * What a field name says about its record.
     *
     * @param function the function its name states (max, min, at error), or null when it says none
     * @param negative the name speaks of backward / reverse / produced quantities (VIFE "accumulation of
     *        abs value only if negative contributions")
     * @param phase the phase the name states (L1-L3), 0 when none
     * @param derived the name states something no EN 13757-3 record of the suffix's unit carries (an
     *        average, a delta, a period, a 1 h / 24 h window, a numbered consumption history, cooling
     *        energy, apparent or reactive power given in kW): the driver computed it or read
     *        manufacturer-specific bytes
     */
    record Target(String unitClass, int tariff, int subunit, boolean pastStorage, FunctionField function,
                  boolean negative, int phase, boolean derived) {
    }

    private static final Pattern SUFFIX = Pattern.compile("_(m3|kwh|kw|m3h|c|v|a|hz|bar|rh|hca|h|s|kvarh|kvar|kva)$");
    private static final Pattern TARIFF = Pattern.compile("tariff_?(\\d+)");
    private static final Pattern SUBUNIT = Pattern.compile("subunit_?(\\d+)");
    private static final Pattern PAST = Pattern.compile("(^|_)(target|set_date|at_date|key_date|key_datetime|due|last_month|"
            + "last_year|prev|previous|history|historic|billing|january|february|march|april|may|june|july|august|september|"
            + "october|november|december)");
    private static final Pattern MAX = Pattern.compile("(^|_)(max|maximum)(_|$)");
    private static final Pattern MIN = Pattern.compile("(^|_)(min|minimum)(_|$)");
    private static final Pattern NEGATIVE = Pattern.compile("backward|backflow|reverse|production|negative");
    private static final Pattern PHASE = Pattern.compile("(^|_)(l|phase_?|at_phase_)([123])(_|$)");
    private static final Pattern DERIVED = Pattern.compile("average|avg|delta|period|apparent|reactive|(^|_)(1h|24h)(_|$)|cooling|(^|_)base_|"
            + "^consumption_\\d|_\\d_kw$|c\\d_volume");

    /** Record unit symbol -> [suffix, factor to the suffix's unit]. */
    private static final Map<String, Object[][]> CONVERSIONS = Map.ofEntries(
            Map.entry(Unit.CUBIC_METRE.symbol(), new Object[][] {{"m3", "1"}}),
            Map.entry(Unit.WATT_HOUR.symbol(), new Object[][] {{"kwh", "0.001"}}),
            Map.entry(Unit.JOULE.symbol(), new Object[][] {{"kwh", "1/3600000"}}),
            Map.entry(Unit.WATT.symbol(), new Object[][] {{"kw", "0.001"}}),
            Map.entry(Unit.JOULE_PER_HOUR.symbol(), new Object[][] {{"kw", "1/3600000"}}),
            Map.entry(Unit.CUBIC_METRE_PER_HOUR.symbol(), new Object[][] {{"m3h", "1"}}),
            Map.entry(Unit.CUBIC_METRE_PER_MINUTE.symbol(), new Object[][] {{"m3h", "60"}}),
            Map.entry(Unit.CUBIC_METRE_PER_SECOND.symbol(), new Object[][] {{"m3h", "3600"}}),
            Map.entry(Unit.DEGREE_CELSIUS.symbol(), new Object[][] {{"c", "1"}}),
            Map.entry(Unit.KELVIN.symbol(), new Object[][] {{"c", "1"}}),
            Map.entry(Unit.VOLT.symbol(), new Object[][] {{"v", "1"}}),
            Map.entry(Unit.AMPERE.symbol(), new Object[][] {{"a", "1"}}),
            Map.entry(Unit.HERTZ.symbol(), new Object[][] {{"hz", "1"}}),
            Map.entry(Unit.BAR.symbol(), new Object[][] {{"bar", "1"}}),
            Map.entry(Unit.RELATIVE_HUMIDITY.symbol(), new Object[][] {{"rh", "1"}}),
            Map.entry(Unit.HCA_UNITS.symbol(), new Object[][] {{"hca", "1"}}),
            Map.entry(Unit.SECOND.symbol(), new Object[][] {{"h", "1/3600"}, {"s", "1"}}),
            Map.entry(Unit.MINUTE.symbol(), new Object[][] {{"h", "1/60"}, {"s", "60"}}),
            Map.entry(Unit.HOUR.symbol(), new Object[][] {{"h", "1"}, {"s", "3600"}}),
            Map.entry(Unit.DAY.symbol(), new Object[][] {{"h", "24"}, {"s", "86400"}}),
            Map.entry(Unit.VAR_HOUR.symbol(), new Object[][] {{"kvarh", "0.001"}}),
            Map.entry(Unit.VAR.symbol(), new Object[][] {{"kvar", "0.001"}}),
            Map.entry(Unit.VOLT_AMPERE.symbol(), new Object[][] {{"kva", "0.001"}}));

    private ValueMapping() {
    }

    /** The target of a field name, or null when its suffix is not an EN 13757-3 unit. */
    static Target target(String field) {
        String f = field.toLowerCase(Locale.ROOT);
        Matcher m = SUFFIX.matcher(f);
        if (!m.find()) {
            return null;
        }
        Matcher t = TARIFF.matcher(f);
        Matcher s = SUBUNIT.matcher(f);
        Matcher p = PHASE.matcher(f);
        FunctionField function = MAX.matcher(f).find() ? FunctionField.MAXIMUM
                : MIN.matcher(f).find() ? FunctionField.MINIMUM : f.contains("at_error") ? FunctionField.VALUE_DURING_ERROR : null;
        return new Target(m.group(1), t.find() ? Integer.parseInt(t.group(1)) : 0, s.find() ? Integer.parseInt(s.group(1)) : 0,
                PAST.matcher(f).find(), function, NEGATIVE.matcher(f).find(), p.find() ? Integer.parseInt(p.group(3)) : 0,
                DERIVED.matcher(f).find());
    }

    /** A record that may hold the field's value: same class, tariff and subunit (the search for a match). */
    static boolean sameClass(DataRecord r, Target t) {
        return converted(r, t.unitClass()) != null && r.tariff() == t.tariff() && r.subunit() == t.subunit();
    }

    /**
     * A record the field's name points at: same class, tariff, subunit, storage (0 or > 0), function
     * when the name states one, the negative-contribution and phase modifiers of the name, not a record
     * with manufacturer-specific VIFEs, and a name that states nothing underived.
     */
    static boolean candidate(DataRecord r, Target t) {
        String d = r.description();
        return !t.derived() && sameClass(r, t) && (r.storage() > 0) == t.pastStorage()
                && (t.function() == null || r.function() == t.function())
                && d.contains("negative contributions") == t.negative()
                && (t.phase() == 0 ? !d.contains("phase") : d.contains("phase L" + t.phase()))
                && !d.contains("manufacturer specific");
    }

    /** The record's value in the unit of {@code suffix}, or null when the record is of another class or not numeric. */
    static BigDecimal converted(DataRecord r, String suffix) {
        if (!(r.value() instanceof DataValue.Numeric n)) {
            return null;
        }
        Object[][] conversions = CONVERSIONS.get(r.unit().symbol());
        if (conversions == null) {
            return null;
        }
        for (Object[] c : conversions) {
            if (c[0].equals(suffix)) {
                String factor = (String) c[1];
                if (factor.startsWith("1/")) {
                    return n.value().divide(new BigDecimal(factor.substring(2)), MathContext.DECIMAL64);
                }
                return n.value().multiply(new BigDecimal(factor));
            }
        }
        return null;
    }

    /**
     * True when {@code actual} equals the expected JSON number: exactly, within a relative 1e-9 (the
     * expected value went through a binary double), or - for values wmbusmeters computed and printed
     * with 6 decimals, such as kWh from J - after rounding to those decimals.
     */
    static boolean sameValue(BigDecimal actual, double expected, String expectedText) {
        BigDecimal e = new BigDecimal(expectedText);
        if (actual.compareTo(e) == 0) {
            return true;
        }
        if (e.scale() >= 6 && actual.setScale(e.scale(), java.math.RoundingMode.HALF_UP).compareTo(e) == 0) {
            return true;
        }
        double a = actual.doubleValue();
        return Math.abs(a - expected) <= 1e-9 * Math.max(Math.abs(a), Math.abs(expected));
    }
}
