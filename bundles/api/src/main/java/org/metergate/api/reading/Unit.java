package org.metergate.api.reading;

import java.util.Objects;

/**
 * The unit of a reading's value, as a symbol. The constants are the units that the EN 13757-3 VIF
 * tables, OBIS (IEC 62056-6-1) and the DLMS unit table use; a plain-text VIF (EN 13757-3, VIF 0x7C)
 * carries its own unit text, which becomes a unit with that symbol.
 *
 * @param symbol the unit symbol, e.g. {@code Wh}, {@code m3}, {@code °C}; empty for a dimensionless count
 */
public record Unit(String symbol) {

    public static final Unit NONE = new Unit("");
    public static final Unit WATT_HOUR = new Unit("Wh");
    public static final Unit JOULE = new Unit("J");
    public static final Unit CUBIC_METRE = new Unit("m3");
    public static final Unit KILOGRAM = new Unit("kg");
    public static final Unit TONNE = new Unit("t");
    public static final Unit SECOND = new Unit("s");
    public static final Unit MINUTE = new Unit("min");
    public static final Unit HOUR = new Unit("h");
    public static final Unit DAY = new Unit("d");
    public static final Unit MONTH = new Unit("month");
    public static final Unit YEAR = new Unit("a");
    public static final Unit WATT = new Unit("W");
    public static final Unit JOULE_PER_HOUR = new Unit("J/h");
    public static final Unit CUBIC_METRE_PER_HOUR = new Unit("m3/h");
    public static final Unit CUBIC_METRE_PER_MINUTE = new Unit("m3/min");
    public static final Unit CUBIC_METRE_PER_SECOND = new Unit("m3/s");
    public static final Unit KILOGRAM_PER_HOUR = new Unit("kg/h");
    public static final Unit DEGREE_CELSIUS = new Unit("°C");
    public static final Unit KELVIN = new Unit("K");
    public static final Unit BAR = new Unit("bar");
    public static final Unit VOLT = new Unit("V");
    public static final Unit AMPERE = new Unit("A");
    public static final Unit HERTZ = new Unit("Hz");
    public static final Unit VOLT_AMPERE = new Unit("VA");
    public static final Unit VAR = new Unit("var");
    public static final Unit VOLT_AMPERE_HOUR = new Unit("VAh");
    public static final Unit VAR_HOUR = new Unit("varh");
    public static final Unit PERCENT = new Unit("%");
    public static final Unit RELATIVE_HUMIDITY = new Unit("%RH");
    public static final Unit DECIBEL_MILLIWATT = new Unit("dBm");
    public static final Unit HCA_UNITS = new Unit("HCA");
    public static final Unit CURRENCY = new Unit("currency");

    public Unit {
        Objects.requireNonNull(symbol, "symbol");
    }

    @Override
    public String toString() {
        return symbol;
    }
}
