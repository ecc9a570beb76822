package org.metergate.api.command;

import java.util.List;
import java.util.Objects;
import org.metergate.api.reading.Reading;

/**
 * The outcome of a {@link CommandRequest}, reported back to the head-end system over G (TR 50572).
 *
 * @param requestId the request's id
 * @param outcome what happened
 * @param detail a short explanation, e.g. the meter's application error
 * @param readings readings the command produced (an on-demand read)
 */
public record CommandResult(String requestId, Outcome outcome, String detail, List<Reading> readings) {

    public CommandResult {
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(outcome, "outcome");
        detail = detail == null ? "" : detail;
        readings = List.copyOf(readings);
    }

    public enum Outcome {
        /** The meter confirmed the command. */
        DONE,
        /** The meter answered with an error. */
        FAILED,
        /** The meter did not answer before the deadline. */
        TIMED_OUT,
        /** The gateway refused the command (not authorised, not signed). */
        REFUSED,
        /** No deployed link reaches the meter. */
        UNREACHABLE
    }
}
