package org.metergate.headend.security.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class KeyEnvelopeTest {

    private static final byte[] METER_KEY = HexFormat.of().parseHex("0F1E2D3C4B5A69788796A5B4C3D2E1F0");

    @Test
    void opensOnlyForTheRecipientAndContext() throws Exception {
        KeyPair gw = EcKeys.generate("secp256r1");
        String ctx = KeyEnvelope.meterKeyContext("gw-1", "KAM-12345678");
        byte[] env = KeyEnvelope.seal(gw.getPublic(), METER_KEY, ctx);
        assertThat(env[0]).isEqualTo((byte) 1);
        assertThat(HexFormat.of().formatHex(env)).doesNotContainIgnoringCase("0F1E2D3C4B5A6978");
        assertThat(KeyEnvelope.open(gw.getPrivate(), gw.getPublic(), env, ctx)).isEqualTo(METER_KEY);

        assertThatThrownBy(() -> KeyEnvelope.open(gw.getPrivate(), gw.getPublic(), env, "gw-1/KAM-99999999"))
                .isInstanceOf(GeneralSecurityException.class).hasMessageContaining("does not open");
        KeyPair other = EcKeys.generate("secp256r1");
        assertThatThrownBy(() -> KeyEnvelope.open(other.getPrivate(), other.getPublic(), env, ctx))
                .isInstanceOf(GeneralSecurityException.class);
        env[env.length - 1] ^= 1;
        assertThatThrownBy(() -> KeyEnvelope.open(gw.getPrivate(), gw.getPublic(), env, ctx)).isInstanceOf(GeneralSecurityException.class);
        assertThatThrownBy(() -> KeyEnvelope.open(gw.getPrivate(), gw.getPublic(), new byte[] {1, 0, 99}, ctx))
                .isInstanceOf(GeneralSecurityException.class);
    }
}
