package org.metergate.serial.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class BackoffTest {

    @ParameterizedTest(name = "failure {0} waits {1} ms")
    @CsvSource({"1, 100", "2, 200", "3, 400", "4, 800", "5, 1000", "40, 1000"})
    void doublesUpToTheCap(int failures, long millis) {
        assertThat(Backoff.ofMillis(100, 1000).delay(failures)).isEqualTo(Duration.ofMillis(millis));
    }

    @Test
    void aMultiplierOfOneIsAFixedDelay() {
        Backoff b = new Backoff(Duration.ofMillis(250), Duration.ofSeconds(10), 1.0);
        assertThat(b.delay(1)).isEqualTo(b.delay(9)).isEqualTo(Duration.ofMillis(250));
    }

    @Test
    void rejectsNonsense() {
        assertThatThrownBy(() -> Backoff.ofMillis(0, 10)).hasMessageContaining("positive");
        assertThatThrownBy(() -> Backoff.ofMillis(100, 10)).hasMessageContaining("below the initial");
        assertThatThrownBy(() -> new Backoff(Duration.ofMillis(1), Duration.ofMillis(2), 0.5)).hasMessageContaining("at least 1");
        assertThatThrownBy(() -> Backoff.ofMillis(1, 2).delay(0)).hasMessageContaining("start at 1");
    }
}
