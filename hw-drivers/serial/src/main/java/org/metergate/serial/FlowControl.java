package org.metergate.serial;

/** Flow control of a serial port. */
public enum FlowControl {
    NONE,
    /** Hardware handshake on the RTS and CTS lines. */
    RTS_CTS,
    /** Software handshake with XON/XOFF characters. */
    XON_XOFF
}
