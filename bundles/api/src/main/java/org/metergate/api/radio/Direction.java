package org.metergate.api.radio;

/**
 * The two transmission directions of EN 13757-4: from the meter to the other device (a gateway, a
 * hand-held reader: "meter to other") and from the other device to the meter ("other to meter"), which
 * only the bidirectional sub-modes (S2, T2, C2, N2x, F2) use. Several modes use different channels,
 * chip rates or encodings in the two directions (T2: 3-out-of-6 at 100 kcps up, Manchester at
 * 32.768 kcps down).
 */
public enum Direction {
    /** The meter transmits, the gateway receives. */
    METER_TO_OTHER,
    /** The gateway (or another device) transmits to the meter in its access window. */
    OTHER_TO_METER
}
