package org.metergate.api.radio;

/**
 * The radio modes (sub-modes) of EN 13757-4: stationary S, frequent transmit T, frequent receive R,
 * compact C, narrowband N (169 MHz) and frequent receive and transmit F (433 MHz). The digit says
 * whether the meter only transmits (1) or also listens after transmitting (2); "-m" marks the short
 * preamble variants.
 */
public enum RadioModeId {
    S1("S1"), S1_M("S1-m"), S2("S2"),
    T1("T1"), T2("T2"),
    R2("R2"),
    C1("C1"), C2("C2"),
    N1A("N1a"), N1B("N1b"), N1C("N1c"), N1D("N1d"), N1E("N1e"), N1F("N1f"),
    N2A("N2a"), N2B("N2b"), N2C("N2c"), N2D("N2d"), N2E("N2e"), N2F("N2f"),
    F2("F2"), F2_M("F2-m");

    private final String label;

    RadioModeId(String label) {
        this.label = label;
    }

    /** The name EN 13757-4 uses, e.g. {@code S1-m}, {@code N2a}. */
    public String label() {
        return label;
    }

    /** The mode family letter: S, T, R, C, N or F. */
    public char family() {
        return label.charAt(0);
    }

    /** True for modes in which the meter opens a receive window after transmitting (S2, T2, R2, C2, N2x, F2). */
    public boolean bidirectional() {
        return label.charAt(1) == '2';
    }

    /** Parses a label such as {@code T1}, {@code s1-m} or {@code N2A}. */
    public static RadioModeId ofLabel(String text) {
        String t = text.trim();
        for (RadioModeId id : values()) {
            if (id.label.equalsIgnoreCase(t) || id.name().equalsIgnoreCase(t)) {
                return id;
            }
        }
        throw new IllegalArgumentException("not an EN 13757-4 radio mode: " + text
                + " (known: S1, S1-m, S2, T1, T2, R2, C1, C2, N1a-f, N2a-f, F2, F2-m)");
    }

    @Override
    public String toString() {
        return label;
    }
}
