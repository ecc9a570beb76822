package org.metergate.mbus.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.metergate.mbus.Hex;

/** Records a master sends (CI 0x51), built and decoded back. */
class DataRecordEncoderTest {

    @Test
    void integerBcdAndDateTimeRecordsDecodeBack() throws Exception {
        byte[] b = new DataRecordEncoder()
                .integer(0x13, -2, 2)
                .bcd(0x5B, -12, 4)
                .bcd(0x78, 12345678, 8)
                .dateTimeF(LocalDateTime.of(2024, 2, 29, 23, 59), true)
                .toBytes();
        assertThat(Hex.format(b)).isEqualTo("0213FEFF" + "0A5B12F0" + "0C7878563412" + "046D3B971D32");
        List<DataRecord> r = DataRecordDecoder.decode(b, 0, b.length, Direction.MASTER_TO_SLAVE, -1).records();
        assertThat(((DataValue.Numeric) r.get(0).value()).value()).isEqualByComparingTo("-0.002");
        assertThat(((DataValue.Numeric) r.get(1).value()).value()).isEqualByComparingTo("-12");
        assertThat(((DataValue.Numeric) r.get(2).value()).value()).isEqualByComparingTo("12345678");
        MBusDateTime t = (MBusDateTime) r.get(3).value();
        assertThat(t.toLocalDateTime()).contains(LocalDateTime.of(2024, 2, 29, 23, 59));
        assertThat(t.summerTime()).isTrue();
    }

    @Test
    void primaryAddressRecord() {
        assertThat(DataRecordEncoder.primaryAddress(8)).containsExactly(0x01, 0x7A, 0x08);
        assertThatThrownBy(() -> DataRecordEncoder.primaryAddress(251)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DataRecordEncoder().bcd(0x13, 100, 2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DataRecordEncoder().bcd(0x13, -10, 2)).isInstanceOf(IllegalArgumentException.class);
    }
}
