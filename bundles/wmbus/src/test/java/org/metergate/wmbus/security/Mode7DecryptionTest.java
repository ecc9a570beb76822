package org.metergate.wmbus.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.metergate.api.meter.MeterId;
import org.metergate.api.security.MeterKey;
import org.metergate.wmbus.WMBusDecoder;
import org.metergate.wmbus.WMBusException;
import org.metergate.wmbus.WMBusTelegram;
import org.metergate.wmbus.link.FrameFormat;
import org.metergate.wmbus.transport.AuthenticationFragmentationLayer;
import org.metergate.wmbus.transport.TransportHeader;

/**
 * Security mode 7 (OMS Vol. 2, EN 13757-7): ELL I, AFL with message counter and 8-byte AES-CMAC over
 * MCL || MCR || TPL, ephemeral keys by KDF-A, AES-128-CBC with IV 0.
 *
 * <p>Vector: the OMS Vol. 2 annex example telegram (gas meter ELS 12345678, key 000102...0F), taken from
 * the test suite of lvogt/wireless-mbus-parser (test/parser.spec.ts: "All fields" without CRCs and
 * "Mode7: Encrypted but wrong key" in frame format A), whose snapshot gives the decoded records: volume
 * 28504.27 m3, date and time 2008-05-31 23:50, error flags 0.
 */
class Mode7DecryptionTest {

    static final String TELEGRAM = "434493157856341233038C2075900F002C25B30A000021924D4F2FB66E017A75002007109058475F4BC91DF8"
            + "78B80A1B0F98B629024AAC727942BFC549233C0140829B93";
    static final String TELEGRAM_FORMAT_A = "434493157856341233037AC98C2075900F002C25B30A000021924D4FBA372FB66E017A750020071090"
            + "58475F4BC9D1281DF878B80A1B0F98B629024AAC7279429398BFC549233C0140829B93BAA1";
    static final MeterKey KEY = MeterKey.ofHex("000102030405060708090A0B0C0D0E0F");
    /** 2F2F, 0C 14 (volume, 8 digit BCD, 10^-2 m3) 27048502, 04 6D (type F date/time) 32371F15, 02 FD 17 (error flags) 0000, fillers. */
    static final String RECORDS = "2f2f0c1427048502046d32371f1502fd1700002f2f2f2f2f2f2f2f2f2f2f2f2f";

    private static byte[] hex(String s) {
        return HexFormat.of().parseHex(s);
    }

    private static WMBusDecoder decoder(MeterKey key) {
        return new WMBusDecoder(meter -> meter.equals(MeterId.parse("ELS-12345678")) ? Optional.ofNullable(key) : Optional.empty());
    }

    @Test
    void theOmsExampleDecryptsAndAuthenticates() throws WMBusException {
        WMBusTelegram t = decoder(KEY).decode(hex(TELEGRAM));
        assertThat(t.ciChain()).containsExactly(0x8C, 0x90, 0x7A);
        assertThat(t.security().mode()).isEqualTo(SecurityMode.MODE_7);
        assertThat(t.security().status()).isEqualTo(SecurityStatus.DECRYPTED);
        assertThat(t.security().authenticated()).isTrue();
        assertThat(HexFormat.of().formatHex(t.applicationData())).isEqualTo(RECORDS);

        AuthenticationFragmentationLayer afl = t.authenticationLayer().orElseThrow();
        assertThat(afl.length()).isEqualTo(0x0F);
        assertThat(afl.fcl()).isEqualTo(0x2C00);
        assertThat(afl.mcl()).isEqualTo(0x25);
        assertThat(afl.authenticationType()).isEqualTo(5);
        assertThat(afl.messageCounter()).isEqualTo(0xAB3);
        assertThat(afl.mac()).isEqualTo(hex("21924D4F2FB66E01"));

        TransportHeader tpl = t.transport().orElseThrow();
        assertThat(tpl.accessNumber()).isEqualTo(0x75);
        assertThat(tpl.configuration().encryptedBlocks()).isEqualTo(2);
        assertThat(tpl.configuration().keyDerivation()).isEqualTo(1);
        assertThat(tpl.configuration().keyId()).isEqualTo(0);
        assertThat(t.extendedLinkLayer().orElseThrow().accessNumber()).isEqualTo(0x75);
    }

    @Test
    void theRecordsOfTheOmsExample() throws WMBusException {
        WMBusTelegram t = decoder(KEY).decode(hex(TELEGRAM));
        assertThat(t.records()).hasSize(3);
        org.metergate.mbus.record.DataRecord volume = t.records().get(0);
        assertThat(volume.quantity()).isEqualTo("volume");
        assertThat(volume.unit()).isEqualTo(org.metergate.api.reading.Unit.CUBIC_METRE);
        assertThat(volume.value()).isEqualTo(new org.metergate.mbus.record.DataValue.Numeric(new java.math.BigDecimal("28504.27")));
        assertThat(t.records().get(1).value()).isInstanceOfSatisfying(org.metergate.mbus.record.MBusDateTime.class,
                dt -> assertThat(dt.toLocalDateTime()).contains(java.time.LocalDateTime.of(2008, 5, 31, 23, 50)));
        assertThat(t.records().get(2).description()).contains("error flags");
        assertThat(t.status()).hasValueSatisfying(s -> assertThat(s.value()).isZero());
        assertThat(t.accessNumber()).isEqualTo(0x75);
    }

    @Test
    void theSameTelegramInFrameFormatA() throws WMBusException {
        WMBusTelegram t = decoder(KEY).decode(hex(TELEGRAM_FORMAT_A));
        assertThat(t.link().format()).isEqualTo(FrameFormat.A);
        assertThat(t.security().decrypted()).isTrue();
        assertThat(HexFormat.of().formatHex(t.applicationData())).isEqualTo(RECORDS);
    }

    @Test
    void aWrongKeyIsAMacMismatch() throws WMBusException {
        WMBusTelegram t = decoder(MeterKey.ofHex("4E5508544202058100DFEFA06B0934AF")).decode(hex(TELEGRAM));
        assertThat(t.security().status()).isEqualTo(SecurityStatus.FAILED);
        assertThat(t.security().failure().kind()).isEqualTo(SecurityErrorKind.MAC_MISMATCH);
        assertThat(t.security().failure().message()).isEqualTo("MAC mismatch for meter ELS-12345678");
        assertThat(t.applicationData()).isEmpty();
    }

    @Test
    void aTamperedCiphertextIsAMacMismatch() throws WMBusException {
        byte[] f = hex(TELEGRAM);
        f[f.length - 1] ^= 1;
        WMBusTelegram t = decoder(KEY).decode(f);
        assertThat(t.security().failure().kind()).isEqualTo(SecurityErrorKind.MAC_MISMATCH);
    }

    @Test
    void withoutAKeyNoKey() throws WMBusException {
        WMBusTelegram t = decoder(null).decode(hex(TELEGRAM));
        assertThat(t.security().failure().kind()).isEqualTo(SecurityErrorKind.NO_KEY);
        assertThat(t.security().failure().message()).isEqualTo("no key for meter ELS-12345678");
        assertThat(t.link().address().identification()).isEqualTo("12345678");
    }

    @Test
    void errorsNeverShowTheKey() throws WMBusException {
        MeterKey wrong = MeterKey.ofHex("4E5508544202058100DFEFA06B0934AF");
        WMBusTelegram t = decoder(wrong).decode(hex(TELEGRAM));
        assertThat(t.toString() + t.security()).doesNotContainIgnoringCase("4E5508544202058100DFEFA06B0934AF")
                .doesNotContainIgnoringCase("000102030405060708090A0B0C0D0E0F");
    }
}
