package org.metergate.driver.rc1180;

/** Configuration memory addresses of the RC1180-MBUS data sheet the driver writes. */
enum Rc1180Parameter {
    /** The wM-Bus mode (see {@link Rc1180Mode}). */
    MBUS_MODE(0x03),
    /** 1: the RSSI byte is appended to received data. */
    RSSI_MODE(0x05),
    /** 0x00: received packets with C-field, manufacturer id and address; 0x01: application data only. */
    DATA_INTERFACE(0x36);

    /** The address that ends a memory configuration ('M') command. */
    static final int END = 0xFF;

    private final int address;

    Rc1180Parameter(int address) {
        this.address = address;
    }

    int address() {
        return address;
    }
}
