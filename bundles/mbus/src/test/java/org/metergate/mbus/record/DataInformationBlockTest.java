package org.metergate.mbus.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.metergate.api.reading.FunctionField;
import org.metergate.mbus.Hex;
import org.metergate.mbus.MBusDecodeException;

/** EN 13757-3 data information block: DIF (coding of the data field, function field, storage number) and DIFEs. */
class DataInformationBlockTest {

    private static DataInformationBlock dib(String hex) throws MBusDecodeException {
        byte[] b = Hex.parse(hex);
        return DataInformationBlock.decode(b, 0, b.length);
    }

    @ParameterizedTest(name = "data field {0}: {1}, {2} bytes")
    @CsvSource({
        "0, NO_DATA, 0",
        "1, INT8, 1",
        "2, INT16, 2",
        "3, INT24, 3",
        "4, INT32, 4",
        "5, REAL32, 4",
        "6, INT48, 6",
        "7, INT64, 8",
        "8, SELECTION_FOR_READOUT, 0",
        "9, BCD2, 1",
        "A, BCD4, 2",
        "B, BCD6, 3",
        "C, BCD8, 4",
        "D, VARIABLE_LENGTH, -1",
        "E, BCD12, 6",
    })
    void codingOfTheDataField(String code, DataField field, int length) throws Exception {
        DataInformationBlock d = dib("0" + code);
        assertThat(d.dataField()).isEqualTo(field);
        assertThat(d.dataField().length()).isEqualTo(length);
        assertThat(d.length()).isEqualTo(1);
    }

    @Test
    void functionFieldIsBits4And5() throws Exception {
        assertThat(dib("04").function()).isEqualTo(FunctionField.INSTANTANEOUS);
        assertThat(dib("14").function()).isEqualTo(FunctionField.MAXIMUM);
        assertThat(dib("24").function()).isEqualTo(FunctionField.MINIMUM);
        assertThat(dib("34").function()).isEqualTo(FunctionField.VALUE_DURING_ERROR);
    }

    @Test
    void bit6IsTheLeastSignificantBitOfTheStorageNumber() throws Exception {
        assertThat(dib("04").storage()).isZero();
        assertThat(dib("44").storage()).isEqualTo(1);
    }

    @Test
    void difeStorageTariffAndSubunitBits() throws Exception {
        // DIFE: bits 0-3 storage, 4-5 tariff, 6 subunit; each DIFE adds the next higher bits
        DataInformationBlock d = dib("C4 7F");
        assertThat(d.storage()).isEqualTo(1 | 0xF << 1);
        assertThat(d.tariff()).isEqualTo(3);
        assertThat(d.subunit()).isEqualTo(1);
        assertThat(d.length()).isEqualTo(2);
        // libmbus test-frames/frame2.hex: DA 02 -> maximum, storage 1 + (2 << 1) = 5
        DataInformationBlock frame2 = dib("DA 02");
        assertThat(frame2.function()).isEqualTo(FunctionField.MAXIMUM);
        assertThat(frame2.storage()).isEqualTo(5);
        assertThat(frame2.dataField()).isEqualTo(DataField.BCD4);
        // 8B 60: tariff 2, subunit 1
        assertThat(dib("8B 60").tariff()).isEqualTo(2);
        assertThat(dib("8B 60").subunit()).isEqualTo(1);
        // second DIFE: storage bits 5-8, tariff bits 2-3, subunit bit 1
        DataInformationBlock two = dib("84 80 40");
        assertThat(two.subunit()).isEqualTo(2);
        DataInformationBlock deep = dib("84 90 10");
        assertThat(deep.tariff()).isEqualTo(1 | 1 << 2);
    }

    @Test
    void tenDifesCarry41StorageBits20TariffBitsAnd10SubunitBits() throws Exception {
        DataInformationBlock d = dib("C4 FF FF FF FF FF FF FF FF FF 7F");
        assertThat(d.length()).isEqualTo(11);
        assertThat(d.storage()).isEqualTo((1L << 41) - 1);
        assertThat(d.tariff()).isEqualTo((1 << 20) - 1);
        assertThat(d.subunit()).isEqualTo((1 << 10) - 1);
    }

    @Test
    void anEleventhDifeIsRefused() {
        // libmbus error-frames/too_many_dife.hex
        assertThatThrownBy(() -> dib("8B 8B 8B 8B 8B 8B 8B 8B 8B 8B 8B 60"))
                .isInstanceOf(MBusDecodeException.class).hasMessageContaining("more than 10 DIFEs")
                .extracting(e -> ((MBusDecodeException) e).offset()).isEqualTo(11);
    }

    @Test
    void aDibCutShortIsRefused() {
        // libmbus error-frames/premature_end_of_dif1.hex / _dif2.hex
        assertThatThrownBy(() -> dib("8B")).isInstanceOf(MBusDecodeException.class).hasMessageContaining("DIFE 1 expected");
        assertThatThrownBy(() -> dib("8B 8B")).isInstanceOf(MBusDecodeException.class).hasMessageContaining("DIFE 2 expected");
        assertThatThrownBy(() -> dib("")).isInstanceOf(MBusDecodeException.class);
    }

    @Test
    void specialFunctions() throws Exception {
        assertThat(dib("0F").dataField()).isEqualTo(DataField.MANUFACTURER_DATA);
        assertThat(dib("1F").dataField()).isEqualTo(DataField.MORE_RECORDS_FOLLOW);
        assertThat(dib("2F").dataField()).isEqualTo(DataField.IDLE_FILLER);
        assertThat(dib("7F").dataField()).isEqualTo(DataField.GLOBAL_READOUT);
        assertThat(dib("0F").isSpecialFunction()).isTrue();
        for (String reserved : new String[] {"3F", "4F", "5F", "6F"}) {
            assertThatThrownBy(() -> dib(reserved)).isInstanceOf(MBusDecodeException.class)
                    .hasMessageContaining("reserved special function");
        }
    }

    @Test
    void theRecordDecoderReadsDifesTheSameWay() throws Exception {
        // the decoder parses DIFEs inline for speed: same storage, tariff and subunit for every DIFE value
        for (int dife = 0; dife < 0x80; dife++) {
            for (int dif : new int[] {0x84, 0xC4, 0xD4}) {
                byte[] b = {(byte) dif, (byte) (dife | 0x80), (byte) dife, 0x13, 1, 2, 3, 4};
                DataInformationBlock d = DataInformationBlock.decode(b, 0, b.length);
                DataRecord r = DataRecordDecoder.decode(b, 0, b.length, Direction.SLAVE_TO_MASTER, -1).records().get(0);
                assertThat(r.storage()).isEqualTo(d.storage());
                assertThat(r.tariff()).isEqualTo(d.tariff());
                assertThat(r.subunit()).isEqualTo(d.subunit());
                assertThat(r.function()).isEqualTo(d.function());
                assertThat(r.dib()).hasSize(d.length());
            }
        }
    }
}
