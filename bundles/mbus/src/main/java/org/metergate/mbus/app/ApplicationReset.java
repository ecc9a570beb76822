package org.metergate.mbus.app;

/**
 * CI 0x50: application reset, optionally with a subcode (EN 13757-3: bits 4-7 select what to reset
 * or which telegram type to send next: 0 all, 1 user data, 2 simple billing, 3 enhanced billing,
 * 4 multi-tariff billing, 5 instantaneous values, 6 load management values, 8 installation and
 * startup, 9 testing, A calibration, B manufacturing, C development, D self-test; bits 0-3 a
 * telegram number).
 *
 * @param subcode the subcode byte, or -1 when absent
 */
public record ApplicationReset(int subcode) implements ApplicationMessage {

    public ApplicationReset {
        if (subcode < -1 || subcode > 0xFF) {
            throw new IllegalArgumentException("subcode must be a byte or -1: " + subcode);
        }
    }

    @Override
    public int ci() {
        return CiField.APPLICATION_RESET;
    }
}
