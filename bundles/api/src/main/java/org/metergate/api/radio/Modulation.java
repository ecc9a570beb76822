package org.metergate.api.radio;

/** The carrier modulations EN 13757-4 uses. */
public enum Modulation {
    /** Binary frequency shift keying (modes S, T, C meter-to-other, F). */
    FSK,
    /** Gaussian-filtered binary FSK (modes N, C other-to-meter). */
    GFSK,
    /** Four-level Gaussian FSK (mode N channel 0, sub-mode N2g, 50 kHz channel). */
    FOUR_GFSK
}
