package org.metergate.api.reading;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;
import org.metergate.api.meter.MeterAddress;

/**
 * One measured value of a metering end device: an EN 13757-3 data record (or a DLMS/SML/P1 value)
 * normalised to quantity, exact value and unit. The value is a {@link BigDecimal} scaled exactly as
 * the VIF (or OBIS scaler) says; it is never a binary floating-point number.
 *
 * @param meter the meter that measured it
 * @param quantity what is measured, in the words of EN 13757-3's VIF table (e.g. {@code energy},
 *        {@code volume}, {@code flow temperature}); modifiers from VIF extensions are added, e.g.
 *        {@code volume, accumulation of negative contributions}
 * @param value the exact value in {@code unit}
 * @param unit the unit of {@code value}
 * @param storage the storage number (DIF bit 6 plus DIFE storage bits): 0 is the current value,
 *        higher numbers are stored values such as the billing date value
 * @param tariff the tariff (DIFE tariff bits), 0 for the total
 * @param subunit the device subunit (DIFE subunit bits), 0 for the main unit
 * @param function instantaneous, maximum, minimum or value during error state
 * @param time the time the value refers to: the meter's own time stamp when the telegram carries
 *        one, else the time the telegram was received
 * @param obis the OBIS code of the value where a mapping exists, else {@code null}
 */
public record Reading(MeterAddress meter, String quantity, BigDecimal value, Unit unit, long storage,
                      int tariff, int subunit, FunctionField function, Instant time, ObisCode obis)
        implements Uplink {

    public Reading {
        Objects.requireNonNull(meter, "meter");
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(function, "function");
        Objects.requireNonNull(time, "time");
        if (storage < 0 || tariff < 0 || subunit < 0) {
            throw new IllegalArgumentException("storage, tariff and subunit are never negative");
        }
    }
}
