package org.metergate.headend.apps;

import java.util.Locale;
import org.metergate.api.meter.Meter;
import org.metergate.api.meter.MeterAddress;
import org.metergate.api.meter.MeterId;
import org.metergate.api.meter.MeterRegistry;

/** Finds the installed meter a resource names: {@code MAN-IDENTIFICATION}. */
final class Meters {

    private Meters() {
    }

    static MeterId id(String text) throws Json.BadRequest {
        try {
            return MeterId.parse(text);
        } catch (IllegalArgumentException e) {
            throw new Json.BadRequest("not a meter id (MAN-12345678): " + text);
        }
    }

    static Meter installed(MeterRegistry registry, String text) throws Json.BadRequest {
        MeterId id = id(text);
        for (Meter m : registry.meters()) {
            if (m.address().meterId().equals(id)) {
                return m;
            }
        }
        throw new Json.BadRequest(404, "no installed meter " + id);
    }

    /** True when a consumer may see the meter: only their own (owner = their requester id). */
    static boolean visible(Meter m, String role, String requester) {
        return !"CONSUMER".equals(role) || m.owner().equals(requester);
    }

    static String key(MeterAddress a) {
        return a.meterId().toString().toUpperCase(Locale.ROOT);
    }
}
