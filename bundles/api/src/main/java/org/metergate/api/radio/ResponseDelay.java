package org.metergate.api.radio;

/**
 * Which response delay of a bidirectional sub-mode a {@link ResponseWindow} describes. Modes S2 and T2
 * have one; modes C2 and F2 have a fast and a slow one, chosen by the meter with the D bit of the
 * communication control field of its extended link layer (1 = fast, 0 = slow).
 */
public enum ResponseDelay {
    /** The single response delay of the mode (S2, T2). */
    STANDARD,
    /** The fast response delay (about 100 ms after the meter's frame). */
    FAST,
    /** The slow response delay (about 1000 ms after the meter's frame). */
    SLOW
}
