package org.metergate.wmbus.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.metergate.wmbus.WMBusException;

/**
 * AFL (EN 13757-7), CI 0x90: AFLL, FCL (MF, MCLP, MLP, MCRP, MACP, KIP, fragment id), then MCL, KI, MCR,
 * MAC, ML as FCL announces them. Example from lvogt/wireless-mbus-parser
 * test/authenticationFragmentationLayer.spec.ts (the AFL of the OMS Vol. 2 annex mode 7 example).
 */
class AuthenticationFragmentationLayerTest {

    @Test
    void fieldsOfTheOmsExample() throws WMBusException {
        byte[] b = HexFormat.of().parseHex("900F002C25B30A000021924D4F2FB66E01");
        AuthenticationFragmentationLayer afl = AuthenticationFragmentationLayer.read(b, 0, b.length);
        assertThat(afl.length()).isEqualTo(15);
        assertThat(afl.fcl()).isEqualTo(0x2C00);
        assertThat(afl.moreFragments()).isFalse();
        assertThat(afl.fragmentId()).isZero();
        assertThat(afl.mcl()).isEqualTo(0x25);
        assertThat(afl.authenticationType()).isEqualTo(5);
        assertThat(afl.keyInfo()).isEqualTo(-1);
        assertThat(afl.messageCounter()).isEqualTo(0x0AB3);
        assertThat(afl.mac()).isEqualTo(HexFormat.of().parseHex("21924D4F2FB66E01"));
        assertThat(afl.messageLength()).isEqualTo(-1);
    }

    @Test
    void macLengthsByAuthenticationType() {
        assertThat(AuthenticationFragmentationLayer.macLength(3)).isEqualTo(2);
        assertThat(AuthenticationFragmentationLayer.macLength(4)).isEqualTo(4);
        assertThat(AuthenticationFragmentationLayer.macLength(5)).isEqualTo(8);
        assertThat(AuthenticationFragmentationLayer.macLength(6)).isEqualTo(12);
        assertThat(AuthenticationFragmentationLayer.macLength(7)).isEqualTo(16);
        assertThat(AuthenticationFragmentationLayer.macLength(1)).isEqualTo(-1);
    }

    @Test
    void keyInformationAndMessageLength() throws WMBusException {
        // FCL 0x3A00: MCLP, MLP, MCRP, KIP; MCL 0x20; KI 0x0102; MCR 7; ML 0x0030
        byte[] b = HexFormat.of().parseHex("900B" + "003A" + "20" + "0201" + "07000000" + "3000");
        AuthenticationFragmentationLayer afl = AuthenticationFragmentationLayer.read(b, 0, b.length);
        assertThat(afl.keyInfo()).isEqualTo(0x0102);
        assertThat(afl.messageCounter()).isEqualTo(7);
        assertThat(afl.messageLength()).isEqualTo(0x30);
        assertThat(afl.hasMac()).isFalse();
    }

    @Test
    void aLengthThatDisagreesWithTheFieldsIsMalformed() {
        byte[] b = HexFormat.of().parseHex("9010002C25B30A000021924D4F2FB66E0100");
        assertThatThrownBy(() -> AuthenticationFragmentationLayer.read(b, 0, b.length)).isInstanceOfSatisfying(
                WMBusException.class, e -> assertThat(e.kind()).isEqualTo(WMBusException.Kind.MALFORMED));
    }

    @Test
    void aMacWithoutMessageControlIsMalformed() {
        byte[] b = HexFormat.of().parseHex("900A" + "0004" + "0102030405060708");
        assertThatThrownBy(() -> AuthenticationFragmentationLayer.read(b, 0, b.length)).isInstanceOfSatisfying(
                WMBusException.class, e -> assertThat(e.kind()).isEqualTo(WMBusException.Kind.MALFORMED));
    }
}
