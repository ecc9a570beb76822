package org.metergate.wmbus.transport;

/** What a CI-field introduces (EN 13757-4 / EN 13757-7 / OMS CI-field table). */
public enum CiKind {
    /** Extended link layer (CI 0x8C-0x8F). */
    EXTENDED_LINK_LAYER,
    /** Authentication and fragmentation layer (CI 0x90). */
    AUTHENTICATION_FRAGMENTATION_LAYER,
    /** Network layer of EN 13757-5 (CI 0x81): recognised, not decoded. */
    NETWORK_LAYER,
    /** Transport layer header followed by an application layer (CI 0x72, 0x7A, 0x78, 0x79, ...). */
    TRANSPORT_LAYER,
    /** Manufacturer-specific application layer (CI 0xA0-0xB7). */
    MANUFACTURER_SPECIFIC,
    /** A CI-field the standards define but this codec does not decode (named in the table). */
    RECOGNISED_UNSUPPORTED,
    /** Not defined. */
    UNKNOWN
}
