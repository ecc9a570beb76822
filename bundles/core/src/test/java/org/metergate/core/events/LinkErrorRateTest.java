package org.metergate.core.events;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LinkErrorRateTest {

    @Test
    void alarmsOnceAboveTheThresholdAndReArmsBelowHalfOfIt() {
        LinkErrorRate rate = new LinkErrorRate(10, 0.3);
        for (int i = 0; i < 7; i++) {
            assertThat(rate.record("l", false)).isEqualTo(-1);
        }
        assertThat(rate.record("l", true)).isEqualTo(-1);
        assertThat(rate.record("l", true)).isEqualTo(-1);
        assertThat(rate.record("l", true)).as("3/10 is not above 0.3").isEqualTo(-1);
        assertThat(rate.record("l", true)).as("4/10").isEqualTo(0.4);
        assertThat(rate.record("l", true)).as("already alarmed").isEqualTo(-1);
        for (int i = 0; i < 10; i++) {
            rate.record("l", false);
        }
        for (int i = 0; i < 6; i++) {
            rate.record("l", false);
        }
        double again = -1;
        for (int i = 0; i < 4 && again < 0; i++) {
            again = rate.record("l", true);
        }
        assertThat(again).isEqualTo(0.4);
        assertThat(rate.record("other", true)).as("links are independent and need a full window").isEqualTo(-1);
    }
}
