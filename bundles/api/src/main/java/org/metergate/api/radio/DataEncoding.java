package org.metergate.api.radio;

/**
 * The line codes of EN 13757-4 that map data bits to transmitted chips. Every byte is sent most
 * significant bit first; each code turns a nibble into a whole number of chips.
 */
public enum DataEncoding {
    /** Manchester (modes S, T other-to-meter): two chips per bit, "01" for a one and "10" for a zero. */
    MANCHESTER(8),
    /** 3-out-of-6 (mode T meter-to-other): six chips, three of them ones, per nibble (EN 13757-4 code table). */
    THREE_OUT_OF_SIX(6),
    /** NRZ (modes C, N, F): one chip per bit. */
    NRZ(4);

    private final int chipsPerNibble;

    DataEncoding(int chipsPerNibble) {
        this.chipsPerNibble = chipsPerNibble;
    }

    /** Chips that encode four data bits: 8 (Manchester), 6 (3-out-of-6), 4 (NRZ). */
    public int chipsPerNibble() {
        return chipsPerNibble;
    }

    /** Chips that encode one byte: 16, 12 or 8. */
    public int chipsPerByte() {
        return 2 * chipsPerNibble;
    }

    /** The data rate in bit/s that a chip rate in chips/s gives with this code. */
    public double dataRate(double chipRate) {
        return chipRate * 4.0 / chipsPerNibble;
    }
}
