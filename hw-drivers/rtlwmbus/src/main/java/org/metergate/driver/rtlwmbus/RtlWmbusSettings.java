package org.metergate.driver.rtlwmbus;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.Set;
import org.metergate.api.radio.RadioModeId;
import org.metergate.serial.support.Backoff;

/**
 * The settings of one rtl-wmbus input: exactly one of {@code command} and {@code path}.
 *
 * @param pollInterval how often a followed file is checked for new lines
 */
record RtlWmbusSettings(String id, String command, String path, Set<RadioModeId> modes, OptionalDouble rssiOffsetDb,
                        boolean useLineTimestamp, Backoff backoff, Duration pollInterval) {

    static final Set<RadioModeId> DECODED = EnumSet.of(RadioModeId.T1, RadioModeId.C1, RadioModeId.S1);

    RtlWmbusSettings {
        Objects.requireNonNull(id, "id");
        command = command == null ? "" : command.strip();
        path = path == null ? "" : path.strip();
        if (command.isEmpty() == path.isEmpty()) {
            throw new IllegalArgumentException("set either a command or a path for rtl_wmbus lines (not "
                    + (command.isEmpty() ? "neither" : "both") + ")");
        }
        modes = Set.copyOf(modes);
        if (!DECODED.containsAll(modes)) {
            throw new IllegalArgumentException("rtl_wmbus decodes T1, C1 and S1, not " + modes);
        }
        Objects.requireNonNull(rssiOffsetDb, "rssiOffsetDb");
        Objects.requireNonNull(backoff, "backoff");
        Objects.requireNonNull(pollInterval, "pollInterval");
    }

    static RtlWmbusSettings of(RtlWmbusConfig c) {
        EnumSet<RadioModeId> modes = EnumSet.noneOf(RadioModeId.class);
        for (String label : c.modes()) {
            modes.add(RadioModeId.ofLabel(label));
        }
        OptionalDouble offset;
        try {
            offset = c.rssiOffsetDb().isBlank() ? OptionalDouble.empty()
                    : OptionalDouble.of(Double.parseDouble(c.rssiOffsetDb().strip()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("RSSI offset is not a number: '" + c.rssiOffsetDb() + "'");
        }
        return new RtlWmbusSettings(c.metergate_transceiver_id(), c.command(), c.path(), modes, offset,
                c.useLineTimestamp(), Backoff.ofMillis(c.reconnectInitialMs(), c.reconnectMaxMs()),
                Duration.ofMillis(200));
    }
}
