package org.metergate.radio.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.metergate.api.radio.ChipCodingException;
import org.metergate.api.radio.FrameError;

/** EN 13757-4 Manchester: "01" is a one, "10" a zero, most significant bit first. */
class ManchesterTest {

    @Test
    void eachBitBecomesTwoChips() throws ChipCodingException {
        assertThat(Manchester.INSTANCE.encodeByte(0xFF)).isEqualTo(0b0101010101010101);
        assertThat(Manchester.INSTANCE.encodeByte(0x00)).isEqualTo(0b1010101010101010);
        assertThat(Manchester.INSTANCE.encodeByte(0x96)).isEqualTo(0b01_10_10_01_10_01_01_10); // 1001 0110
        for (int v = 0; v < 256; v++) {
            assertThat(Manchester.INSTANCE.decodeByte(Manchester.INSTANCE.encodeByte(v))).isEqualTo(v);
        }
    }

    @Test
    void aPairWithoutTransitionIsAViolationAtItsChip() {
        int chips = Manchester.INSTANCE.encodeByte(0x96) ^ (1 << (15 - 6)); // invert chip 6: pair 3 becomes 00 or 11
        assertThatThrownBy(() -> Manchester.INSTANCE.decodeByte(chips)).isInstanceOfSatisfying(ChipCodingException.class,
                e -> {
                    assertThat(e.kind()).isEqualTo(FrameError.Kind.MANCHESTER_VIOLATION);
                    assertThat(e.position()).isEqualTo(6);
                });
    }

    @Test
    void nrzIsTheIdentity() {
        assertThat(Nrz.INSTANCE.encodeByte(0xA5)).isEqualTo(0xA5);
        assertThat(Nrz.INSTANCE.decodeByte(0x3C)).isEqualTo(0x3C);
    }
}
