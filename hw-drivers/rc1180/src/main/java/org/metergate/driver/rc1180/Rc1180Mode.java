package org.metergate.driver.rc1180;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.metergate.api.radio.RadioModeId;

/** MBUS_MODE values of the configuration memory (MBUS User Manual v2.01, MBUS3 column). */
enum Rc1180Mode {
    S2(0x00, RadioModeId.S2),
    T1(0x01, RadioModeId.T1),
    T2(0x02, RadioModeId.T2),
    S1(0x03, RadioModeId.S1),
    C2(0x08, RadioModeId.C2),
    C1(0x09, RadioModeId.C1),
    T1_C1(0x0A, RadioModeId.T1, RadioModeId.C1),
    T2_C2(0x0B, RadioModeId.T2, RadioModeId.C2);

    static final Set<RadioModeId> SUPPORTED = EnumSet.of(RadioModeId.S1, RadioModeId.S2, RadioModeId.T1,
            RadioModeId.T2, RadioModeId.C1, RadioModeId.C2);
    private static final List<Rc1180Mode> PRIORITY = List.of(T1_C1, T2_C2, T1, C1, S1, T2, C2, S2);

    private final int code;
    private final Set<RadioModeId> modes;

    Rc1180Mode(int code, RadioModeId first, RadioModeId... more) {
        this.code = code;
        this.modes = EnumSet.of(first, more);
    }

    int code() {
        return code;
    }

    Set<RadioModeId> modes() {
        return EnumSet.copyOf(modes);
    }

    /** The mode receiving the most of {@code requested}: a combination when both of its modes are asked, else by priority. */
    static Rc1180Mode forReception(Set<RadioModeId> requested) {
        for (Rc1180Mode m : PRIORITY) {
            if (requested.containsAll(m.modes)) {
                return m;
            }
        }
        throw new IllegalArgumentException("the module receives none of " + requested);
    }
}
