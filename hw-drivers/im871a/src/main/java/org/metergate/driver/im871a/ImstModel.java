package org.metergate.driver.im871a;

import java.util.EnumSet;
import java.util.Set;
import org.metergate.api.radio.RadioModeId;

/** The two members of the family and what they receive (module type from DEVMGMT_GET_DEVICEINFO). */
enum ImstModel {
    IM871A("iM871A", 0x33, EnumSet.of(RadioModeId.S1, RadioModeId.S1_M, RadioModeId.S2, RadioModeId.T1, RadioModeId.T2,
            RadioModeId.R2, RadioModeId.C1, RadioModeId.C2)),
    IM170A("iM170A", 0x36, EnumSet.of(RadioModeId.N1A, RadioModeId.N1B, RadioModeId.N1C, RadioModeId.N1D,
            RadioModeId.N1E, RadioModeId.N1F, RadioModeId.N2A, RadioModeId.N2B, RadioModeId.N2C, RadioModeId.N2D,
            RadioModeId.N2E, RadioModeId.N2F));

    private final String label;
    private final int moduleType;
    private final Set<RadioModeId> modes;

    ImstModel(String label, int moduleType, Set<RadioModeId> modes) {
        this.label = label;
        this.moduleType = moduleType;
        this.modes = modes;
    }

    String label() {
        return label;
    }

    int moduleType() {
        return moduleType;
    }

    Set<RadioModeId> modes() {
        return EnumSet.copyOf(modes);
    }

    static ImstModel ofLabel(String text) {
        for (ImstModel m : values()) {
            if (m.label.equalsIgnoreCase(text.trim()) || m.name().equalsIgnoreCase(text.trim())) {
                return m;
            }
        }
        throw new IllegalArgumentException("unknown IMST model '" + text + "' (iM871A or iM170A)");
    }

    /** The model with this module type, or null. */
    static ImstModel ofModuleType(int type) {
        for (ImstModel m : values()) {
            if (m.moduleType == type) {
                return m;
            }
        }
        return null;
    }
}
