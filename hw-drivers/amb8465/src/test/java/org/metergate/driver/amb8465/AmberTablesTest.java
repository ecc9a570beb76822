package org.metergate.driver.amb8465;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.metergate.api.radio.RadioModeId;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AmberTablesTest {

    private static Set<RadioModeId> modes(String labels) {
        return Stream.of(labels.split(" ")).map(RadioModeId::ofLabel)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(RadioModeId.class)));
    }

    @ParameterizedTest(name = "{0} -> mode 0x{1}, hearing {2}")
    @CsvSource({
        "T1, 08, T1", "T1 T2, 08, T1 T2", "C1, 0E, C1", "C1 T1, 09, T1 C1", "C2 T2, 09, T2 C2",
        "S1, 03, S1", "S1 S1-m S2, 03, S1 S1-m S2", "S1 T1, 08, T1", "R2, 0B, R2"})
    void collectorModeForReception(String requested, String code, String heard) {
        AmberMode m = AmberMode.forReception(modes(requested));
        assertThat(m.code()).isEqualTo(Integer.parseInt(code, 16));
        assertThat(m.heard(modes(requested))).isEqualTo(modes(heard));
    }

    @ParameterizedTest(name = "RX level 0x{0} -> {1} dBm")
    @CsvSource({"00, -74", "40, -42", "7F, -11", "80, -138", "C0, -106", "FF, -74"})
    void rssiAsTheManualDefinesIt(String raw, int dbm) {
        assertThat(AmberRssi.toDbm(Integer.parseInt(raw, 16))).isEqualTo(dbm);
    }
}
