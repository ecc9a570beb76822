package org.metergate.serial.support;

/** The kinds of bad input a driver counts; none of them stops it. */
public enum FaultKind {
    /** A checksum, CRC or FCS of the device protocol (or a link CRC the device reports) does not match. */
    CHECKSUM("checksum"),
    /** Bytes that are no frame of the protocol: garbage, a bad start byte, an impossible length, a cut-off frame. */
    FRAMING("framing"),
    /** A well-formed message the driver does not know or did not expect. */
    UNKNOWN_MESSAGE("unknown message"),
    /** A line coding error reported by the receiver (3-out-of-6, Manchester). */
    CODING("coding"),
    /** The device answered a command with an error status. */
    REJECTED("rejected");

    private final String label;

    FaultKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
