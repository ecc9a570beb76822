package org.metergate.api.radio;

/**
 * The EN 13757-4 postamble (trailer): alternating chips a transmitter sends after the last encoded
 * data chip, so that the receiver's demodulator sees the last symbol complete. Modes S and T use 2 to 8
 * chips; the NRZ modes (C, N, F) send none.
 *
 * @param minChips the least number of trailer chips
 * @param maxChips the most
 */
public record Postamble(int minChips, int maxChips) {

    /** No trailer. */
    public static final Postamble NONE = new Postamble(0, 0);

    public Postamble {
        if (minChips < 0 || maxChips < minChips) {
            throw new IllegalArgumentException("postamble of " + minChips + " to " + maxChips + " chips");
        }
    }
}
