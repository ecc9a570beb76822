package org.metergate.driver.amb8465;

import java.io.IOException;
import java.util.EnumSet;
import java.util.Set;
import org.metergate.api.radio.RadioModeId;

/**
 * The wM-Bus modes of the 868 MHz modules (CMD_SET_MODE_REQ / Mode_Preselect) that a collector uses: each receives the
 * meter transmissions of some modes and transmits in one.
 */
enum AmberMode {
    S2(0x03, EnumSet.of(RadioModeId.S1, RadioModeId.S1_M, RadioModeId.S2), RadioModeId.S2),
    T2_OTHER(0x08, EnumSet.of(RadioModeId.T1, RadioModeId.T2), RadioModeId.T2),
    C2_T2_OTHER(0x09, EnumSet.of(RadioModeId.T1, RadioModeId.T2, RadioModeId.C1, RadioModeId.C2), null),
    R2_OTHER(0x0B, EnumSet.of(RadioModeId.R2), RadioModeId.R2),
    C2_OTHER(0x0E, EnumSet.of(RadioModeId.C1, RadioModeId.C2), RadioModeId.C2);

    static final Set<RadioModeId> SUPPORTED = EnumSet.of(RadioModeId.S1, RadioModeId.S1_M, RadioModeId.S2,
            RadioModeId.T1, RadioModeId.T2, RadioModeId.R2, RadioModeId.C1, RadioModeId.C2);

    private final int code;
    private final Set<RadioModeId> hears;
    private final RadioModeId sends;

    AmberMode(int code, Set<RadioModeId> hears, RadioModeId sends) {
        this.code = code;
        this.hears = hears;
        this.sends = sends;
    }

    int code() {
        return code;
    }

    Set<RadioModeId> hears() {
        return EnumSet.copyOf(hears);
    }

    /**
     * The mode for receiving {@code requested} (non-empty, supported): T and C meters together in C2/T2-Other, else T,
     * C, S, R by that priority.
     */
    static AmberMode forReception(Set<RadioModeId> requested) {
        boolean t = requested.contains(RadioModeId.T1) || requested.contains(RadioModeId.T2);
        boolean c = requested.contains(RadioModeId.C1) || requested.contains(RadioModeId.C2);
        if (t && c) {
            return C2_T2_OTHER;
        }
        if (t) {
            return T2_OTHER;
        }
        if (c) {
            return C2_OTHER;
        }
        if (requested.contains(RadioModeId.S1) || requested.contains(RadioModeId.S1_M)
                || requested.contains(RadioModeId.S2)) {
            return S2;
        }
        if (requested.contains(RadioModeId.R2)) {
            return R2_OTHER;
        }
        throw new IllegalArgumentException("the module receives none of " + requested);
    }

    /** The requested modes this mode hears. */
    Set<RadioModeId> heard(Set<RadioModeId> requested) {
        EnumSet<RadioModeId> s = EnumSet.copyOf(hears);
        s.retainAll(requested);
        return s;
    }

    static AmberMode forSending(RadioModeId mode) throws IOException {
        for (AmberMode m : values()) {
            if (m.sends == mode) {
                return m;
            }
        }
        throw new IOException("the module cannot send in " + mode);
    }
}
