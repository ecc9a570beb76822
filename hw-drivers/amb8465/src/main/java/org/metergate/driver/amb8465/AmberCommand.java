package org.metergate.driver.amb8465;

/** The commands of the AMB8465 command mode (manual, "Command overview"); a confirmation is the command or 0x80. */
enum AmberCommand {
    DATA_REQ(0x00),
    DATARETRY_REQ(0x02),
    DATA_IND(0x03),
    SET_MODE_REQ(0x04),
    RESET_REQ(0x05),
    SET_CHANNEL_REQ(0x06),
    SET_REQ(0x09),
    GET_REQ(0x0A),
    SERIALNO_REQ(0x0B),
    FWV_REQ(0x0C),
    RSSI_REQ(0x0D),
    SETUARTSPEED_REQ(0x10),
    FACTORYRESET_REQ(0x11),
    DATA_PRELOAD_REQ(0x30);

    static final int CONFIRM = 0x80;

    private final int code;

    AmberCommand(int code) {
        this.code = code;
    }

    int code() {
        return code;
    }

    int confirmation() {
        return code | CONFIRM;
    }

    /** True when {@code code} is a command of the table or the confirmation of one. */
    static boolean known(int code) {
        for (AmberCommand c : values()) {
            if (c.code == code || (c != DATA_IND && c.confirmation() == code)) {
                return true;
            }
        }
        return false;
    }
}
