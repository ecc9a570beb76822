package org.metergate.wmbus.transport;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The TPL configuration field (EN 13757-7): mode in bits 12-8, N in bits 7-4, mode-dependent flags. */
class ConfigurationFieldTest {

    @Test
    void mode5Bits() {
        ConfigurationField cf = new ConfigurationField(0xA503, -1); // B, S, mode 5, N 0, R, H
        assertThat(cf.securityMode()).isEqualTo(5);
        assertThat(cf.bidirectional()).isTrue();
        assertThat(cf.accessibility()).isFalse();
        assertThat(cf.synchronous()).isTrue();
        assertThat(cf.repeatedAccess()).isTrue();
        assertThat(cf.hopCounter()).isTrue();
        assertThat(new ConfigurationField(0x0590, -1).encryptedBlocks()).isEqualTo(9);
    }

    @Test
    void mode7ExtensionSelectsKdfAndKey() {
        ConfigurationField cf = new ConfigurationField(0x0720, 0x13);
        assertThat(cf.securityMode()).isEqualTo(7);
        assertThat(cf.encryptedBlocks()).isEqualTo(2);
        assertThat(cf.keyDerivation()).isEqualTo(1);
        assertThat(cf.keyId()).isEqualTo(3);
        assertThat(cf.hopCounter()).isFalse();
        assertThat(ConfigurationField.hasExtension(0x0720)).isTrue();
        assertThat(ConfigurationField.hasExtension(0x0520)).isFalse();
    }
}
