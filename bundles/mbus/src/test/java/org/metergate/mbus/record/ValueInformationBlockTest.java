package org.metergate.mbus.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.metergate.api.reading.Unit;
import org.metergate.mbus.Hex;
import org.metergate.mbus.MBusDecodeException;

/** EN 13757-3 value information block: primary VIF table, extension tables FD and FB, combinable VIFEs. */
class ValueInformationBlockTest {

    private static ValueInformation vi(String hex) throws MBusDecodeException {
        return vib(hex, Direction.SLAVE_TO_MASTER).information();
    }

    private static ValueInformationBlock vib(String hex, Direction d) throws MBusDecodeException {
        byte[] b = Hex.parse(hex);
        return ValueInformationBlock.decode(b, 0, b.length, d);
    }

    @ParameterizedTest(name = "primary VIF {0}: {1} in {2} x 10^{3}")
    @CsvSource({
        "00, energy, Wh, -3",
        "07, energy, Wh, 4",
        "0E, energy, J, 6",
        "13, volume, m3, -3",
        "1B, mass, kg, 0",
        "22, on time, h, 0",
        "27, operating time, d, 0",
        "2B, power, W, 0",
        "35, power, J/h, 5",
        "3B, volume flow, m3/h, -3",
        "40, volume flow, m3/min, -7",
        "4F, volume flow, m3/s, -2",
        "53, mass flow, kg/h, 0",
        "59, flow temperature, °C, -2",
        "5E, return temperature, °C, -1",
        "61, temperature difference, K, -2",
        "65, external temperature, °C, -2",
        "6A, pressure, bar, -1",
        "6E, heat cost allocation, HCA, 0",
        "70, averaging duration, s, 0",
        "76, actuality duration, h, 0",
    })
    void primaryTable(String vif, String quantity, String unit, int exponent) throws Exception {
        ValueInformation v = vi(vif);
        assertThat(v.table()).isEqualTo(VifTable.PRIMARY);
        assertThat(v.quantity()).isEqualTo(quantity);
        assertThat(v.unit()).isEqualTo(new Unit(unit));
        assertThat(v.exponent()).isEqualTo(exponent);
    }

    @Test
    void identifiersAndDatesHaveTheirKind() throws Exception {
        assertThat(vi("78").kind()).isEqualTo(ValueKind.UNSIGNED);
        assertThat(vi("79").kind()).isEqualTo(ValueKind.UNSIGNED);
        assertThat(vi("7A").quantity()).isEqualTo("bus address");
        assertThat(vi("6C").kind()).isEqualTo(ValueKind.DATE);
        assertThat(vi("6D").kind()).isEqualTo(ValueKind.DATE_TIME);
        assertThat(vi("6F").quantity()).isEqualTo("reserved");
    }

    @ParameterizedTest(name = "VIF FD {0}: {1} in {2} x 10^{3}")
    @CsvSource({
        "00, credit, currency, -3",
        "08, access number, '', 0",
        "0E, firmware version, '', 0",
        "17, error flags, '', 0",
        "1C, baud rate, Bd, 0",
        "26, storage interval, h, 0",
        "28, storage interval, month, 0",
        "2E, duration since last readout, h, 0",
        "3A, dimensionless, '', 0",
        "48, voltage, V, -1",
        "59, current, A, -3",
        "60, reset counter, '', 0",
        "6D, operating time battery, d, 0",
        "71, RF level, dBm, 0",
        "74, remaining battery life time, d, 0",
    })
    void mainExtensionTableAfterFD(String vife, String quantity, String unit, int exponent) throws Exception {
        ValueInformation v = vi("FD " + vife);
        assertThat(v.table()).isEqualTo(VifTable.EXTENSION_FD);
        assertThat(v.quantity()).isEqualTo(quantity);
        assertThat(v.unit()).isEqualTo(new Unit(unit));
        assertThat(v.exponent()).isEqualTo(exponent);
        assertThat(vib("FD " + vife, Direction.SLAVE_TO_MASTER).length()).isEqualTo(2);
    }

    @ParameterizedTest(name = "VIF FB {0}: {1} in {2} x 10^{3}")
    @CsvSource({
        "00, energy, Wh, 5",
        "01, energy, Wh, 6",
        "03, reactive energy, varh, 4",
        "09, energy, J, 9",
        "11, volume, m3, 3",
        "15, reactive power, var, 1",
        "19, mass, t, 3",
        "1A, relative humidity, %RH, -1",
        "21, volume, ft3, -1",
        "29, power, W, 6",
        "2E, frequency, Hz, -1",
        "31, power, J/h, 9",
        "37, apparent power, VA, 3",
        "5A, flow temperature, °F, -1",
        "76, temperature limit, °C, -1",
        "7F, cumulative count max power, W, 4",
    })
    void alternateExtensionTableAfterFB(String vife, String quantity, String unit, int exponent) throws Exception {
        ValueInformation v = vi("FB " + vife);
        assertThat(v.table()).isEqualTo(VifTable.EXTENSION_FB);
        assertThat(v.quantity()).isEqualTo(quantity);
        assertThat(v.unit()).isEqualTo(new Unit(unit));
        assertThat(v.exponent()).isEqualTo(exponent);
    }

    @Test
    void plainTextVifCarriesItsUnitLastCharacterFirst() throws Exception {
        // libmbus test-frames/elv_temp_humid.hex: FC 03 "HR%" then VIFE 74 (x 10^-2)
        ValueInformationBlock v = vib("FC 03 48 52 25 74", Direction.SLAVE_TO_MASTER);
        assertThat(v.length()).isEqualTo(6);
        assertThat(v.information().table()).isEqualTo(VifTable.PLAIN_TEXT);
        assertThat(v.information().unit()).isEqualTo(new Unit("%RH"));
        assertThat(v.information().exponent()).isEqualTo(-2);
        assertThat(vi("7C 02 6D 6B").unit()).isEqualTo(new Unit("km"));
    }

    @Test
    void plainTextLongerThanTheDataIsRefused() {
        // libmbus error-frames/premature_end_of_var_vif1.hex and too_long_var_vif.hex
        assertThatThrownBy(() -> vi("FC 13 48 52 25 74 B4 16")).isInstanceOf(MBusDecodeException.class)
                .hasMessageContaining("plain-text VIF of 19 characters");
        assertThatThrownBy(() -> vi("FC F3 48 52")).isInstanceOf(MBusDecodeException.class);
        assertThatThrownBy(() -> vi("FC")).isInstanceOf(MBusDecodeException.class);
    }

    @Test
    void manufacturerSpecificVifKeepsItsVifesRaw() throws Exception {
        ValueInformationBlock v = vib("FF 81 02", Direction.SLAVE_TO_MASTER);
        assertThat(v.information().table()).isEqualTo(VifTable.MANUFACTURER_SPECIFIC);
        assertThat(v.information().kind()).isEqualTo(ValueKind.MANUFACTURER_SPECIFIC);
        assertThat(v.information().extensions()).isEmpty();
        assertThat(v.length()).isEqualTo(3);
    }

    @Test
    void manufacturerSpecificVifeKeepsTheStandardVifAndItsScaling() throws Exception {
        // libmbus test-frames/EMU_EMU-Professional-375-M-Bus.hex: voltage 10^-1 V, then FF 01
        ValueInformationBlock v = vib("FD C8 FF 01", Direction.SLAVE_TO_MASTER);
        assertThat(v.length()).isEqualTo(4);
        assertThat(v.information().quantity()).isEqualTo("voltage");
        assertThat(v.information().exponent()).isEqualTo(-1);
        assertThat(v.information().kind()).isEqualTo(ValueKind.NUMBER);
        assertThat(v.information().description()).contains("manufacturer specific");
    }

    @Test
    void combinableVifePerTimeUnitDividesTheUnit() throws Exception {
        ValueInformation v = vi("93 22"); // volume 10^-3 m3, per hour
        assertThat(v.unit()).isEqualTo(new Unit("m3/h"));
        assertThat(v.description()).isEqualTo("volume, per hour");
        assertThat(v.extensions()).containsExactly(new OrthogonalVife(0x22, false, "per hour"));
    }

    @Test
    void multiplicativeCorrectionFactorChangesTheExponent() throws Exception {
        assertThat(vi("84 70").exponent()).isEqualTo(1 - 6);   // 10^(nnn-6), nnn = 0
        assertThat(vi("84 77").exponent()).isEqualTo(1 + 1);   // nnn = 7
        assertThat(vi("84 7D").exponent()).isEqualTo(1 + 3);   // 10^3 for the value
    }

    @Test
    void additiveCorrectionConstantIsAnOffsetInUnitsOfTheVif() throws Exception {
        ValueInformation v = vi("DA 79"); // flow temperature 10^-1 °C, offset 10^(1-3) °C
        assertThat(v.additiveCorrection()).isEqualByComparingTo(new BigDecimal("0.01"));
        assertThat(v.exponent()).isEqualTo(-1);
    }

    @Test
    void accumulationOfPositiveOrNegativeContributions() throws Exception {
        assertThat(vi("83 3B").description()).isEqualTo("energy, accumulation only if positive contributions");
        assertThat(vi("83 3C").description()).isEqualTo("energy, accumulation of abs value only if negative contributions");
    }

    @Test
    void phaseComesFromTheExtensionAfterVife7C() throws Exception {
        ValueInformation v = vi("FD C9 FC 01"); // voltage at phase L1
        assertThat(v.extensions()).containsExactly(new OrthogonalVife(0x01, true, "at phase L1"));
        assertThat(v.description()).isEqualTo("voltage, at phase L1");
        assertThat(vi("FD C9 FC 02").description()).endsWith("at phase L2");
    }

    @Test
    void futureValueAndValueAtBaseConditionsQualifyTheRecord() throws Exception {
        assertThat(vi("EC 7E").description()).isEqualTo("time point (date), future value");
        assertThat(vi("93 3E").description()).isEqualTo("volume, value at base conditions");
    }

    @Test
    void dateOfAndDurationOfReplaceTheQuantity() throws Exception {
        // libmbus test-frames/landis+gyr_ultraheat_t230.hex: power, date/time of end of last ...
        ValueInformation date = vi("AD 6F");
        assertThat(date.kind()).isEqualTo(ValueKind.DATE_TIME);
        assertThat(date.unit()).isEqualTo(Unit.NONE);
        assertThat(date.quantity()).isEqualTo("date (power)");
        // libmbus test-frames/SEN_Pollustat.hex: volume flow, duration of first lower limit exceed in seconds
        ValueInformation duration = vi("BE 50");
        assertThat(duration.unit()).isEqualTo(Unit.SECOND);
        assertThat(duration.exponent()).isZero();
        assertThat(vi("BE 49").quantity()).isEqualTo("count (volume flow)");
    }

    @Test
    void vifes00To1FAreRecordErrorsFromASlaveAndActionsFromAMaster() throws Exception {
        assertThat(vib("84 16", Direction.SLAVE_TO_MASTER).information().description()).isEqualTo("energy, record error: data overflow");
        assertThat(vib("84 15", Direction.SLAVE_TO_MASTER).information().description())
                .isEqualTo("energy, record error: no data available (undefined value)");
        assertThat(vib("84 07", Direction.MASTER_TO_SLAVE).information().description()).isEqualTo("energy, action: clear");
        assertThat(vib("84 00", Direction.MASTER_TO_SLAVE).information().description()).isEqualTo("energy, action: write (replace)");
    }

    @Test
    void anEleventhVifeIsRefused() throws Exception {
        // libmbus error-frames/too_many_vife.hex: VIF 84, then 84 x 10 and 04
        assertThatThrownBy(() -> vi("84 84 84 84 84 84 84 84 84 84 84 04"))
                .isInstanceOf(MBusDecodeException.class).hasMessageContaining("more than 10 VIFEs")
                .extracting(e -> ((MBusDecodeException) e).offset()).isEqualTo(11);
        assertThat(vib("84 84 84 84 84 84 84 84 84 84 04", Direction.SLAVE_TO_MASTER).length()).isEqualTo(11); // ten are fine
    }

    @Test
    void aVibCutShortIsRefused() {
        assertThatThrownBy(() -> vi("")).isInstanceOf(MBusDecodeException.class).hasMessageContaining("VIF expected");
        assertThatThrownBy(() -> vi("FD")).isInstanceOf(MBusDecodeException.class);
        assertThatThrownBy(() -> vi("84")).isInstanceOf(MBusDecodeException.class).hasMessageContaining("VIFE 1 expected");
        assertThatThrownBy(() -> vi("84 FC")).isInstanceOf(MBusDecodeException.class);
    }
}
