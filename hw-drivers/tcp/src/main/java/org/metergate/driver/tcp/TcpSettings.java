package org.metergate.driver.tcp;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.metergate.api.radio.RadioModeId;
import org.metergate.api.telegram.TelegramFormat;
import org.metergate.serial.support.Backoff;
import org.metergate.serial.support.FrameFormatException;

/** The settings of one TCP input, validated. */
record TcpSettings(String id, boolean server, String host, int port, Set<RadioModeId> modes,
                   TelegramFormat defaultFormat, Duration idleTimeout, int maxReceivers, Backoff backoff) {

    TcpSettings {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(host, "host");
        if (port < 0 || port > 65535 || (port == 0 && !server)) {
            throw new IllegalArgumentException("port " + port + " out of range");
        }
        modes = Set.copyOf(modes);
        Objects.requireNonNull(defaultFormat, "defaultFormat");
        Objects.requireNonNull(idleTimeout, "idleTimeout");
        if (maxReceivers < 1) {
            throw new IllegalArgumentException("at least one receiver must be allowed: " + maxReceivers);
        }
        Objects.requireNonNull(backoff, "backoff");
    }

    static TcpSettings of(TcpConfig c) {
        EnumSet<RadioModeId> modes = EnumSet.noneOf(RadioModeId.class);
        for (String label : c.modes()) {
            modes.add(RadioModeId.ofLabel(label));
        }
        boolean server = switch (c.role().strip().toLowerCase(Locale.ROOT)) {
            case "server" -> true;
            case "client" -> false;
            default -> throw new IllegalArgumentException("role must be client or server: " + c.role());
        };
        TelegramFormat format;
        try {
            format = HexLine.format(c.defaultFraming().strip());
        } catch (FrameFormatException e) {
            throw new IllegalArgumentException(e.getMessage());
        }
        return new TcpSettings(c.metergate_transceiver_id(), server, c.host(), c.port(), modes, format,
                Duration.ofSeconds(Math.max(0, c.idleTimeoutSeconds())), c.maxReceivers(),
                Backoff.ofMillis(c.reconnectInitialMs(), c.reconnectMaxMs()));
    }
}
