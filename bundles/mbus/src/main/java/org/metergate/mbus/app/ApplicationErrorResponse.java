package org.metergate.mbus.app;

import java.util.Arrays;

/**
 * CI 0x70: the slave reports an application error instead of data. The error byte is optional (a
 * control frame with CI 0x70 alone means "unspecified").
 *
 * @param code the error byte, or -1 when absent
 * @param additional bytes after the error byte (manufacturer or later-standard details), usually empty
 */
public record ApplicationErrorResponse(int code, byte[] additional) implements ApplicationMessage {

    public ApplicationErrorResponse {
        if (code < -1 || code > 0xFF) {
            throw new IllegalArgumentException("error code must be a byte or -1: " + code);
        }
        additional = additional.clone();
    }

    @Override
    public int ci() {
        return CiField.APPLICATION_ERROR;
    }

    @Override
    public byte[] additional() {
        return additional.clone();
    }

    /** The error; {@link ApplicationError#UNSPECIFIED} when no code was sent. */
    public ApplicationError error() {
        return code < 0 ? ApplicationError.UNSPECIFIED : ApplicationError.of(code);
    }

    /** E.g. {@code application error 08: application too busy for handling readout request}. */
    public String describe() {
        return "application error" + (code < 0 ? "" : " " + org.metergate.mbus.Hex.byteHex(code)) + ": "
                + error().description();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ApplicationErrorResponse r && code == r.code && Arrays.equals(additional, r.additional);
    }

    @Override
    public int hashCode() {
        return code * 31 + Arrays.hashCode(additional);
    }

    @Override
    public String toString() {
        return "ApplicationErrorResponse[" + describe() + "]";
    }
}
