package org.metergate.api.reading;

/**
 * The function field of an EN 13757-3 DIF (bits 4-5): what kind of value a data record carries.
 */
public enum FunctionField {
    /** 00b: instantaneous value. */
    INSTANTANEOUS,
    /** 01b: maximum value. */
    MAXIMUM,
    /** 10b: minimum value. */
    MINIMUM,
    /** 11b: value during error state. */
    VALUE_DURING_ERROR;

    /** The function for the two function bits of a DIF ({@code (dif >> 4) & 3}). */
    public static FunctionField ofBits(int bits) {
        return values()[bits & 3];
    }
}
