package org.metergate.mbus.record;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import org.metergate.api.reading.Unit;

/**
 * What a value information block says about a record's data: which table and code, the standard's
 * description and quantity, the unit, and the decimal exponent that scales the raw data exactly
 * ({@code value = raw * 10^exponent + additiveCorrection}). Orthogonal VIFEs are already applied.
 *
 * @param table the VIF table the code comes from
 * @param code the VIF code within that table, without extension bit
 * @param description the standard's words, with the VIFEs' modifiers appended
 * @param quantity the quantity measured (e.g. {@code energy}); VIFEs that change it (e.g. "date of")
 *        change it too
 * @param unit the unit of the scaled value
 * @param exponent the power of ten the raw data is multiplied by
 * @param additiveCorrection a constant added after scaling (VIFE 0x78-0x7B), or {@code null}
 * @param kind how the data field is read
 * @param extensions the combinable VIFEs that were applied, in order
 */
public record ValueInformation(VifTable table, int code, String description, String quantity, Unit unit,
                               int exponent, BigDecimal additiveCorrection, ValueKind kind,
                               List<OrthogonalVife> extensions) {

    public ValueInformation {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(kind, "kind");
        extensions = List.copyOf(extensions);
    }

    /** An entry of a VIF table: no VIFEs applied. */
    static ValueInformation entry(VifTable table, int code, String description, String quantity, Unit unit,
                                  int exponent, ValueKind kind) {
        return new ValueInformation(table, code, description, quantity, unit, exponent, null, kind, List.of());
    }
}
