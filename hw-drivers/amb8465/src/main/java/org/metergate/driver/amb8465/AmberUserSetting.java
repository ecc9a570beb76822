package org.metergate.driver.amb8465;

/** User settings (non-volatile parameters) the driver reads and, if allowed, writes: memory position and length. */
enum AmberUserSetting {
    /** 1: received telegrams come as CMD_DATA_IND; 0: transparent (length byte first). */
    UART_CMD_OUT_ENABLE(0x05),
    /** 1: the RSSI byte is appended to received telegrams. */
    RSSI_ENABLE(0x45),
    /** The mode the module starts in. */
    MODE_PRESELECT(0x46);

    private final int position;

    AmberUserSetting(int position) {
        this.position = position;
    }

    int position() {
        return position;
    }
}
