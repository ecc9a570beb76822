package org.metergate.radio.t;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.metergate.api.radio.ChipCodingException;
import org.metergate.api.radio.FrameError;

/** EN 13757-4 mode T: the 3-out-of-6 code table. */
class ThreeOutOfSixTest {

    @Test
    void theTableOfTheStandard() {
        // nibble -> code word, as printed in EN 13757-4 (and used by rtl-wmbus, rtl_433)
        String[] table = {"010110", "001101", "001110", "001011", "011100", "011001", "011010", "010011",
            "101100", "100101", "100110", "100011", "110100", "110001", "110010", "101001"};
        Set<Integer> words = new HashSet<>();
        for (int n = 0; n < 16; n++) {
            int w = ThreeOutOfSix.codeWord(n);
            assertThat(Integer.toBinaryString(0x40 | w).substring(1)).as("nibble %X", n).isEqualTo(table[n]);
            assertThat(Integer.bitCount(w)).isEqualTo(3);
            assertThat(ThreeOutOfSix.nibble(w)).isEqualTo(n);
            words.add(w);
        }
        assertThat(words).hasSize(16);
    }

    @Test
    void sixChipGroupsOutsideTheTableAreInvalid() {
        int invalid = 0;
        for (int six = 0; six < 64; six++) {
            if (ThreeOutOfSix.nibble(six) < 0) {
                invalid++;
            }
        }
        assertThat(invalid).isEqualTo(48); // 44 of the wrong weight and 4 unused words of weight 3
    }

    @Test
    void everyByteRoundTripsInTwelveChips() throws ChipCodingException {
        for (int v = 0; v < 256; v++) {
            int chips = ThreeOutOfSix.INSTANCE.encodeByte(v);
            assertThat(chips >>> 12).isZero();
            assertThat(ThreeOutOfSix.INSTANCE.decodeByte(chips)).isEqualTo(v);
        }
    }

    @Test
    void everySingleChipErrorIsAnInvalidSymbolAtItsNibble() {
        for (int v = 0; v < 256; v++) {
            for (int chip = 0; chip < 12; chip++) {
                int bad = ThreeOutOfSix.INSTANCE.encodeByte(v) ^ (1 << (11 - chip));
                int nibbleStart = chip < 6 ? 0 : 6;
                assertThatThrownBy(() -> ThreeOutOfSix.INSTANCE.decodeByte(bad))
                        .isInstanceOfSatisfying(ChipCodingException.class, e -> {
                            assertThat(e.kind()).isEqualTo(FrameError.Kind.INVALID_SYMBOL);
                            assertThat(e.position()).isEqualTo(nibbleStart);
                        });
            }
        }
    }
}
