package org.metergate.radio.t;

import org.metergate.api.radio.ChipCodingException;
import org.metergate.api.radio.DataEncoding;
import org.metergate.api.radio.FrameError;
import org.metergate.radio.common.LineCode;

/**
 * The 3-out-of-6 code of EN 13757-4 mode T meter-to-other: each nibble becomes six chips of which
 * exactly three are ones, high nibble first. The 20 six-chip words with three ones leave four unused;
 * the other 44 six-chip groups have the wrong weight. Any group outside the table is a coding error,
 * which catches most chip errors before the CRC does.
 *
 * <p>The table (nibble 0..F): 010110, 001101, 001110, 001011, 011100, 011001, 011010, 010011, 101100,
 * 100101, 100110, 100011, 110100, 110001, 110010, 101001 - as in rtl-wmbus (include/mode_t_util.h)
 * and rtl_433 (src/devices/m_bus.c), which implement EN 13757-4's table.
 */
public final class ThreeOutOfSix implements LineCode {

    public static final ThreeOutOfSix INSTANCE = new ThreeOutOfSix();

    private static final int[] CODE = {
        0b010110, 0b001101, 0b001110, 0b001011, 0b011100, 0b011001, 0b011010, 0b010011,
        0b101100, 0b100101, 0b100110, 0b100011, 0b110100, 0b110001, 0b110010, 0b101001,
    };
    private static final int[] NIBBLE = new int[64];

    static {
        java.util.Arrays.fill(NIBBLE, -1);
        for (int n = 0; n < 16; n++) {
            NIBBLE[CODE[n]] = n;
        }
    }

    private ThreeOutOfSix() {
    }

    /** The six chips of a nibble. */
    public static int codeWord(int nibble) {
        return CODE[nibble & 0xF];
    }

    /** The nibble of six chips, or -1 when they are not in the table. */
    public static int nibble(int sixChips) {
        return NIBBLE[sixChips & 0x3F];
    }

    @Override
    public DataEncoding encoding() {
        return DataEncoding.THREE_OUT_OF_SIX;
    }

    @Override
    public int encodeByte(int value) {
        return (CODE[(value >>> 4) & 0xF] << 6) | CODE[value & 0xF];
    }

    @Override
    public int decodeByte(int chips) throws ChipCodingException {
        int high = NIBBLE[(chips >>> 6) & 0x3F];
        if (high < 0) {
            throw invalid(0, (chips >>> 6) & 0x3F);
        }
        int low = NIBBLE[chips & 0x3F];
        if (low < 0) {
            throw invalid(6, chips & 0x3F);
        }
        return (high << 4) | low;
    }

    private static ChipCodingException invalid(int at, int six) {
        String s = Integer.toBinaryString(0x40 | six).substring(1);
        return new ChipCodingException(FrameError.Kind.INVALID_SYMBOL, at,
                "chips " + s + " are not a 3-out-of-6 code word");
    }

    @Override
    public String toString() {
        return "3-out-of-6";
    }
}
