package org.metergate.wmbus.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The AES-CMAC primitive of the AFL and the OMS KDF, against the examples of RFC 4493 section 4 (= NIST SP 800-38B D.1). */
class AesCmacTest {

    private static final String KEY = "2b7e151628aed2a6abf7158809cf4f3c";

    @ParameterizedTest(name = "RFC 4493 example {index}")
    @CsvSource({
        "'', bb1d6929e95937287fa37d129b756746",
        "6bc1bee22e409f96e93d7e117393172a, 070a16b46b4d4144f79bdd9dd04a287c",
        "6bc1bee22e409f96e93d7e117393172aae2d8a571e03ac9c9eb76fac45af8e5130c81c46a35ce411, dfa66747de9ae63030ca32611497c827",
        "6bc1bee22e409f96e93d7e117393172aae2d8a571e03ac9c9eb76fac45af8e5130c81c46a35ce411e5fbc1191a0a52eff69f2445df4f9b17ad2b417be66c3710, 51f0bebf7e3b9d92fc49741779363cfe"
    })
    void rfc4493Examples(String message, String tag) {
        byte[] m = HexFormat.of().parseHex(message);
        assertThat(HexFormat.of().formatHex(Crypto.get().cmac(HexFormat.of().parseHex(KEY), m, 0, m.length))).isEqualTo(tag);
    }

    @ParameterizedTest(name = "split at {0}")
    @CsvSource({"0", "7", "16", "40"})
    void twoPartInputIsTheConcatenation(int split) {
        byte[] m = HexFormat.of().parseHex("6bc1bee22e409f96e93d7e117393172aae2d8a571e03ac9c9eb76fac45af8e5130c81c46a35ce411");
        byte[] k = HexFormat.of().parseHex(KEY);
        assertThat(Crypto.get().cmac(k, m, 0, split, m, split, m.length - split))
                .isEqualTo(HexFormat.of().parseHex("dfa66747de9ae63030ca32611497c827"));
    }
}
