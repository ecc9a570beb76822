package org.metergate.wmbus.link;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** EN 13757-4 CRC: polynomial 0x3D65, initial value 0, complemented. */
class Crc16Test {

    @Test
    void checkValueOfTheCatalogue() {
        // The "check" of CRC-16/EN-13757 in the RevEng CRC catalogue: CRC of the ASCII string "123456789".
        assertThat(Crc16.compute("123456789".getBytes(StandardCharsets.US_ASCII))).isEqualTo(0xC2B7);
    }

    @Test
    void firstBlockOfTheOmsExampleTelegram() {
        // OMS Vol. 2 annex example (ELS gas meter 12345678) as transmitted in frame format A: the first
        // block L, C, M, A is followed by its CRC 7A C9.
        byte[] block1 = HexFormat.of().parseHex("43449315785634123303");
        assertThat(Crc16.compute(block1)).isEqualTo(0x7AC9);
    }

    @Test
    void emptyInputGivesTheComplementOfTheInitialValue() {
        assertThat(Crc16.compute(new byte[0])).isEqualTo(0xFFFF);
    }
}
