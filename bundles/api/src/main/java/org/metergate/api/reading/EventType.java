package org.metergate.api.reading;

/**
 * The kinds of event the gateway reports. Meter alarms come from the EN 13757-3 status byte and
 * error-flag records; communication faults from the links and the security layer (EN 13757-7 /
 * OMS); the rest from the gateway itself (TR 50572 "new meter identification", "communication
 * statistics").
 */
public enum EventType {
    /** A meter not in the registry was heard ("new meter identification"). */
    METER_DISCOVERED,
    /** Status byte bit 2: power low (battery). */
    POWER_LOW,
    /** Status byte bit 3: permanent error. */
    PERMANENT_ERROR,
    /** Status byte bit 4: temporary error. */
    TEMPORARY_ERROR,
    /** Status byte bits 0-1 = 01: application busy. */
    APPLICATION_BUSY,
    /** Status byte bits 0-1 = 10 or CI 0x70: application error. */
    APPLICATION_ERROR,
    /** An error-flag record states tamper / manipulation. */
    TAMPER,
    /** An error-flag record states a leak. */
    LEAK,
    /** An error-flag record states a burst. */
    BURST,
    /** An error-flag record states back flow. */
    BACKFLOW,
    /** A telegram could not be decrypted or its MAC did not verify. */
    DECRYPTION_FAILED,
    /** A telegram's access number or message counter went back: a possible replay. */
    REPLAY_DETECTED,
    /** A meter was silent for longer than its expected interval ("meter stopped / no supply"). */
    METER_SILENT,
    /** A link's error rate went above its threshold. */
    LINK_ERROR_RATE,
    /** A telegram could not be decoded. */
    DECODE_FAILED,
    /** Unread data was evicted from the journal by its retention limits. */
    DATA_EVICTED,
    /** A command was refused (not authorised, not signed, or not reachable). */
    COMMAND_REFUSED,
    /** A manufacturer-specific alarm; the detail says which. */
    MANUFACTURER_SPECIFIC
}
