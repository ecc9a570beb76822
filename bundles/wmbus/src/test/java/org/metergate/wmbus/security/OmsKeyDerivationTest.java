package org.metergate.wmbus.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.metergate.api.security.MeterKey;

/**
 * OMS Vol. 2 KDF-A: Kenc / Kmac = AES-CMAC(meter key, D || C || ID || 07 x 7), D = 00 (Kenc, from meter)
 * or 01 (Kmac, from meter). Vector: the OMS Vol. 2 annex example (gas meter ELS 12345678, key
 * 000102...0F, message counter 0x00000AB3), the telegram the test suite of lvogt/wireless-mbus-parser
 * decodes ("All fields"); the derived keys below were checked independently with Python's
 * cryptography package (CMAC) before being written here.
 */
class OmsKeyDerivationTest {

    private static final MeterKey KEY = MeterKey.ofHex("000102030405060708090A0B0C0D0E0F");
    private static final byte[] ID = HexFormat.of().parseHex("78563412"); // identification 12345678 as in the A-field

    @Test
    void inputBlockIsConstantCounterIdentificationAndPadding() {
        byte[] in = OmsKeyDerivation.input(OmsKeyDerivation.MAC_FROM_METER, 0xAB3, ID, 0);
        assertThat(HexFormat.of().formatHex(in)).isEqualTo("01b30a000078563412" + "07070707070707");
    }

    @Test
    void derivationConstantsOfOms() {
        assertThat(OmsKeyDerivation.ENCRYPTION_FROM_METER).isEqualTo(0x00);
        assertThat(OmsKeyDerivation.MAC_FROM_METER).isEqualTo(0x01);
        assertThat(OmsKeyDerivation.ENCRYPTION_TO_METER).isEqualTo(0x10);
        assertThat(OmsKeyDerivation.MAC_TO_METER).isEqualTo(0x11);
    }

    @Test
    void ephemeralKeysOfTheOmsExample() {
        assertThat(HexFormat.of().formatHex(OmsKeyDerivation.derive(KEY, OmsKeyDerivation.ENCRYPTION_FROM_METER, 0xAB3, ID, 0)))
                .isEqualTo("eccf39d475d730b8284fdfdc1995d52f");
        assertThat(HexFormat.of().formatHex(OmsKeyDerivation.derive(KEY, OmsKeyDerivation.MAC_FROM_METER, 0xAB3, ID, 0)))
                .isEqualTo("c9cd19ff5a9aad5a6bbda13bd2c4c7ad");
    }
}
