package org.metergate.radio.common;

import org.metergate.api.radio.ChipCodingException;
import org.metergate.api.radio.DataEncoding;
import org.metergate.api.radio.FrameError;

/**
 * The Manchester code of EN 13757-4 (mode S, mode T other-to-meter): each bit becomes two chips, a one
 * "01" and a zero "10" (the convention rtl-wmbus quotes from the standard in s1_packet_decoder.h). The
 * pairs "00" and "11" are not symbols: a receiver that meets one has lost the frame.
 */
public final class Manchester implements LineCode {

    public static final Manchester INSTANCE = new Manchester();

    private static final int ONE = 0b01;
    private static final int ZERO = 0b10;

    private Manchester() {
    }

    @Override
    public DataEncoding encoding() {
        return DataEncoding.MANCHESTER;
    }

    @Override
    public int encodeByte(int value) {
        int chips = 0;
        for (int bit = 7; bit >= 0; bit--) {
            chips = (chips << 2) | (((value >>> bit) & 1) != 0 ? ONE : ZERO);
        }
        return chips;
    }

    @Override
    public int decodeByte(int chips) throws ChipCodingException {
        int value = 0;
        for (int pair = 0; pair < 8; pair++) {
            int symbol = (chips >>> (14 - 2 * pair)) & 0b11;
            if (symbol == ONE) {
                value = (value << 1) | 1;
            } else if (symbol == ZERO) {
                value <<= 1;
            } else {
                throw new ChipCodingException(FrameError.Kind.MANCHESTER_VIOLATION, 2L * pair,
                        "chip pair " + (symbol == 0 ? "00" : "11") + " is not a Manchester symbol (01 or 10)");
            }
        }
        return value;
    }

    @Override
    public String toString() {
        return "Manchester";
    }
}
