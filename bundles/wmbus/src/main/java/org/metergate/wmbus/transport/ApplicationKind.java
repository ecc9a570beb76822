package org.metergate.wmbus.transport;

/** What follows a transport layer header. */
public enum ApplicationKind {
    /** EN 13757-3 variable data structure (data records). */
    MBUS_RECORDS,
    /** OMS compact frame: data of records whose headers a full frame of the meter gave (CI 0x79). */
    COMPACT_RECORDS,
    /** EN 13757-3 fixed data structure. */
    MBUS_FIXED,
    /** Application error (EN 13757-3). */
    APPLICATION_ERROR,
    /** Alarm (EN 13757-3). */
    ALARM,
    /** DLMS/COSEM APDU. */
    COSEM,
    /** SML. */
    SML,
    /** Nothing (a TPL without application data, e.g. CI 0x8A, 0x8B). */
    NONE,
    /** Manufacturer-specific bytes. */
    MANUFACTURER_SPECIFIC
}
