package org.metergate.api.link;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A snapshot of a link's or transceiver's state and counters (TR 50572 "communication statistics").
 *
 * @param state the current state
 * @param received telegrams or frames received since start
 * @param errors frames that could not be used (framing, checksum, decode) since start
 * @param dropped telegrams dropped because the pipeline could not take them
 * @param lastReceived when the last telegram arrived, if any
 * @param detail a short explanation of the state, e.g. the error that took it down
 */
public record LinkStatus(LinkState state, long received, long errors, long dropped,
                         Optional<Instant> lastReceived, String detail) {

    public LinkStatus {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(lastReceived, "lastReceived");
        detail = detail == null ? "" : detail;
    }
}
