package org.metergate.driver.amb8465;

/** The RX level byte in dBm, as the manual's CMD_RSSI_REQ section defines it (two's complement, half dB, -74 offset). */
final class AmberRssi {

    private AmberRssi() {
    }

    static int toDbm(int raw) {
        if (raw < 0 || raw > 255) {
            throw new IllegalArgumentException("raw RSSI is one byte: " + raw);
        }
        return raw < 128 ? raw / 2 - 74 : (raw - 256) / 2 - 74;
    }
}
