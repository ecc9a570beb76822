package org.metergate.driver.im871a;

/**
 * The raw RSSI an iM871A attaches, in dBm: the Si1002 transceiver's RSSI rises about 0.5 dB per step, reading 45 at
 * -100 dBm and 205 at -20 dBm (Si1002 data sheet, RSSI vs. input power), and saturates near 0 dBm.
 */
final class ImstRssi {

    private ImstRssi() {
    }

    static int toDbm(int raw) {
        if (raw < 0 || raw > 255) {
            throw new IllegalArgumentException("raw RSSI is one byte: " + raw);
        }
        return (int) Math.min(0, Math.round(-100 + (raw - 45) / 2.0));
    }
}
