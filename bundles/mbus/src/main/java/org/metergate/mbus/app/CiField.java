package org.metergate.mbus.app;

/** The CI-field values of EN 13757-3 that wired M-Bus uses. */
public final class CiField {

    public static final int APPLICATION_RESET = 0x50;
    public static final int DATA_SEND = 0x51;
    public static final int SLAVE_SELECT = 0x52;
    public static final int APPLICATION_ERROR = 0x70;
    public static final int RESPONSE_LONG_HEADER = 0x72;
    public static final int RESPONSE_FIXED = 0x73;
    public static final int RESPONSE_FIXED_MSB_FIRST = 0x77;
    public static final int RESPONSE_NO_HEADER = 0x78;
    public static final int RESPONSE_SHORT_HEADER = 0x7A;
    public static final int BAUD_RATE_300 = 0xB8;
    public static final int BAUD_RATE_38400 = 0xBF;

    private CiField() {
    }

    /** CI 0xB8-0xBF: set baud rate to 300 ... 38400 Bd. */
    public static boolean isBaudRateSwitch(int ci) {
        return ci >= BAUD_RATE_300 && ci <= BAUD_RATE_38400;
    }

    /** The standard's name of a CI value. */
    public static String describe(int ci) {
        switch (ci) {
            case APPLICATION_RESET:
                return "application reset";
            case DATA_SEND:
                return "data send";
            case SLAVE_SELECT:
                return "selection of slaves";
            case APPLICATION_ERROR:
                return "application error";
            case RESPONSE_LONG_HEADER:
                return "response, variable data structure, long header";
            case RESPONSE_FIXED:
                return "response, fixed data structure";
            case RESPONSE_FIXED_MSB_FIRST:
                return "response, fixed data structure (most significant byte first)";
            case RESPONSE_NO_HEADER:
                return "response, variable data structure, no header";
            case RESPONSE_SHORT_HEADER:
                return "response, variable data structure, short header";
            default:
                if (isBaudRateSwitch(ci)) {
                    return "set baud rate to " + BaudRateSwitch.baudOf(ci) + " Bd";
                }
                return "CI " + org.metergate.mbus.Hex.byteHex(ci) + " (not a wired M-Bus application CI)";
        }
    }
}
