package org.metergate.driver.im871a;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import org.metergate.api.radio.RadioModeId;
import org.metergate.serial.support.Backoff;

/**
 * The settings of one iM871A / iM170A, validated.
 *
 * @param staleMillis how long a partial frame may wait for its rest before it counts as cut off
 */
record Im871aSettings(String id, String port, int baudRate, ImstModel model, Set<RadioModeId> modes,
                      Duration responseTimeout, Backoff backoff, long staleMillis) {

    Im871aSettings {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(port, "port");
        Objects.requireNonNull(model, "model");
        modes = Set.copyOf(modes);
        Objects.requireNonNull(responseTimeout, "responseTimeout");
        Objects.requireNonNull(backoff, "backoff");
        if (port.isBlank()) {
            throw new IllegalArgumentException("serial port path is empty");
        }
    }

    static Im871aSettings of(Im871aConfig c) {
        EnumSet<RadioModeId> modes = EnumSet.noneOf(RadioModeId.class);
        for (String label : c.modes()) {
            modes.add(RadioModeId.ofLabel(label));
        }
        return new Im871aSettings(c.metergate_transceiver_id(), c.port(), c.baudRate(), ImstModel.ofLabel(c.model()),
                modes, Duration.ofMillis(c.responseTimeoutMs()),
                Backoff.ofMillis(c.reconnectInitialMs(), c.reconnectMaxMs()), 1000);
    }
}
