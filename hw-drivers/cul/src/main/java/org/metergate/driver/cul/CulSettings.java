package org.metergate.driver.cul;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import org.metergate.api.radio.RadioModeId;
import org.metergate.serial.support.Backoff;

/** The settings of one culfw stick, validated. */
record CulSettings(String id, String port, int baudRate, Set<RadioModeId> modes, Duration responseTimeout,
                   Backoff backoff) {

    CulSettings {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(port, "port");
        if (port.isBlank()) {
            throw new IllegalArgumentException("serial port path is empty");
        }
        modes = Set.copyOf(modes);
        Objects.requireNonNull(responseTimeout, "responseTimeout");
        Objects.requireNonNull(backoff, "backoff");
    }

    static CulSettings of(CulConfig c) {
        EnumSet<RadioModeId> modes = EnumSet.noneOf(RadioModeId.class);
        for (String label : c.modes()) {
            modes.add(RadioModeId.ofLabel(label));
        }
        return new CulSettings(c.metergate_transceiver_id(), c.port(), c.baudRate(), modes,
                Duration.ofMillis(c.responseTimeoutMs()), Backoff.ofMillis(c.reconnectInitialMs(), c.reconnectMaxMs()));
    }
}
