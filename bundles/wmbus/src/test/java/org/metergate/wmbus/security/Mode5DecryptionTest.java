package org.metergate.wmbus.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.metergate.api.security.MeterKey;
import org.metergate.wmbus.WMBusDecoder;
import org.metergate.wmbus.WMBusException;
import org.metergate.wmbus.WMBusTelegram;
import org.metergate.wmbus.transport.HeaderType;

/**
 * Security mode 5 (EN 13757-7 / OMS): AES-128-CBC with the meter's persistent key; IV = M (2), A (6) of
 * the meter (the long TPL header if there is one, else the link layer) and the access number 8 times;
 * the number of encrypted blocks is in the configuration field; the clear text starts with 2F2F.
 */
class Mode5DecryptionTest {

    private static byte[] hex(String s) {
        return HexFormat.of().parseHex(s);
    }

    private static WMBusDecoder decoder(String key) {
        return new WMBusDecoder(meter -> Optional.ofNullable(key).map(MeterKey::ofHex));
    }

    /** wmbusmeters, drivers/src/kaden.xmq: short header, 4 encrypted blocks. */
    @Test
    void shortHeaderIvFromTheLinkLayer() throws WMBusException {
        WMBusTelegram t = decoder("82B0551191F51D66EFCDAB8967452301").decode(hex(
                "4E443059671270231E087A6F0040051183E178AFB952391C01F78104BC3FD33A5232BA7E70F514A062DAC99059A7C74A5522"
                        + "7DFAE9D9590145F685F4AE6A62288BBBA6EAF92D86797254644A2CDF46"));
        assertThat(t.security().mode()).isEqualTo(SecurityMode.MODE_5);
        assertThat(t.security().status()).isEqualTo(SecurityStatus.DECRYPTED);
        assertThat(t.transport().orElseThrow().configuration().encryptedBlocks()).isEqualTo(4);
        assertThat(HexFormat.of().formatHex(t.applicationData())).startsWith("2f2f02fd1700000d78083736323130373332026e5b03");
    }

    /**
     * wmbusmeters, drivers/src/engelmann_faw.xmq: CI 0x73 with a long header: the IV takes M and A from
     * the TPL (C514 / 22862420 / 00 / 07), not from the link layer (C514 / 22502855 / 02 / 07).
     */
    @Test
    void longHeaderIvFromTheTransportLayer() throws WMBusException {
        WMBusTelegram t = decoder("5CDB04C8EDFDC09EC49B5E76A24D4822").decode(hex(
                "7644C5145528502202077320248622C5140007700060255F2AA2967EB77D0BF310341E3636D9ACC17CC5D69CE5632D7B494CC0718E2D"
                        + "BB916BBEC0C3FF2B0D6087FD0ABB3BA0779564CC089E4527987EF2221D26D7EA448CA59759ACFBEA4E5B0026EF463592B666"
                        + "8FBF680896E78B461DBB77C32903E0"));
        assertThat(t.transport().orElseThrow().type()).isEqualTo(HeaderType.LONG);
        assertThat(t.meter().identification()).isEqualTo("22862420");
        assertThat(t.link().address().identification()).isEqualTo("22502855");
        assertThat(t.security().decrypted()).isTrue();
        assertThat(HexFormat.of().formatHex(t.applicationData())).startsWith("2f2f2d056ff33f3cf67d0300");
    }

    /** wmbusmeters, drivers/src/waterstarm.xmq: 2 encrypted blocks, then 11 bytes in clear. */
    @Test
    void bytesAfterTheEncryptedBlocksStayInClear() throws WMBusException {
        WMBusTelegram t = decoder("BEDB81B52C29B5C143388CBB0D15A051").decode(hex(
                "3944FA122162092002067A3604202567C94D48D00DC47B11213E23383DB51968A705AAFA60C60E263D50CD259D7C9A03FD0C08000002FD0B0011"));
        assertThat(t.security().decrypted()).isTrue();
        String apl = HexFormat.of().formatHex(t.applicationData());
        assertThat(apl).hasSize(2 * 43).startsWith("2f2f046d282a9e2704136a000000").endsWith("03fd0c08000002fd0b0011");
    }

    /**
     * A mode 5 telegram behind an ELL I, with 9 encrypted blocks: the exercise telegram published in
     * Mandharaurs/oms-telegram-decryption (README) and abhi9062/wmbus-decrypt-solution, key
     * 4255794D3DCCFD46953146E701B7DB68.
     */
    @Test
    void behindAnExtendedLinkLayer() throws WMBusException {
        WMBusTelegram t = decoder("4255794D3DCCFD46953146E701B7DB68").decode(hex(
                "a144c5142785895070078c20607a9d00902537ca231fa2da5889be8df3673ec136aebfb80d4ce395ba98f6b3844a115e4be1b1c9f0a2"
                        + "d5ffbb92906aa388deaa82c929310e9e5c4c0922a784df89cf0ded833be8da996eb5885409b6c9867978dea24001d68c6034"
                        + "08d758a1e2b91c42ebad86a9b9d287880083bb0702850574d7b51e9c209ed68e0374e9b01febfd92b4cb9410fdeaf7fb526b74"
                        + "2dc9a8d0682653"));
        assertThat(t.ciChain()).containsExactly(0x8C, 0x7A);
        assertThat(t.security().decrypted()).isTrue();
        assertThat(HexFormat.of().formatHex(t.applicationData())).startsWith("2f2f046da4303a3904138011000001fd1700").hasSize(2 * 144);
    }

    @Test
    void aWrongKeyFailsThe2F2FCheck() throws WMBusException {
        WMBusTelegram t = decoder("4E5508544202058100DFEFA06B0934AF").decode(hex(
                "4E443059671270231E087A6F0040051183E178AFB952391C01F78104BC3FD33A5232BA7E70F514A062DAC99059A7C74A5522"
                        + "7DFAE9D9590145F685F4AE6A62288BBBA6EAF92D86797254644A2CDF46"));
        assertThat(t.security().status()).isEqualTo(SecurityStatus.FAILED);
        assertThat(t.security().failure().kind()).isEqualTo(SecurityErrorKind.WRONG_KEY);
        assertThat(t.security().failure().message())
                .isEqualTo("wrong key for meter VIP-23701267: decrypted payload does not start with 2F2F");
        assertThat(t.applicationData()).isEmpty();
    }

    /** The per-thread cipher cache must follow a meter's key when the key store changes it. */
    @Test
    void aChangedKeyIsUsedAtOnce() throws WMBusException {
        String[] current = {"4E5508544202058100DFEFA06B0934AF"};
        WMBusDecoder d = new WMBusDecoder(meter -> Optional.of(MeterKey.ofHex(current[0])),
                org.metergate.wmbus.DecoderOptions.defaults().withReplayDetection(false));
        byte[] frame = hex("4E443059671270231E087A6F0040051183E178AFB952391C01F78104BC3FD33A5232BA7E70F514A062DAC99059A7C74A5522"
                + "7DFAE9D9590145F685F4AE6A62288BBBA6EAF92D86797254644A2CDF46");
        assertThat(d.decode(frame).security().status()).isEqualTo(SecurityStatus.FAILED);
        current[0] = "82B0551191F51D66EFCDAB8967452301";
        assertThat(d.decode(frame).security().status()).isEqualTo(SecurityStatus.DECRYPTED);
        current[0] = "4E5508544202058100DFEFA06B0934AF";
        assertThat(d.decode(frame).security().status()).isEqualTo(SecurityStatus.FAILED);
    }

    @Test
    void withoutKeyNoKey() throws WMBusException {
        WMBusTelegram t = decoder(null).decode(hex(
                "4E443059671270231E087A6F0040051183E178AFB952391C01F78104BC3FD33A5232BA7E70F514A062DAC99059A7C74A5522"
                        + "7DFAE9D9590145F685F4AE6A62288BBBA6EAF92D86797254644A2CDF46"));
        assertThat(t.security().failure().kind()).isEqualTo(SecurityErrorKind.NO_KEY);
        assertThat(t.security().failure().meter().toString()).isEqualTo("VIP-23701267");
        assertThat(t.replay().verdict()).isEqualTo(org.metergate.wmbus.ReplayVerdict.NOT_CHECKED);
    }
}
