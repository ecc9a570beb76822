package org.metergate.store.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StringDictionaryTest {

    @Test
    void writesAndReadsBack() throws Exception {
        StringDictionary d = StringDictionary.of(List.of("energy", "°C", "", "Σ 😀"));
        ByteSink s = new ByteSink(8);
        d.writeTo(s);
        assertThat(StringDictionary.readFrom(new ByteSource(s.array(), 0, s.position()))).isEqualTo(d);
        assertThat(d.idOf("°C")).isEqualTo(1);
        assertThat(d.idOf("missing")).isEqualTo(-1);
    }

    @Test
    void refusesDuplicatesTooManyAndTooLong() {
        assertThatThrownBy(() -> StringDictionary.of(List.of("a", "a"))).hasMessageContaining("duplicate");
        List<String> many = new ArrayList<>();
        for (int i = 0; i <= StringDictionary.MAX_ENTRIES; i++) {
            many.add("s" + i);
        }
        assertThatThrownBy(() -> StringDictionary.of(many)).hasMessageContaining("at most");
        // 64 two-byte characters: 128 bytes fit, 65 do not
        assertThat(StringDictionary.of(List.of("ä".repeat(64))).size()).isEqualTo(1);
        assertThatThrownBy(() -> StringDictionary.of(List.of("ä".repeat(65)))).hasMessageContaining("bytes");
    }

    @Test
    void seedHoldsUnitsQuantitiesAndEventTypes() {
        StringDictionary seed = StringDictionary.seed();
        assertThat(seed.entries()).contains("energy", "volume", "Wh", "m3", "°C", "DATA_EVICTED", "");
        assertThat(seed.size()).isLessThanOrEqualTo(StringDictionary.MAX_ENTRIES);
    }

    @Test
    void learnerPutsTheMostFrequentFirstAndKeepsThePreviousEntries() {
        DictionaryLearner l = new DictionaryLearner();
        for (int i = 0; i < 10; i++) {
            l.count("volume");
        }
        for (int i = 0; i < 20; i++) {
            l.count("energy");
        }
        l.count("once");
        StringDictionary d = l.build(StringDictionary.of(List.of("old", "energy")));
        assertThat(d.entries()).containsExactly("energy", "volume", "old");
    }

    @Test
    void learnerIgnoresLongStringsAndStopsTrackingAtItsLimit() {
        DictionaryLearner l = new DictionaryLearner();
        for (int i = 0; i < DictionaryLearner.MAX_TRACKED + 100; i++) {
            l.count("detail " + i);
            l.count("detail " + i);
        }
        l.count("x".repeat(500));
        l.count("x".repeat(500));
        StringDictionary d = l.build(StringDictionary.EMPTY);
        assertThat(d.size()).isEqualTo(StringDictionary.MAX_ENTRIES);
        assertThat(d.entries()).doesNotContain("x".repeat(500));
    }
}
