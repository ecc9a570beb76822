package org.metergate.mbus.record;

/** How a record's data field is to be read, decided by its VIF and VIFEs. */
public enum ValueKind {
    /** A measured or counted value: signed (two's complement) integers, BCD, real. */
    NUMBER,
    /** An identifier or bit field (fabrication number, error flags, digital inputs, ...): integers unsigned. */
    UNSIGNED,
    /** A date (type G), or date and time when the data field is longer (types F, I, J, M by size). */
    DATE,
    /** Date and time: type F (4 bytes), I (6 bytes), J (3 bytes, time only), G (2 bytes), M (LVAR). */
    DATE_TIME,
    /** Daylight saving (type K, VIF FD 72). */
    DAYLIGHT_SAVING,
    /** Manufacturer-specific VIF (0x7F / 0xFF): the data is kept as raw bytes. */
    MANUFACTURER_SPECIFIC
}
