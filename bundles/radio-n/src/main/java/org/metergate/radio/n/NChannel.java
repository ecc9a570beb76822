package org.metergate.radio.n;

/**
 * The 12.5 kHz channels of EN 13757-4 mode N (table "N mode - Frequencies", reproduced as an extract of
 * EN 13757-4 in the WebdynRF installation manual, section 8.2): sub-modes N1a/N2a use channel 1a,
 * N1b/N2b 1b, N1c/N2c 2a, N1d/N2d 2b, N1e/N2e 3a and N1f/N2f 3b. Channels 2a and 2b run at 2.4 kbit/s,
 * the others at 4.8 kbit/s (the same table; STMicroelectronics' wmbus_phy.c uses the same rates).
 * Channel 0 (169.4375 MHz, 50 kHz, 4GFSK) belongs to sub-mode N2g, which is not modelled here.
 */
enum NChannel {
    CH_1A("1a", 169_406_250, 4_800),
    CH_1B("1b", 169_418_750, 4_800),
    CH_2A("2a", 169_431_250, 2_400),
    CH_2B("2b", 169_443_750, 2_400),
    CH_3A("3a", 169_456_250, 4_800),
    CH_3B("3b", 169_468_750, 4_800);

    final String designation;
    final long frequencyHz;
    final int bitRate;

    NChannel(String designation, long frequencyHz, int bitRate) {
        this.designation = designation;
        this.frequencyHz = frequencyHz;
        this.bitRate = bitRate;
    }

    /** The channel of sub-mode N1x / N2x, x = a .. f. */
    static NChannel ofSubMode(char letter) {
        int i = Character.toLowerCase(letter) - 'a';
        if (i < 0 || i >= values().length) {
            throw new IllegalArgumentException("no mode N sub-mode letter: " + letter);
        }
        return values()[i];
    }
}
