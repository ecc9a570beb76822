package org.metergate.driver.rc1180;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import org.metergate.api.radio.RadioModeId;
import org.metergate.serial.support.Backoff;

/** The settings of one RC1180-MBUS, validated. */
record Rc1180Settings(String id, String port, int baudRate, Set<RadioModeId> modes, Duration responseTimeout,
                      Duration memoryWriteTimeout, Backoff backoff, long staleMillis) {

    Rc1180Settings {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(port, "port");
        if (port.isBlank()) {
            throw new IllegalArgumentException("serial port path is empty");
        }
        modes = Set.copyOf(modes);
        Objects.requireNonNull(responseTimeout, "responseTimeout");
        Objects.requireNonNull(memoryWriteTimeout, "memoryWriteTimeout");
        Objects.requireNonNull(backoff, "backoff");
    }

    static Rc1180Settings of(Rc1180Config c) {
        EnumSet<RadioModeId> modes = EnumSet.noneOf(RadioModeId.class);
        for (String label : c.modes()) {
            modes.add(RadioModeId.ofLabel(label));
        }
        return new Rc1180Settings(c.metergate_transceiver_id(), c.port(), c.baudRate(), modes,
                Duration.ofMillis(c.responseTimeoutMs()), Duration.ofMillis(c.memoryWriteTimeoutMs()),
                Backoff.ofMillis(c.reconnectInitialMs(), c.reconnectMaxMs()), 2000);
    }
}
