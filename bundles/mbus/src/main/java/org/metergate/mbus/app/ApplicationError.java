package org.metergate.mbus.app;

/** The general application errors a slave reports with CI 0x70 (EN 13757-3 table "application errors"). */
public enum ApplicationError {
    UNSPECIFIED(0x00, "unspecified error"),
    UNIMPLEMENTED_CI(0x01, "unimplemented CI-field"),
    BUFFER_TOO_LONG(0x02, "buffer too long, truncated"),
    TOO_MANY_RECORDS(0x03, "too many records"),
    PREMATURE_END_OF_RECORD(0x04, "premature end of record"),
    TOO_MANY_DIFES(0x05, "more than 10 DIFEs"),
    TOO_MANY_VIFES(0x06, "more than 10 VIFEs"),
    APPLICATION_BUSY(0x08, "application too busy for handling readout request"),
    TOO_MANY_READOUTS(0x09, "too many readouts"),
    RESERVED(-1, "reserved");

    private final int code;
    private final String description;

    ApplicationError(int code, String description) {
        this.code = code;
        this.description = description;
    }

    public int code() {
        return code;
    }

    public String description() {
        return description;
    }

    /** The error for a code byte; {@link #RESERVED} for codes the standard reserves. */
    public static ApplicationError of(int code) {
        for (ApplicationError e : values()) {
            if (e.code == code) {
                return e;
            }
        }
        return RESERVED;
    }
}
