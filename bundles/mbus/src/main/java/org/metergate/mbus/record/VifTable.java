package org.metergate.mbus.record;

/** Which EN 13757-3 table a value information block's VIF code comes from. */
public enum VifTable {
    /** The primary VIF table (VIF 0x00-0x7A, 0x7E, with or without extension bit). */
    PRIMARY,
    /** The main VIFE code extension table, after VIF 0xFD. */
    EXTENSION_FD,
    /** The alternate extended VIF code table, after VIF 0xFB. */
    EXTENSION_FB,
    /** Plain-text VIF 0x7C / 0xFC: the unit is text in the telegram. */
    PLAIN_TEXT,
    /** Manufacturer-specific VIF 0x7F / 0xFF. */
    MANUFACTURER_SPECIFIC,
    /** Any VIF 0x7E / 0xFE (readout selection). */
    ANY
}
