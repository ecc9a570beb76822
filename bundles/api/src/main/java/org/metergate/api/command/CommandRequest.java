package org.metergate.api.command;

import java.time.Instant;
import java.util.Objects;
import org.metergate.api.meter.MeterAddress;

/**
 * A command addressed to one metering end device, as the head-end system (TR 50572 HES) sent it
 * over the G interface.
 *
 * @param id the request id; a repeated id is the same request, never executed twice
 * @param meter the meter to act on
 * @param command what to do
 * @param requester who asked (the head-end client id), for authorisation and audit
 * @param deadline when the command is no longer worth executing (a wM-Bus meter may only be
 *        reachable at its next transmission)
 */
public record CommandRequest(String id, MeterAddress meter, MeterCommand command, String requester, Instant deadline) {

    public CommandRequest {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(meter, "meter");
        Objects.requireNonNull(command, "command");
        requester = requester == null ? "" : requester;
        Objects.requireNonNull(deadline, "deadline");
    }
}
