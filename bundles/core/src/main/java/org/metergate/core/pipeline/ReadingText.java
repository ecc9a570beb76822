package org.metergate.core.pipeline;

import java.util.List;
import org.metergate.api.reading.FunctionField;
import org.metergate.api.reading.Reading;

/** Readings as a line people read: {@code volume 12.345 m3, flow temperature 21.5 °C (storage 1)}. */
final class ReadingText {

    private ReadingText() {
    }

    static String of(List<Reading> readings) {
        StringBuilder sb = new StringBuilder();
        for (Reading r : readings) {
            if (sb.length() > 0) {
                sb.append(", ");
            }
            sb.append(r.quantity()).append(' ').append(r.value().toPlainString());
            if (!r.unit().symbol().isEmpty()) {
                sb.append(' ').append(r.unit().symbol());
            }
            StringBuilder q = new StringBuilder();
            if (r.storage() != 0) q.append("storage ").append(r.storage());
            if (r.tariff() != 0) q.append(q.length() > 0 ? ", " : "").append("tariff ").append(r.tariff());
            if (r.subunit() != 0) q.append(q.length() > 0 ? ", " : "").append("subunit ").append(r.subunit());
            if (r.function() != FunctionField.INSTANTANEOUS) {
                q.append(q.length() > 0 ? ", " : "").append(r.function().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '));
            }
            if (q.length() > 0) {
                sb.append(" (").append(q).append(')');
            }
        }
        return sb.toString();
    }
}
