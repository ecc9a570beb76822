package org.metergate.mbus.link;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** EN 13757-2 A-field: primary addresses 1-250, 0 unconfigured, 253 secondary addressing, 254/255 broadcast. */
class AddressFieldTest {

    @Test
    void everyAddressByteHasItsMeaning() {
        assertThat(AddressField.of(0)).isEqualTo(AddressField.UNCONFIGURED);
        assertThat(AddressField.of(1)).isEqualTo(AddressField.PRIMARY);
        assertThat(AddressField.of(250)).isEqualTo(AddressField.PRIMARY);
        assertThat(AddressField.of(251)).isEqualTo(AddressField.RESERVED);
        assertThat(AddressField.of(252)).isEqualTo(AddressField.RESERVED);
        assertThat(AddressField.of(253)).isEqualTo(AddressField.SECONDARY_ADDRESSING);
        assertThat(AddressField.of(254)).isEqualTo(AddressField.BROADCAST_WITH_REPLY);
        assertThat(AddressField.of(255)).isEqualTo(AddressField.BROADCAST_WITHOUT_REPLY);
        assertThatThrownBy(() -> AddressField.of(256)).isInstanceOf(IllegalArgumentException.class);
    }
}
