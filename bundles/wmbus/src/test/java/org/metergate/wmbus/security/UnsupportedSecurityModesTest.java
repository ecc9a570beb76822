package org.metergate.wmbus.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.metergate.api.security.MeterKey;
import org.metergate.wmbus.WMBusDecoder;
import org.metergate.wmbus.WMBusException;
import org.metergate.wmbus.WMBusTelegram;

/** Security modes this codec recognises but does not decrypt are reported as such, with a typed error. */
class UnsupportedSecurityModesTest {

    @ParameterizedTest(name = "mode {0}")
    @ValueSource(ints = {1, 2, 3, 4, 6, 8, 9, 10, 11, 12, 13, 14, 15, 16, 21, 29, 31})
    void reportedAsUnsupported(int mode) throws WMBusException {
        // short header: ACC 0x10, status 0, configuration field with the mode and 2 blocks
        String cf = HexFormat.of().formatHex(new byte[] {0x20, (byte) mode});
        byte[] frame = HexFormat.of().parseHex("2E4493157856341233037A1000" + cf + "00112233445566778899AABBCCDDEEFF00112233445566778899AABBCCDDEEFF");
        frame[0] = (byte) (frame.length - 1);
        WMBusTelegram t = new WMBusDecoder(m -> Optional.of(MeterKey.ofHex("000102030405060708090A0B0C0D0E0F"))).decode(frame);
        assertThat(t.security().status()).isEqualTo(SecurityStatus.FAILED);
        assertThat(t.security().failure().kind()).isEqualTo(SecurityErrorKind.UNSUPPORTED_MODE);
        assertThat(t.security().modeCode()).isEqualTo(mode);
        assertThat(t.security().failure().message()).contains("security mode " + mode).contains("ELS-12345678").contains("not supported");
    }

    @ParameterizedTest
    @ValueSource(ints = {8, 9, 10, 13})
    void modesOfEn13757Dash7HaveTheirNames(int mode) {
        assertThat(SecurityMode.of(mode).code()).isEqualTo(mode);
        assertThat(SecurityMode.of(mode).supported()).isFalse();
        assertThat(SecurityMode.of(mode).description()).isNotBlank();
    }
}
