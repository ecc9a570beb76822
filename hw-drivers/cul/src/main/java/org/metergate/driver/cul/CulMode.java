package org.metergate.driver.cul;

import java.io.IOException;
import java.util.EnumSet;
import java.util.Set;
import org.metergate.api.radio.RadioModeId;

/** The receive modes of culfw: command letter, confirmation and the radio modes each hears. */
enum CulMode {
    T('t', "TMODE", EnumSet.of(RadioModeId.T1, RadioModeId.T2)),
    C('c', "CMODE", EnumSet.of(RadioModeId.C1, RadioModeId.C2)),
    S('s', "SMODE", EnumSet.of(RadioModeId.S1, RadioModeId.S1_M, RadioModeId.S2));

    static final Set<RadioModeId> SUPPORTED = EnumSet.of(RadioModeId.S1, RadioModeId.S1_M, RadioModeId.S2,
            RadioModeId.T1, RadioModeId.T2, RadioModeId.C1, RadioModeId.C2);

    private final char letter;
    private final String confirmation;
    private final Set<RadioModeId> hears;

    CulMode(char letter, String confirmation, Set<RadioModeId> hears) {
        this.letter = letter;
        this.confirmation = confirmation;
        this.hears = hears;
    }

    /** {@code brt}, {@code brc} or {@code brs}. */
    String receiveCommand() {
        return "br" + letter;
    }

    String confirmation() {
        return confirmation;
    }

    Set<RadioModeId> heard(Set<RadioModeId> requested) {
        EnumSet<RadioModeId> s = EnumSet.copyOf(hears);
        s.retainAll(requested);
        return s;
    }

    /** One mode family at a time, T before C before S. */
    static CulMode forReception(Set<RadioModeId> requested) {
        for (CulMode m : values()) {
            if (!m.heard(requested).isEmpty()) {
                return m;
            }
        }
        throw new IllegalArgumentException("culfw receives none of " + requested);
    }

    /** The send command prefix for a bidirectional mode: {@code bst} or {@code bss}; culfw has none for C. */
    static String sendCommand(RadioModeId mode) throws IOException {
        return switch (mode) {
            case T2 -> "bst";
            case S2 -> "bss";
            default -> throw new IOException("culfw cannot send in " + mode + " (only S and T: bss, bst)");
        };
    }
}
