package org.metergate.mbus.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.metergate.api.reading.FunctionField;
import org.metergate.api.reading.ObisCode;
import org.metergate.api.reading.Unit;
import org.metergate.mbus.Hex;
import org.metergate.mbus.MBusDecodeException;

/** EN 13757-3 data records: values of every data field coding, exact scaling, special functions, offsets. */
class DataRecordDecoderTest {

    private static DataRecords records(String hex) throws MBusDecodeException {
        byte[] b = Hex.parse(hex);
        return DataRecordDecoder.decode(b, 0, b.length, Direction.SLAVE_TO_MASTER, -1);
    }

    private static DataRecord one(String hex) throws MBusDecodeException {
        List<DataRecord> r = records(hex).records();
        assertThat(r).hasSize(1);
        return r.get(0);
    }

    private static BigDecimal number(String hex) throws MBusDecodeException {
        DataValue v = one(hex).value();
        assertThat(v).isInstanceOf(DataValue.Numeric.class);
        return ((DataValue.Numeric) v).value();
    }

    @Test
    void integersAreTwosComplementLeastSignificantByteFirst() throws Exception {
        assertThat(number("01 FD 48 FF")).isEqualByComparingTo("-0.1");                // 8 bit, voltage 10^-1 V
        assertThat(number("02 FD 48 D1 08")).isEqualByComparingTo("225.7");            // 16 bit
        assertThat(number("03 FD 59 BE FF FF")).isEqualByComparingTo("-0.066");        // 24 bit, current 10^-3 A
        assertThat(number("04 06 E7 91 00 00")).isEqualByComparingTo("37351000");      // 32 bit, kWh -> Wh
        assertThat(number("06 03 01 00 00 00 00 80")).isEqualByComparingTo("-140737488355327");
        assertThat(number("07 03 FF FF FF FF FF FF FF 7F")).isEqualByComparingTo(String.valueOf(Long.MAX_VALUE));
    }

    @Test
    void theValueIsScaledExactlyByThePowerOfTenOfTheVif() throws Exception {
        BigDecimal v = number("04 13 2F 00 00 00"); // 47 x 10^-3 m3
        assertThat(v).isEqualTo(new BigDecimal("0.047")); // scale 3, no binary fraction anywhere
        assertThat(number("04 07 01 00 00 00")).isEqualTo(new BigDecimal("1E+4"));
        assertThat(number("04 07 01 00 00 00").toPlainString()).isEqualTo("10000");
    }

    @Test
    void identifiersAndBitFieldsAreUnsigned() throws Exception {
        assertThat(number("04 78 FF FF FF FF")).isEqualByComparingTo("4294967295");   // fabrication number
        assertThat(number("01 FD 17 80")).isEqualByComparingTo("128");               // error flags
        assertThat(number("07 79 FF FF FF FF FF FF FF FF")).isEqualByComparingTo("18446744073709551615");
    }

    @Test
    void bcdDigitsAreReadMostSignificantLast() throws Exception {
        assertThat(number("0C 78 17 58 85 06")).isEqualByComparingTo("6855817"); // libmbus kamstrup_multical_601.hex
        assertThat(number("09 FD 0E 42")).isEqualByComparingTo("42");
        assertThat(number("0E 03 01 00 00 00 00 99")).isEqualByComparingTo("990000000001");
    }

    @Test
    void negativeBcdHasFInTheMostSignificantDigit() throws Exception {
        assertThat(number("0A 5B 12 F0")).isEqualByComparingTo("-12");     // flow temperature -12 °C
        assertThat(number("0C 13 45 23 01 F0")).isEqualByComparingTo("-12.345");
        assertThat(number("09 5B F5")).isEqualByComparingTo("-5");
    }

    @Test
    void otherHexDigitsInBcdGiveAnInvalidBcdValue() throws Exception {
        // libmbus test-frames/ELS_Elster-F96-Plus.hex sends DD DD EB BD
        assertThat(one("0C 13 BD EB DD DD").value()).isEqualTo(new DataValue.InvalidBcd("DDDDEBBD"));
        assertThat(one("0A 13 FF FF").value()).isEqualTo(new DataValue.InvalidBcd("FFFF"));  // F elsewhere than the MSD
        assertThat(one("0A 13 A0 00").value()).isEqualTo(new DataValue.InvalidBcd("00A0"));
        // the next record is still decoded
        assertThat(records("0A 13 A0 00 01 13 05").records()).hasSize(2);
    }

    @Test
    void realIsTheExactValueOfTheFloat() throws Exception {
        // 0.1f is 0.100000001490116119384765625 exactly; scaled by 10^0 (VIF 2B: W)
        assertThat(number("05 2B CD CC CC 3D")).isEqualTo(new BigDecimal("0.100000001490116119384765625"));
        // a negative real, VIF 2E (10^3 W)
        assertThat(number("05 2E 8F B8 2A BE"))
                .isEqualTo(new BigDecimal((double) Float.intBitsToFloat(0xBE2AB88F)).scaleByPowerOfTen(3));
        assertThat(number("05 5B 00 00 00 00")).isEqualByComparingTo("0");
    }

    @Test
    void theExactValueOfEveryKindOfFloatEqualsItsBigDecimalExpansion() {
        java.util.Random random = new java.util.Random(13757);
        int[] special = {0, 0x80000000, 1, 0x80000001, 0x007FFFFF, 0x00800000, 0x7F7FFFFF, 0xFF7FFFFF, 0x3F800000,
            0x4B800000, 0x4C000001, 0x3DCCCCCD};
        for (int i = 0; i < 200_000 + special.length; i++) {
            int bits = i < special.length ? special[i] : random.nextInt();
            float f = Float.intBitsToFloat(bits);
            if (Float.isNaN(f) || Float.isInfinite(f)) {
                continue;
            }
            int exponent = random.nextInt(25) - 12;
            BigDecimal expected = new BigDecimal((double) f).scaleByPowerOfTen(exponent);
            assertThat(DataRecordDecoder.exactFloat(bits, exponent)).as("float bits %08X", bits)
                    .isEqualByComparingTo(expected);
        }
    }

    @Test
    void realNaNAndInfinityAreNotValues() {
        assertThatThrownBy(() -> records("05 2B 00 00 C0 7F")).isInstanceOf(MBusDecodeException.class).hasMessageContaining("NaN");
        assertThatThrownBy(() -> records("05 2B 00 00 80 7F")).isInstanceOf(MBusDecodeException.class).hasMessageContaining("Infinity");
    }

    @Test
    void variableLengthText() throws Exception {
        // libmbus test-frames/siemens_rvd235.hex: "RVD235" sent last character first
        DataRecord r = one("0D FD 0B 06 35 33 32 44 56 52");
        assertThat(r.value()).isEqualTo(new DataValue.Text("RVD235"));
        assertThat(r.quantity()).isEqualTo("parameter set identification");
    }

    @Test
    void variableLengthBcdAndBinary() throws Exception {
        assertThat(number("0D 13 C2 34 12")).isEqualByComparingTo("1.234");      // positive BCD, 4 digits
        assertThat(number("0D 13 D2 34 12")).isEqualByComparingTo("-1.234");     // negative BCD
        assertThat(one("0D 13 E3 01 02 03").value()).isEqualTo(new DataValue.Bytes(new byte[] {1, 2, 3}));
        assertThat(one("0D 13 F0 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00").value())
                .isInstanceOf(DataValue.Bytes.class); // F0: 16 bytes
        assertThatThrownBy(() -> records("0D 13 F7 00")).isInstanceOf(MBusDecodeException.class).hasMessageContaining("reserved LVAR");
        assertThatThrownBy(() -> records("0D 13 CA 00")).isInstanceOf(MBusDecodeException.class).hasMessageContaining("reserved LVAR");
    }

    @Test
    void noDataAndSelectionForReadoutHaveNoValue() throws Exception {
        assertThat(one("00 13").value()).isEqualTo(DataValue.NoData.INSTANCE);
        assertThat(one("08 13").value()).isEqualTo(DataValue.NoData.INSTANCE);
    }

    @Test
    void manufacturerSpecificVifDataIsKeptAsBytes() throws Exception {
        DataRecord r = one("02 7F 10 B5"); // libmbus test-frames/SEN_Pollustat.hex
        assertThat(r.value()).isEqualTo(new DataValue.Bytes(new byte[] {0x10, (byte) 0xB5}));
        assertThat(r.valueInformation().table()).isEqualTo(VifTable.MANUFACTURER_SPECIFIC);
    }

    @Test
    void idleFillersAreSkipped() throws Exception {
        // libmbus test-frames/filler.hex: 2F 2F, a record, then 2F up to the end
        DataRecords d = records("2F 2F 04 83 3B 88 13 00 00 2F 2F 2F 2F 2F 2F 2F");
        assertThat(d.records()).hasSize(1);
        assertThat(((DataValue.Numeric) d.records().get(0).value()).value()).isEqualByComparingTo("5000");
    }

    @Test
    void manufacturerSpecificDataAndMoreRecordsFollow() throws Exception {
        DataRecords d = records("01 13 05 0F 01 02 03");
        assertThat(d.records()).hasSize(1);
        assertThat(d.manufacturerData()).containsExactly(1, 2, 3);
        assertThat(d.manufacturerDataOffset()).isEqualTo(4);
        assertThat(d.moreRecordsFollow()).isFalse();
        DataRecords more = records("01 13 05 1F");
        assertThat(more.moreRecordsFollow()).isTrue();
        assertThat(more.manufacturerData()).isEmpty();
        assertThat(records("01 13 05").manufacturerDataOffset()).isEqualTo(-1);
    }

    @Test
    void globalReadoutRequestIsARecordWithoutVib() throws Exception {
        DataRecord r = one("7F");
        assertThat(r.dataField()).isEqualTo(DataField.GLOBAL_READOUT);
        assertThat(r.vib()).isEmpty();
    }

    @Test
    void rawBytesDescriptionStorageTariffSubunitAndFunction() throws Exception {
        // DIF C4 (storage bit, 32 bit integer), DIFE 80, DIFE 40 (subunit bit 1); VIF 14
        DataRecord r = one("C4 80 40 14 00 00 00 00");
        assertThat(r.difHex()).isEqualTo("C48040");
        assertThat(r.vifHex()).isEqualTo("14");
        assertThat(r.dib()).containsExactly(0xC4, 0x80, 0x40);
        assertThat(r.storage()).isEqualTo(1);
        assertThat(r.subunit()).isEqualTo(2);
        assertThat(r.tariff()).isZero();
        assertThat(r.function()).isEqualTo(FunctionField.INSTANTANEOUS);
        assertThat(r.description()).isEqualTo("volume");
        assertThat(r.unit()).isEqualTo(Unit.CUBIC_METRE);
    }

    @Test
    void offsetsAreAbsoluteInTheCallersBuffer() throws Exception {
        byte[] b = Hex.parse("AA BB 01 13 05 0C 13 01");
        DataRecords d = DataRecordDecoder.decode(b, 2, 5, Direction.SLAVE_TO_MASTER, -1);
        assertThat(d.records().get(0).offset()).isEqualTo(2);
        assertThatThrownBy(() -> DataRecordDecoder.decode(b, 2, b.length, Direction.SLAVE_TO_MASTER, -1))
                .isInstanceOf(MBusDecodeException.class)
                .hasMessageContaining("8 digit BCD needs 4 bytes, 1 left")
                .extracting(e -> ((MBusDecodeException) e).offset()).isEqualTo(7);
    }

    @Test
    void obisCodesForElectricityMeters() throws Exception {
        byte[] b = Hex.parse("04 03 01 00 00 00 84 10 03 01 00 00 00 04 83 3C 01 00 00 00 02 FD C8 FC 01 E6 00 04 13 01 00 00 00");
        List<DataRecord> r = DataRecordDecoder.decode(b, 0, b.length, Direction.SLAVE_TO_MASTER, 0x02).records();
        assertThat(r.get(0).obis()).isEqualTo(ObisCode.parse("1-0:1.8.0*255"));
        assertThat(r.get(1).obis()).isEqualTo(ObisCode.parse("1-0:1.8.1*255"));   // tariff 1
        assertThat(r.get(2).obis()).isEqualTo(ObisCode.parse("1-0:2.8.0*255"));   // export
        assertThat(r.get(3).obis()).isEqualTo(ObisCode.parse("1-0:32.7.0*255"));  // voltage L1
        assertThat(r.get(4).obis()).isNull();                                     // no mapping for volume
        List<DataRecord> water = DataRecordDecoder.decode(b, 0, b.length, Direction.SLAVE_TO_MASTER, 0x07).records();
        assertThat(water.get(0).obis()).isNull();
    }

    @Test
    void aRecordCutShortIsRefused() {
        // libmbus error-frames/premature_end_of_data2.hex: 6 digit BCD with 2 bytes left
        assertThatThrownBy(() -> records("8B 60 04 37 18")).isInstanceOf(MBusDecodeException.class)
                .hasMessageContaining("needs 3 bytes, 2 left");
        assertThatThrownBy(() -> records("0D 13")).isInstanceOf(MBusDecodeException.class).hasMessageContaining("LVAR expected");
        assertThatThrownBy(() -> records("0D 13 05 41")).isInstanceOf(MBusDecodeException.class);
    }
}
