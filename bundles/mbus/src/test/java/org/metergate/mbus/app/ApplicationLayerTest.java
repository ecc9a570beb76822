package org.metergate.mbus.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.metergate.api.meter.DeviceType;
import org.metergate.api.meter.MeterAddress;
import org.metergate.api.reading.Unit;
import org.metergate.mbus.Hex;
import org.metergate.mbus.MBusDecodeException;
import org.metergate.mbus.record.DataRecordEncoder;
import org.metergate.mbus.record.DataValue;
import org.metergate.mbus.record.Direction;

/** EN 13757-3 application layer: CI-field, headers, fixed structure, application errors, master messages. */
class ApplicationLayerTest {

    private static ApplicationMessage decode(String hex) throws MBusDecodeException {
        byte[] b = Hex.parse(hex);
        return ApplicationLayer.decode(b, 0, b.length, Direction.SLAVE_TO_MASTER);
    }

    @Test
    void longHeaderCi72CarriesTheSecondaryAddress() throws Exception {
        // libmbus test-frames/frame2.hex user data
        VariableDataResponse v = (VariableDataResponse) decode(
                "72 78 56 34 12 24 40 01 07 55 00 00 00 03 13 15 31 00 DA 02 3B 13 01 8B 60 04 37 18 02");
        LongHeader h = (LongHeader) v.header();
        assertThat(h.address()).isEqualTo(MeterAddress.of("PAD", "12345678", 1, DeviceType.WATER));
        assertThat(v.address()).contains(h.address());
        assertThat(h.accessNumber()).isEqualTo(0x55);
        assertThat(h.status().value()).isZero();
        assertThat(h.configuration().value()).isZero();
        assertThat(v.data().records()).hasSize(3);
        assertThat(((DataValue.Numeric) v.data().records().get(0).value()).value()).isEqualByComparingTo("12.565");
        assertThat(Hex.format(h.encode())).isEqualTo("78563412244001075500" + "0000");
        // the records as readings of the reading API
        var readings = v.readings(h.address(), java.time.Instant.EPOCH);
        assertThat(readings).hasSize(3);
        assertThat(readings.get(2).quantity()).isEqualTo("energy");
        assertThat(readings.get(2).value()).isEqualByComparingTo("218370");
        assertThat(readings.get(2).unit()).isEqualTo(Unit.WATT_HOUR);
        assertThat(readings.get(2).tariff()).isEqualTo(2);
        assertThat(readings.get(2).subunit()).isEqualTo(1);
        assertThat(readings.get(1).storage()).isEqualTo(5);
    }

    @Test
    void shortHeaderCi7AAndNoHeaderCi78() throws Exception {
        VariableDataResponse s = (VariableDataResponse) decode("7A 2A 14 00 00 01 13 05");
        ShortHeader h = (ShortHeader) s.header();
        assertThat(h.accessNumber()).isEqualTo(0x2A);
        assertThat(h.status().powerLow()).isTrue();
        assertThat(h.status().temporaryError()).isTrue();
        assertThat(s.address()).isEmpty();
        assertThat(s.data().records()).hasSize(1);
        assertThat(Hex.format(h.encode())).isEqualTo("2A140000");
        VariableDataResponse n = (VariableDataResponse) decode("78 01 13 05");
        assertThat(n.header()).isEqualTo(NoHeader.INSTANCE);
        assertThat(n.data().records()).hasSize(1);
    }

    @Test
    void aHeaderCutShortIsRefused() {
        // libmbus error-frames/too_short_header.hex: 5 of 12 header bytes
        assertThatThrownBy(() -> decode("72 78 56 34 12 24")).isInstanceOf(MBusDecodeException.class)
                .hasMessageContaining("long header needs 12 bytes, 5 left")
                .extracting(e -> ((MBusDecodeException) e).offset()).isEqualTo(6);
        assertThatThrownBy(() -> decode("7A 01 00")).isInstanceOf(MBusDecodeException.class).hasMessageContaining("short header");
        assertThatThrownBy(() -> decode("")).isInstanceOf(MBusDecodeException.class).hasMessageContaining("CI-field expected");
    }

    @Test
    void statusByteBits() {
        StatusByte s = new StatusByte(0xFE);
        assertThat(s.applicationStatus()).isEqualTo(StatusByte.ApplicationStatus.ERROR);
        assertThat(s.powerLow()).isTrue();
        assertThat(s.permanentError()).isTrue();
        assertThat(s.temporaryError()).isTrue();
        assertThat(s.manufacturerBits()).isEqualTo(7);
        assertThat(new StatusByte(1).applicationStatus()).isEqualTo(StatusByte.ApplicationStatus.BUSY);
        assertThat(new StatusByte(3).applicationStatus()).isEqualTo(StatusByte.ApplicationStatus.ALARM);
        assertThat(new StatusByte(0).toString()).isEqualTo("00 (no error)");
    }

    @Test
    void configurationFieldSecurityModeAndEncryptedRecordsRefused() throws Exception {
        ConfigurationField c = new ConfigurationField(0x0530); // mode 5, 3 encrypted blocks
        assertThat(c.securityMode()).isEqualTo(5);
        assertThat(c.encryptedBlocks()).isEqualTo(3);
        assertThatThrownBy(() -> decode("7A 01 00 30 05 A1 B2 C3 D4")).isInstanceOf(MBusDecodeException.class)
                .hasMessageContaining("encrypted with security mode 5");
        // decrypted already (starts with 2F 2F): decodes
        assertThat(((VariableDataResponse) decode("7A 01 00 30 05 2F 2F 01 13 05")).data().records()).hasSize(1);
        // an old meter's signature FF FF is not a security mode
        assertThat(((VariableDataResponse) decode("7A 01 00 FF FF 01 13 05")).data().records()).hasSize(1);
    }

    @Test
    void fixedDataStructureWithBcdCounters() throws Exception {
        // libmbus test-frames/sen_pollusonic_2.hex: heat, counter 1 6531 kWh, counter 2 69 l
        FixedDataResponse f = (FixedDataResponse) decode("73 93 92 91 90 10 00 05 69 31 65 00 00 69 00 00 00");
        assertThat(f.identification()).isEqualTo("90919293");
        assertThat(f.accessNumber()).isEqualTo(0x10);
        assertThat(f.mediumDescription()).isEqualTo("heat");
        assertThat(f.counters().get(0).unit()).isEqualTo(Unit.WATT_HOUR);
        assertThat(((DataValue.Numeric) f.counters().get(0).value()).value()).isEqualByComparingTo("6531000");
        assertThat(((DataValue.Numeric) f.counters().get(1).value()).value()).isEqualByComparingTo("0.069");
        assertThat(f.counters().get(1).unit()).isEqualTo(Unit.CUBIC_METRE);
    }

    @Test
    void fixedDataStructureSameButHistoric() throws Exception {
        // libmbus test-frames/manual_frame2.hex: water, 1 l and (unit 3E) 135 l stored at the fixed date
        FixedDataResponse f = (FixedDataResponse) decode("73 78 56 34 12 0A 00 E9 7E 01 00 00 00 35 01 00 00");
        assertThat(f.mediumDescription()).isEqualTo("water");
        assertThat(f.counters().get(0).historic()).isFalse();
        FixedDataResponse.Counter c2 = f.counters().get(1);
        assertThat(c2.unitCode()).isEqualTo(0x3E);
        assertThat(c2.historic()).isTrue();
        assertThat(c2.unit()).isEqualTo(Unit.CUBIC_METRE);
        assertThat(((DataValue.Numeric) c2.value()).value()).isEqualTo(new BigDecimal("0.135"));
    }

    @Test
    void fixedDataStructureBinaryCountersAndMostSignificantByteFirst() throws Exception {
        // status bit 7: binary counters; CI 77: multi-byte fields most significant byte first
        FixedDataResponse f = (FixedDataResponse) decode("77 12 34 56 78 01 80 29 29 00 00 01 00 00 00 00 02");
        assertThat(f.identification()).isEqualTo("12345678");
        assertThat(((DataValue.Numeric) f.counters().get(0).value()).value()).isEqualByComparingTo("0.256");
        assertThat(((DataValue.Numeric) f.counters().get(1).value()).value()).isEqualByComparingTo("0.002");
        // libmbus unsupported-frames/invalid_length2.hex: the second counter is one byte short
        assertThatThrownBy(() -> decode("73 93 92 91 90 10 00 05 69 31 65 00 00 69 00 00"))
                .isInstanceOf(MBusDecodeException.class).hasMessageContaining("fixed data structure needs 16 bytes, 15 left");
    }

    @Test
    void applicationErrorsCi70() throws Exception {
        // libmbus error-frames/application_busy.hex and error.hex
        ApplicationErrorResponse busy = (ApplicationErrorResponse) decode("70 08");
        assertThat(busy.error()).isEqualTo(ApplicationError.APPLICATION_BUSY);
        assertThat(busy.describe()).isEqualTo("application error 08: application too busy for handling readout request");
        ApplicationErrorResponse none = (ApplicationErrorResponse) decode("70");
        assertThat(none.code()).isEqualTo(-1);
        assertThat(none.error()).isEqualTo(ApplicationError.UNSPECIFIED);
        assertThat(ApplicationError.of(0x07)).isEqualTo(ApplicationError.RESERVED);
        assertThat(ApplicationLayer.encode(busy)).containsExactly(0x70, 0x08);
    }

    @Test
    void applicationResetCi50() throws Exception {
        assertThat(decode("50")).isEqualTo(new ApplicationReset(-1));
        assertThat(decode("50 10")).isEqualTo(new ApplicationReset(0x10));
        assertThat(ApplicationLayer.encode(new ApplicationReset(0x10))).containsExactly(0x50, 0x10);
        assertThat(ApplicationLayer.encode(new ApplicationReset(-1))).containsExactly(0x50);
        assertThatThrownBy(() -> decode("50 10 00")).isInstanceOf(MBusDecodeException.class);
    }

    @Test
    void dataSendCi51SetsThePrimaryAddress() throws Exception {
        // libmbus unsupported-frames/manual_frame4.hex: 51 01 7A 08
        DataSend d = (DataSend) decode("51 01 7A 08");
        assertThat(d.data().records().get(0).quantity()).isEqualTo("bus address");
        assertThat(((DataValue.Numeric) d.data().records().get(0).value()).value()).isEqualByComparingTo("8");
        assertThat(ApplicationLayer.encode(DataSend.of(DataRecordEncoder.primaryAddress(8)))).isEqualTo(Hex.parse("51 01 7A 08"));
        // libmbus unsupported-frames/manual_frame6.hex: identification and an energy register
        DataSend six = (DataSend) decode("51 0C 79 78 56 34 12 0C 06 07 01 00 00");
        assertThat(((DataValue.Numeric) six.data().records().get(0).value()).value()).isEqualByComparingTo("12345678");
        assertThat(((DataValue.Numeric) six.data().records().get(1).value()).value()).isEqualByComparingTo("107000");
    }

    @Test
    void slaveSelectCi52WithWildcards() throws Exception {
        SlaveSelect s = new SlaveSelect("1234FFFF", 0xFFFF, 0xFF, 0x07);
        byte[] bytes = ApplicationLayer.encode(s);
        assertThat(bytes).isEqualTo(Hex.parse("52 FF FF 34 12 FF FF FF 07"));
        assertThat(decode("52 FF FF 34 12 FF FF FF 07")).isEqualTo(s);
        assertThatThrownBy(() -> decode("52 FF FF 34")).isInstanceOf(MBusDecodeException.class);
    }

    @Test
    void baudRateSwitchB8ToBF() throws Exception {
        assertThat(((BaudRateSwitch) decode("B8")).baud()).isEqualTo(300);
        assertThat(((BaudRateSwitch) decode("BB")).baud()).isEqualTo(2400);
        assertThat(((BaudRateSwitch) decode("BF")).baud()).isEqualTo(38400);
        assertThat(ApplicationLayer.encode(BaudRateSwitch.of(9600))).containsExactly(0xBD);
        assertThatThrownBy(() -> BaudRateSwitch.of(115200)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void unsupportedCiIsRefusedAtTheCi() {
        assertThatThrownBy(() -> decode("8C 00")).isInstanceOf(MBusDecodeException.class)
                .hasMessageContaining("unsupported CI-field 8C")
                .extracting(e -> ((MBusDecodeException) e).offset()).isEqualTo(0);
    }
}
