package org.metergate.driver.amb8465;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import org.metergate.api.radio.RadioModeId;
import org.metergate.serial.support.Backoff;

/** The settings of one AMB8465, validated. */
record Amb8465Settings(String id, String port, int baudRate, Set<RadioModeId> modes, boolean writeUserSettings,
                       Duration resetDelay, Duration responseTimeout, Backoff backoff, long staleMillis) {

    Amb8465Settings {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(port, "port");
        if (port.isBlank()) {
            throw new IllegalArgumentException("serial port path is empty");
        }
        modes = Set.copyOf(modes);
        Objects.requireNonNull(resetDelay, "resetDelay");
        Objects.requireNonNull(responseTimeout, "responseTimeout");
        Objects.requireNonNull(backoff, "backoff");
    }

    static Amb8465Settings of(Amb8465Config c) {
        EnumSet<RadioModeId> modes = EnumSet.noneOf(RadioModeId.class);
        for (String label : c.modes()) {
            modes.add(RadioModeId.ofLabel(label));
        }
        return new Amb8465Settings(c.metergate_transceiver_id(), c.port(), c.baudRate(), modes, c.writeUserSettings(),
                Duration.ofMillis(c.resetDelayMs()), Duration.ofMillis(c.responseTimeoutMs()),
                Backoff.ofMillis(c.reconnectInitialMs(), c.reconnectMaxMs()), 2000);
    }
}
