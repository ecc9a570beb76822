package org.metergate.mbus.record;

import static org.metergate.mbus.record.ValueKind.DATE;
import static org.metergate.mbus.record.ValueKind.DATE_TIME;
import static org.metergate.mbus.record.ValueKind.DAYLIGHT_SAVING;
import static org.metergate.mbus.record.ValueKind.NUMBER;
import static org.metergate.mbus.record.ValueKind.UNSIGNED;

import org.metergate.api.reading.Unit;

/**
 * The VIF tables of EN 13757-3:2013 as data: the primary VIF table, the main extension table (after
 * VIF 0xFD) and the alternate extension table (after VIF 0xFB). Each entry gives the standard's
 * description, the quantity, the unit and the decimal exponent that scales the raw value exactly.
 * Codes the standard reserves are entries too ("reserved"), so a lookup never fails.
 */
public final class VifTables {

    static final Unit DEGREE_FAHRENHEIT = new Unit("°F");
    static final Unit CUBIC_FOOT = new Unit("ft3");
    static final Unit CALORIE = new Unit("cal");
    static final Unit BAUD = new Unit("Bd");
    static final Unit BIT_TIMES = new Unit("bit times");
    static final Unit DEGREE = new Unit("°");

    private static final Unit[] TIME_S_MIN_H_D = {Unit.SECOND, Unit.MINUTE, Unit.HOUR, Unit.DAY};
    private static final Unit[] TIME_H_D_MONTH_YEAR = {Unit.HOUR, Unit.DAY, Unit.MONTH, Unit.YEAR};

    private static final ValueInformation[] PRIMARY = new ValueInformation[128];
    private static final ValueInformation[] FD = new ValueInformation[128];
    private static final ValueInformation[] FB = new ValueInformation[128];

    static {
        primaryTable();
        fdTable();
        fbTable();
        fillReserved(PRIMARY, VifTable.PRIMARY);
        fillReserved(FD, VifTable.EXTENSION_FD);
        fillReserved(FB, VifTable.EXTENSION_FB);
    }

    private VifTables() {
    }

    /** The primary table entry for a VIF (extension bit ignored). 0x7B-0x7F are handled by the VIB decoder. */
    public static ValueInformation primary(int vif) {
        return PRIMARY[vif & 0x7F];
    }

    /** The entry of the main extension table for the VIFE after VIF 0xFD. */
    public static ValueInformation extensionFd(int vife) {
        return FD[vife & 0x7F];
    }

    /** The entry of the alternate extension table for the VIFE after VIF 0xFB. */
    public static ValueInformation extensionFb(int vife) {
        return FB[vife & 0x7F];
    }

    // EN 13757-3:2013 table 10, primary VIF codes.
    private static void primaryTable() {
        ValueInformation[] t = PRIMARY;
        VifTable p = VifTable.PRIMARY;
        scaled(t, p, 0x00, 8, "energy", "energy", Unit.WATT_HOUR, -3);
        scaled(t, p, 0x08, 8, "energy", "energy", Unit.JOULE, 0);
        scaled(t, p, 0x10, 8, "volume", "volume", Unit.CUBIC_METRE, -6);
        scaled(t, p, 0x18, 8, "mass", "mass", Unit.KILOGRAM, -3);
        timed(t, p, 0x20, "on time", "on time", TIME_S_MIN_H_D);
        timed(t, p, 0x24, "operating time", "operating time", TIME_S_MIN_H_D);
        scaled(t, p, 0x28, 8, "power", "power", Unit.WATT, -3);
        scaled(t, p, 0x30, 8, "power", "power", Unit.JOULE_PER_HOUR, 0);
        scaled(t, p, 0x38, 8, "volume flow", "volume flow", Unit.CUBIC_METRE_PER_HOUR, -6);
        scaled(t, p, 0x40, 8, "volume flow ext.", "volume flow", Unit.CUBIC_METRE_PER_MINUTE, -7);
        scaled(t, p, 0x48, 8, "volume flow ext.", "volume flow", Unit.CUBIC_METRE_PER_SECOND, -9);
        scaled(t, p, 0x50, 8, "mass flow", "mass flow", Unit.KILOGRAM_PER_HOUR, -3);
        scaled(t, p, 0x58, 4, "flow temperature", "flow temperature", Unit.DEGREE_CELSIUS, -3);
        scaled(t, p, 0x5C, 4, "return temperature", "return temperature", Unit.DEGREE_CELSIUS, -3);
        scaled(t, p, 0x60, 4, "temperature difference", "temperature difference", Unit.KELVIN, -3);
        scaled(t, p, 0x64, 4, "external temperature", "external temperature", Unit.DEGREE_CELSIUS, -3);
        scaled(t, p, 0x68, 4, "pressure", "pressure", Unit.BAR, -3);
        one(t, p, 0x6C, "time point (date)", "date", Unit.NONE, DATE);
        one(t, p, 0x6D, "time point (date and time)", "date and time", Unit.NONE, DATE_TIME);
        one(t, p, 0x6E, "units for H.C.A.", "heat cost allocation", Unit.HCA_UNITS, NUMBER);
        timed(t, p, 0x70, "averaging duration", "averaging duration", TIME_S_MIN_H_D);
        timed(t, p, 0x74, "actuality duration", "actuality duration", TIME_S_MIN_H_D);
        one(t, p, 0x78, "fabrication number", "fabrication number", Unit.NONE, UNSIGNED);
        one(t, p, 0x79, "(enhanced) identification", "identification", Unit.NONE, UNSIGNED);
        one(t, p, 0x7A, "bus address", "bus address", Unit.NONE, UNSIGNED);
    }

    // EN 13757-3:2013 table 14, main VIFE code extension table (VIF = FDh).
    private static void fdTable() {
        ValueInformation[] t = FD;
        VifTable p = VifTable.EXTENSION_FD;
        scaled(t, p, 0x00, 4, "credit", "credit", Unit.CURRENCY, -3);
        scaled(t, p, 0x04, 4, "debit", "debit", Unit.CURRENCY, -3);
        one(t, p, 0x08, "unique telegram identification (access number)", "access number", Unit.NONE, UNSIGNED);
        one(t, p, 0x09, "device type (medium)", "medium", Unit.NONE, UNSIGNED);
        one(t, p, 0x0A, "manufacturer", "manufacturer", Unit.NONE, UNSIGNED);
        one(t, p, 0x0B, "parameter set identification", "parameter set identification", Unit.NONE, UNSIGNED);
        one(t, p, 0x0C, "model / version", "model / version", Unit.NONE, UNSIGNED);
        one(t, p, 0x0D, "hardware version", "hardware version", Unit.NONE, UNSIGNED);
        one(t, p, 0x0E, "metrology (firmware) version", "firmware version", Unit.NONE, UNSIGNED);
        one(t, p, 0x0F, "other software version", "software version", Unit.NONE, UNSIGNED);
        one(t, p, 0x10, "customer location", "customer location", Unit.NONE, UNSIGNED);
        one(t, p, 0x11, "customer", "customer", Unit.NONE, UNSIGNED);
        one(t, p, 0x12, "access code user", "access code user", Unit.NONE, UNSIGNED);
        one(t, p, 0x13, "access code operator", "access code operator", Unit.NONE, UNSIGNED);
        one(t, p, 0x14, "access code system operator", "access code system operator", Unit.NONE, UNSIGNED);
        one(t, p, 0x15, "access code developer", "access code developer", Unit.NONE, UNSIGNED);
        one(t, p, 0x16, "password", "password", Unit.NONE, UNSIGNED);
        one(t, p, 0x17, "error flags (binary, device type specific)", "error flags", Unit.NONE, UNSIGNED);
        one(t, p, 0x18, "error mask", "error mask", Unit.NONE, UNSIGNED);
        one(t, p, 0x19, "security key", "security key", Unit.NONE, UNSIGNED);
        one(t, p, 0x1A, "digital output (binary)", "digital output", Unit.NONE, UNSIGNED);
        one(t, p, 0x1B, "digital input (binary)", "digital input", Unit.NONE, UNSIGNED);
        one(t, p, 0x1C, "baud rate", "baud rate", BAUD, NUMBER);
        one(t, p, 0x1D, "response delay time", "response delay time", BIT_TIMES, NUMBER);
        one(t, p, 0x1E, "retry", "retry", Unit.NONE, NUMBER);
        one(t, p, 0x1F, "remote control (device specific)", "remote control", Unit.NONE, UNSIGNED);
        one(t, p, 0x20, "first storage number for cyclic storage", "first storage number", Unit.NONE, NUMBER);
        one(t, p, 0x21, "last storage number for cyclic storage", "last storage number", Unit.NONE, NUMBER);
        one(t, p, 0x22, "size of storage block", "size of storage block", Unit.NONE, NUMBER);
        one(t, p, 0x23, "descriptor for tariff and subunit", "descriptor for tariff and subunit", Unit.NONE, UNSIGNED);
        timed(t, p, 0x24, "storage interval", "storage interval", TIME_S_MIN_H_D);
        one(t, p, 0x28, "storage interval", "storage interval", Unit.MONTH, NUMBER);
        one(t, p, 0x29, "storage interval", "storage interval", Unit.YEAR, NUMBER);
        one(t, p, 0x2A, "operator specific data", "operator specific data", Unit.NONE, UNSIGNED);
        one(t, p, 0x2B, "time point second", "time point second", Unit.SECOND, NUMBER);
        timed(t, p, 0x2C, "duration since last readout", "duration since last readout", TIME_S_MIN_H_D);
        one(t, p, 0x30, "start (date/time) of tariff", "start of tariff", Unit.NONE, DATE_TIME);
        one(t, p, 0x31, "duration of tariff", "duration of tariff", Unit.MINUTE, NUMBER);
        one(t, p, 0x32, "duration of tariff", "duration of tariff", Unit.HOUR, NUMBER);
        one(t, p, 0x33, "duration of tariff", "duration of tariff", Unit.DAY, NUMBER);
        timed(t, p, 0x34, "period of tariff", "period of tariff", TIME_S_MIN_H_D);
        one(t, p, 0x38, "period of tariff", "period of tariff", Unit.MONTH, NUMBER);
        one(t, p, 0x39, "period of tariff", "period of tariff", Unit.YEAR, NUMBER);
        one(t, p, 0x3A, "dimensionless / no VIF", "dimensionless", Unit.NONE, NUMBER);
        scaled(t, p, 0x40, 16, "voltage", "voltage", Unit.VOLT, -9);
        scaled(t, p, 0x50, 16, "current", "current", Unit.AMPERE, -12);
        one(t, p, 0x60, "reset counter", "reset counter", Unit.NONE, NUMBER);
        one(t, p, 0x61, "cumulation counter", "cumulation counter", Unit.NONE, NUMBER);
        one(t, p, 0x62, "control signal", "control signal", Unit.NONE, UNSIGNED);
        one(t, p, 0x63, "day of week", "day of week", Unit.NONE, NUMBER);
        one(t, p, 0x64, "week number", "week number", Unit.NONE, NUMBER);
        one(t, p, 0x65, "time point of day change", "time point of day change", Unit.NONE, NUMBER);
        one(t, p, 0x66, "state of parameter activation", "state of parameter activation", Unit.NONE, UNSIGNED);
        one(t, p, 0x67, "special supplier information", "special supplier information", Unit.NONE, UNSIGNED);
        timed(t, p, 0x68, "duration since last cumulation", "duration since last cumulation", TIME_H_D_MONTH_YEAR);
        timed(t, p, 0x6C, "operating time battery", "operating time battery", TIME_H_D_MONTH_YEAR);
        one(t, p, 0x70, "date and time of battery change", "date of battery change", Unit.NONE, DATE_TIME);
        one(t, p, 0x71, "RF level units", "RF level", Unit.DECIBEL_MILLIWATT, NUMBER);
        one(t, p, 0x72, "daylight saving (beginning, ending, deviation)", "daylight saving", Unit.NONE, DAYLIGHT_SAVING);
        one(t, p, 0x73, "listening window management", "listening window management", Unit.NONE, UNSIGNED);
        one(t, p, 0x74, "remaining battery life time", "remaining battery life time", Unit.DAY, NUMBER);
        one(t, p, 0x75, "number of times the meter was stopped", "stop counter", Unit.NONE, NUMBER);
        one(t, p, 0x76, "data container for manufacturer specific protocol", "manufacturer specific protocol",
                Unit.NONE, UNSIGNED);
    }

    // EN 13757-3:2013 table 12, alternate extended VIF code table (VIF = FBh).
    private static void fbTable() {
        ValueInformation[] t = FB;
        VifTable p = VifTable.EXTENSION_FB;
        scaled(t, p, 0x00, 2, "energy", "energy", Unit.WATT_HOUR, 5);          // 10^(n-1) MWh
        scaled(t, p, 0x02, 2, "reactive energy", "reactive energy", Unit.VAR_HOUR, 3); // 10^n kvarh
        scaled(t, p, 0x08, 2, "energy", "energy", Unit.JOULE, 8);              // 10^(n-1) GJ
        scaled(t, p, 0x0C, 4, "energy", "energy", CALORIE, 5);                 // 10^(n-1) Mcal
        scaled(t, p, 0x10, 2, "volume", "volume", Unit.CUBIC_METRE, 2);         // 10^(n+2) m3
        scaled(t, p, 0x14, 4, "reactive power", "reactive power", Unit.VAR, 0); // 10^(n-3) kvar
        scaled(t, p, 0x18, 2, "mass", "mass", Unit.TONNE, 2);                  // 10^(n+2) t
        scaled(t, p, 0x1A, 2, "relative humidity", "relative humidity", Unit.RELATIVE_HUMIDITY, -1);
        one(t, p, 0x20, "volume", "volume", CUBIC_FOOT, NUMBER, 0);
        one(t, p, 0x21, "volume", "volume", CUBIC_FOOT, NUMBER, -1);
        scaled(t, p, 0x28, 2, "power", "power", Unit.WATT, 5);                 // 10^(n-1) MW
        one(t, p, 0x2A, "phase U-U (voltage to voltage)", "phase angle", DEGREE, NUMBER, -1);
        one(t, p, 0x2B, "phase U-I (voltage to current)", "phase angle", DEGREE, NUMBER, -1);
        scaled(t, p, 0x2C, 4, "frequency", "frequency", Unit.HERTZ, -3);
        scaled(t, p, 0x30, 2, "power", "power", Unit.JOULE_PER_HOUR, 8);       // 10^(n-1) GJ/h
        scaled(t, p, 0x34, 4, "apparent power", "apparent power", Unit.VOLT_AMPERE, 0); // 10^(n-3) kVA
        scaled(t, p, 0x58, 4, "flow temperature", "flow temperature", DEGREE_FAHRENHEIT, -3);
        scaled(t, p, 0x5C, 4, "return temperature", "return temperature", DEGREE_FAHRENHEIT, -3);
        scaled(t, p, 0x60, 4, "temperature difference", "temperature difference", DEGREE_FAHRENHEIT, -3);
        scaled(t, p, 0x64, 4, "external temperature", "external temperature", DEGREE_FAHRENHEIT, -3);
        scaled(t, p, 0x70, 4, "cold / warm temperature limit", "temperature limit", DEGREE_FAHRENHEIT, -3);
        scaled(t, p, 0x74, 4, "cold / warm temperature limit", "temperature limit", Unit.DEGREE_CELSIUS, -3);
        scaled(t, p, 0x78, 8, "cumulative count max power", "cumulative count max power", Unit.WATT, -3);
    }

    /** {@code count} consecutive codes whose exponent rises by one per code, starting at {@code exponent}. */
    private static void scaled(ValueInformation[] t, VifTable table, int first, int count, String description,
                               String quantity, Unit unit, int exponent) {
        for (int i = 0; i < count; i++) {
            t[first + i] = ValueInformation.entry(table, first + i, description, quantity, unit, exponent + i, NUMBER);
        }
    }

    /** Consecutive codes that differ by their time unit. */
    private static void timed(ValueInformation[] t, VifTable table, int first, String description, String quantity,
                              Unit[] units) {
        for (int i = 0; i < units.length; i++) {
            t[first + i] = ValueInformation.entry(table, first + i, description, quantity, units[i], 0, NUMBER);
        }
    }

    private static void one(ValueInformation[] t, VifTable table, int code, String description, String quantity,
                            Unit unit, ValueKind kind) {
        one(t, table, code, description, quantity, unit, kind, 0);
    }

    private static void one(ValueInformation[] t, VifTable table, int code, String description, String quantity,
                            Unit unit, ValueKind kind, int exponent) {
        t[code] = ValueInformation.entry(table, code, description, quantity, unit, exponent, kind);
    }

    private static void fillReserved(ValueInformation[] t, VifTable table) {
        for (int i = 0; i < t.length; i++) {
            if (t[i] == null) {
                t[i] = ValueInformation.entry(table, i, "reserved", "reserved", Unit.NONE, 0, NUMBER);
            }
        }
    }
}
