package org.metergate.api.meter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MeterAddressTest {

    @Test
    void secondaryAddressReadsLikeTheStandard() {
        MeterAddress a = MeterAddress.of("KAM", "12345678", 0x1B, DeviceType.WATER);
        assertThat(a.medium()).isEqualTo(DeviceType.WATER);
        assertThat(a.meterId()).isEqualTo(MeterId.parse("KAM-12345678"));
        assertThat(a).hasToString("KAM-12345678 v1B water");
    }

    @Test
    void reservedDeviceTypesKeepTheirByte() {
        MeterAddress a = new MeterAddress(ManufacturerCode.of("ABC"), "00000001", 1, 0x44);
        assertThat(a.medium()).isEqualTo(DeviceType.RESERVED);
        assertThat(a.deviceType()).isEqualTo(0x44);
        assertThat(a.toString()).endsWith("type 44");
    }

    @Test
    void identificationIsEightHexDigits() {
        assertThat(new MeterId(ManufacturerCode.of("ABC"), "0000abcd").identification()).isEqualTo("0000ABCD");
        assertThatThrownBy(() -> MeterAddress.of("KAM", "1234567", 1, DeviceType.GAS))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MeterAddress.of("KAM", "12345678", 256, DeviceType.GAS))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void deviceTypeTableCoversEveryByte() {
        assertThat(DeviceType.of(0x02)).isEqualTo(DeviceType.ELECTRICITY);
        assertThat(DeviceType.of(0x37)).isEqualTo(DeviceType.RADIO_CONVERTER_METER);
        for (int code = 0; code < 256; code++) {
            DeviceType t = DeviceType.of(code);
            assertThat(t == DeviceType.RESERVED || t.code() == code).isTrue();
        }
    }
}
