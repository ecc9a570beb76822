package org.metergate.mbus.app;

/** CI 0xB8-0xBF: the master tells the slave to switch to 300, 600, 1200, 2400, 4800, 9600, 19200 or 38400 Bd. */
public record BaudRateSwitch(int ci) implements ApplicationMessage {

    public BaudRateSwitch {
        if (!CiField.isBaudRateSwitch(ci)) {
            throw new IllegalArgumentException("not a baud rate CI: " + ci);
        }
    }

    /** The CI for a baud rate. */
    public static BaudRateSwitch of(int baud) {
        for (int ci = CiField.BAUD_RATE_300; ci <= CiField.BAUD_RATE_38400; ci++) {
            if (baudOf(ci) == baud) {
                return new BaudRateSwitch(ci);
            }
        }
        throw new IllegalArgumentException("M-Bus has no baud rate switch to " + baud + " Bd");
    }

    public int baud() {
        return baudOf(ci);
    }

    static int baudOf(int ci) {
        return 300 << (ci - CiField.BAUD_RATE_300);
    }
}
