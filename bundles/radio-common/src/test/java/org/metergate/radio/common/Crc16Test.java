package org.metergate.radio.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class Crc16Test {

    @Test
    void checkValueOfCrc16En13757() {
        // CRC catalogue entry CRC-16/EN-13757: poly 0x3D65, init 0, no reflection, xorout 0xFFFF, check 0xC2B7
        byte[] digits = "123456789".getBytes(StandardCharsets.US_ASCII);
        assertThat(Crc16.compute(digits, 0, digits.length)).isEqualTo(0xC2B7);
    }

    @Test
    void block1OfThePublishedOmsExampleCarriesItsCrcHighByteFirst() {
        byte[] frame = RealTelegrams.hex(RealTelegrams.OMS_EXAMPLE_FORMAT_A);
        assertThat(Crc16.compute(frame, 0, 10)).isEqualTo(0x7AC9);
        assertThat(Crc16.stored(frame, 10)).isEqualTo(0x7AC9);
    }
}
