package org.metergate.wmbus.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.metergate.api.security.MeterKey;
import org.metergate.wmbus.WMBusDecoder;
import org.metergate.wmbus.WMBusException;
import org.metergate.wmbus.WMBusTelegram;
import org.metergate.wmbus.security.SecurityErrorKind;
import org.metergate.wmbus.security.SecurityStatus;

/**
 * Extended link layer (EN 13757-4): ELL II (CI 0x8D) = CC, ACC, SN (4), payload CRC (2); with SN
 * encryption 1 the payload from the CRC on is AES-128-CTR under the meter key with the counter block
 * M (2) A (6) CC SN (4) FN (2) = 0 BC (1) = 0; the CRC (EN 13757-4 polynomial, little-endian) covers the
 * payload after it and tells a right key from a wrong one.
 */
class ExtendedLinkLayerTest {

    /** Kamstrup Multical 21 (KAM 76348799), wmbusmeters simulations/serial_aes.msg, key 28F64A24988064A079AA2C807D6102AE. */
    static final String ENCRYPTED = "2A442D2C998734761B168D2091D37CAC21E1D68CDAFFCD3DC452BD802913FF7B1706CA9E355D6C2701CC24";
    static final String KEY = "28F64A24988064A079AA2C807D6102AE";
    /** The same telegram as wmbusmeters stores it decrypted (drivers/src/kamwater.xmq), encryption bits still set. */
    static final String STORED_DECRYPTED = "2A442D2C998734761B168D2091D37CAC21576C7802FF207100041308190000441308190000615B7F616713";

    private static byte[] hex(String s) {
        return HexFormat.of().parseHex(s);
    }

    private static WMBusDecoder decoder(String key) {
        return new WMBusDecoder(meter -> Optional.ofNullable(key).map(MeterKey::ofHex));
    }

    @Test
    void ellIIHeaderFields() throws WMBusException {
        WMBusTelegram t = decoder(KEY).decode(hex(ENCRYPTED));
        ExtendedLinkLayer ell = t.extendedLinkLayer().orElseThrow();
        assertThat(ell.ci()).isEqualTo(0x8D);
        assertThat(ell.cc().value()).isEqualTo(0x20);
        assertThat(ell.cc().synchronised()).isTrue();
        assertThat(ell.accessNumber()).isEqualTo(0x91);
        assertThat(ell.sessionNumber().value()).isEqualTo(0x21AC7CD3L);
        assertThat(ell.sessionNumber().encryption()).isEqualTo(SessionNumber.AES_CTR);
        assertThat(ell.sessionNumber().session()).isEqualTo(3);
        assertThat(ell.payloadCrc()).isEqualTo(0x6C57);
    }

    @Test
    void aesCtrDecryptionChecksThePayloadCrc() throws WMBusException {
        WMBusTelegram t = decoder(KEY).decode(hex(ENCRYPTED));
        assertThat(t.security().status()).isEqualTo(SecurityStatus.DECRYPTED);
        assertThat(t.security().ellEncrypted()).isTrue();
        assertThat(t.ciChain()).containsExactly(0x8D, 0x78);
        assertThat(HexFormat.of().formatHex(t.applicationData())).isEqualTo("02ff207100041308190000441308190000615b7f616713");
    }

    @Test
    void aWrongKeyFailsThePayloadCrc() throws WMBusException {
        WMBusTelegram t = decoder("4E5508544202058100DFEFA06B0934AF").decode(hex(ENCRYPTED));
        assertThat(t.security().status()).isEqualTo(SecurityStatus.FAILED);
        assertThat(t.security().failure().kind()).isEqualTo(SecurityErrorKind.WRONG_KEY);
        assertThat(t.security().failure().message()).startsWith("wrong key for meter KAM-76348799:");
        assertThat(t.ciChain()).containsExactly(0x8D);
    }

    /** lvogt/wireless-mbus-parser test/parser.spec.ts "ELL: Encrypted but no key". */
    @Test
    void noKey() throws WMBusException {
        WMBusTelegram t = decoder(null).decode(hex("24442D2C692845631B168D3050209CD621B006B1140AEF4953AE5B86FAFC0B00E70705B846"));
        assertThat(t.security().failure().kind()).isEqualTo(SecurityErrorKind.NO_KEY);
        assertThat(t.security().failure().message()).isEqualTo("no key for meter KAM-63452869");
    }

    @Test
    void aClearPayloadDespiteTheEncryptionBitsIsFlaggedNotDecrypted() throws WMBusException {
        WMBusTelegram t = decoder(null).decode(hex(STORED_DECRYPTED));
        assertThat(t.security().status()).isEqualTo(SecurityStatus.PLAINTEXT_DESPITE_ENCRYPTION_FLAG);
        assertThat(t.security().decrypted()).isFalse();
        assertThat(HexFormat.of().formatHex(t.applicationData())).isEqualTo("02ff207100041308190000441308190000615b7f616713");
    }

    @Test
    void aClearPayloadFromAMeterWhoseKeyWeHoldIsRefused() throws WMBusException {
        WMBusTelegram t = decoder(KEY).decode(hex(STORED_DECRYPTED));
        assertThat(t.security().status()).isEqualTo(SecurityStatus.FAILED);
        assertThat(t.security().failure().kind()).isEqualTo(SecurityErrorKind.PLAINTEXT_REFUSED);
    }

    @Test
    void anUnencryptedPayloadWithAWrongCrcIsACrcError() {
        byte[] f = hex(STORED_DECRYPTED);
        f[13] = 0; // SN encryption bits 000: the payload is in clear, its CRC must match
        f[16] = 0;
        f[f.length - 1] ^= 0x10;
        assertThatThrownBy(() -> decoder(null).decode(f)).isInstanceOfSatisfying(WMBusException.class,
                e -> assertThat(e.kind()).isEqualTo(WMBusException.Kind.CRC_ERROR));
    }

    @Test
    void reservedEncryptionIsUnsupported() {
        byte[] f = hex(STORED_DECRYPTED);
        f[16] = (byte) 0x41; // SN bits 31-29 = 010
        assertThatThrownBy(() -> decoder(null).decode(f)).isInstanceOfSatisfying(WMBusException.class,
                e -> assertThat(e.kind()).isEqualTo(WMBusException.Kind.UNSUPPORTED));
    }
}
