package org.metergate.mbus.app;

/**
 * The status field of EN 13757-3 (table "status field"): bits 0-1 application status, bit 2 power
 * low, bit 3 permanent error, bit 4 temporary error, bits 5-7 manufacturer specific.
 *
 * @param value the status byte, 0..255
 */
public record StatusByte(int value) {

    /** Bits 0-1 of the status field. */
    public enum ApplicationStatus {
        /** 00: no error. */
        NO_ERROR,
        /** 01: application busy. */
        BUSY,
        /** 10: any application error. */
        ERROR,
        /** 11: abnormal condition / alarm. */
        ALARM
    }

    private static final ApplicationStatus[] STATUS = ApplicationStatus.values();

    public StatusByte {
        if (value < 0 || value > 0xFF) {
            throw new IllegalArgumentException("status must be a byte: " + value);
        }
    }

    public ApplicationStatus applicationStatus() {
        return STATUS[value & 0x03];
    }

    /** Bit 2: power low (battery). */
    public boolean powerLow() {
        return (value & 0x04) != 0;
    }

    /** Bit 3: permanent error. */
    public boolean permanentError() {
        return (value & 0x08) != 0;
    }

    /** Bit 4: temporary error. */
    public boolean temporaryError() {
        return (value & 0x10) != 0;
    }

    /** Bits 5-7: manufacturer specific, 0..7. */
    public int manufacturerBits() {
        return (value >> 5) & 0x07;
    }

    /** E.g. {@code 00 (no error)}, {@code 14 (no error, power low, temporary error)}. */
    @Override
    public String toString() {
        StringBuilder s = new StringBuilder(org.metergate.mbus.Hex.byteHex(value)).append(" (");
        s.append(applicationStatus().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '));
        if (powerLow()) {
            s.append(", power low");
        }
        if (permanentError()) {
            s.append(", permanent error");
        }
        if (temporaryError()) {
            s.append(", temporary error");
        }
        if (manufacturerBits() != 0) {
            s.append(", manufacturer bits ").append(manufacturerBits());
        }
        return s.append(')').toString();
    }
}
