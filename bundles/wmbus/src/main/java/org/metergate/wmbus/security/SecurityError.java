package org.metergate.wmbus.security;

import java.util.Objects;
import org.metergate.api.meter.MeterId;

/**
 * A security failure: its kind, the meter whose key was (or would have been) used, and a sentence that
 * says what happened. Never contains key material.
 *
 * @param kind what went wrong
 * @param meter the meter the key belongs to
 * @param message e.g. {@code wrong key for meter KAM-12345678: decrypted payload does not start with 2F2F}
 */
public record SecurityError(SecurityErrorKind kind, MeterId meter, String message) {

    public SecurityError {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(meter, "meter");
        Objects.requireNonNull(message, "message");
    }

    public static SecurityError noKey(MeterId meter) {
        return new SecurityError(SecurityErrorKind.NO_KEY, meter, "no key for meter " + meter);
    }

    public static SecurityError wrongKey(MeterId meter, String detail) {
        return new SecurityError(SecurityErrorKind.WRONG_KEY, meter, "wrong key for meter " + meter + ": " + detail);
    }

    public static SecurityError macMismatch(MeterId meter) {
        return new SecurityError(SecurityErrorKind.MAC_MISMATCH, meter, "MAC mismatch for meter " + meter);
    }

    @Override
    public String toString() {
        return message;
    }
}
