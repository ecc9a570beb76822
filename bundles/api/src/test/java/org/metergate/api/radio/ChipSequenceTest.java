package org.metergate.api.radio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.BitSet;
import org.junit.jupiter.api.Test;

class ChipSequenceTest {

    @Test
    void parsesChipsAsEn13757WritesThem() {
        ChipSequence sync = ChipSequence.parse("0000 1111 01");
        assertThat(sync.length()).isEqualTo(10);
        assertThat(sync.toString()).isEqualTo("0000111101");
        assertThat(sync.bits(0, 10)).isEqualTo(0b0000111101);
        assertThat(sync.chip(4)).isTrue();
        assertThat(sync.chip(9)).isTrue();
        assertThat(sync.chip(8)).isFalse();
    }

    @Test
    void otherCharactersAreRejectedWithTheirIndex() {
        assertThatThrownBy(() -> ChipSequence.parse("01x1")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("index 2");
    }

    @Test
    void theRepresentationsAgree() {
        ChipSequence a = ChipSequence.parse("1011001110");
        ChipSequence b = ChipSequence.fromPacked(new byte[] {(byte) 0b10110011, (byte) 0b10111111}, 10);
        BitSet set = new BitSet();
        for (int i : new int[] {0, 2, 3, 6, 7, 8}) {
            set.set(i);
        }
        assertThat(b).isEqualTo(a).hasSameHashCodeAs(a);
        assertThat(ChipSequence.fromBitSet(set, 10)).isEqualTo(a);
        assertThat(ChipSequence.of(a.toBooleans())).isEqualTo(a);
        assertThat(a.toPacked()).containsExactly((byte) 0b10110011, (byte) 0b10000000);
    }

    @Test
    void preamblesAreRepeatedUnits() {
        assertThat(Preamble.alternating(3).minimal()).isEqualTo(ChipSequence.parse("010101"));
        assertThat(ChipSequence.concat(ChipSequence.parse("01"), ChipSequence.empty(), ChipSequence.parse("1")))
                .isEqualTo(ChipSequence.parse("011"));
    }

    @Test
    void slicesFlipsAndRegions() {
        ChipSequence s = ChipSequence.parse("0101010000111101");
        assertThat(s.slice(6, 16)).isEqualTo(ChipSequence.parse("0000111101"));
        assertThat(s.regionMatches(6, ChipSequence.parse("0000111101"))).isTrue();
        assertThat(s.regionMatches(7, ChipSequence.parse("0000111101"))).isFalse();
        assertThat(s.withFlippedChips(0, 15)).isEqualTo(ChipSequence.parse("1101010000111100"));
        assertThat(s).isEqualTo(ChipSequence.parse("0101010000111101")); // unchanged
    }

    @Test
    void longSequencesAreShortenedInToString() {
        ChipSequence s = ChipSequence.parse("01").repeat(100);
        assertThat(s.toString()).endsWith("... (200 chips)");
        assertThat(new ChipSequence.Builder(1).append(s).appendBits(0b101, 3).build().length()).isEqualTo(203);
    }
}
