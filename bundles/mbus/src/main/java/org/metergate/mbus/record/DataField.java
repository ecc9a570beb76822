package org.metergate.mbus.record;

/**
 * The data field of the DIF (bits 0-3, EN 13757-3 "coding of the data field"), and the special
 * functions that take the whole DIF (0x0F, 0x1F, 0x2F, 0x7F).
 */
public enum DataField {
    NO_DATA(0x0, 0, "no data"),
    INT8(0x1, 1, "8 bit integer"),
    INT16(0x2, 2, "16 bit integer"),
    INT24(0x3, 3, "24 bit integer"),
    INT32(0x4, 4, "32 bit integer"),
    REAL32(0x5, 4, "32 bit real"),
    INT48(0x6, 6, "48 bit integer"),
    INT64(0x7, 8, "64 bit integer"),
    SELECTION_FOR_READOUT(0x8, 0, "selection for readout"),
    BCD2(0x9, 1, "2 digit BCD"),
    BCD4(0xA, 2, "4 digit BCD"),
    BCD6(0xB, 3, "6 digit BCD"),
    BCD8(0xC, 4, "8 digit BCD"),
    VARIABLE_LENGTH(0xD, -1, "variable length"),
    BCD12(0xE, 6, "12 digit BCD"),
    /** DIF 0x0F: manufacturer-specific data follow up to the end of the user data. */
    MANUFACTURER_DATA(0xF, -1, "manufacturer specific data"),
    /** DIF 0x1F: manufacturer-specific data follow, and more records follow in the next telegram. */
    MORE_RECORDS_FOLLOW(0xF, -1, "more records follow"),
    /** DIF 0x2F: idle filler, no record. */
    IDLE_FILLER(0xF, 0, "idle filler"),
    /** DIF 0x7F: global readout request (all storage numbers, units, tariffs, functions). */
    GLOBAL_READOUT(0xF, 0, "global readout request");

    private static final DataField[] BY_CODE = {
        NO_DATA, INT8, INT16, INT24, INT32, REAL32, INT48, INT64,
        SELECTION_FOR_READOUT, BCD2, BCD4, BCD6, BCD8, VARIABLE_LENGTH, BCD12, MANUFACTURER_DATA
    };

    private final int code;
    private final int length;
    private final String description;

    DataField(int code, int length, String description) {
        this.code = code;
        this.length = length;
        this.description = description;
    }

    /** The data field bits (0..15). */
    public int code() {
        return code;
    }

    /** Bytes of data that follow the VIB; -1 for variable length and manufacturer data. */
    public int length() {
        return length;
    }

    public String description() {
        return description;
    }

    public boolean isBcd() {
        return this == BCD2 || this == BCD4 || this == BCD6 || this == BCD8 || this == BCD12;
    }

    public boolean isInteger() {
        return this == INT8 || this == INT16 || this == INT24 || this == INT32 || this == INT48 || this == INT64;
    }

    /** The coding of data field bits 0-3 (0x0F gives {@link #MANUFACTURER_DATA}; the DIF decides the special function). */
    public static DataField ofCode(int bits) {
        return BY_CODE[bits & 0x0F];
    }
}
