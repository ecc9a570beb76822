package org.metergate.driver.im871a;

import java.io.IOException;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.metergate.api.radio.RadioModeId;

/**
 * The link mode values of the HCI device configuration (WMBus_HCI_Spec, "Link Mode" parameter), per model. C modes
 * come in a format A and a format B variant, which selects the format the stick transmits; for reception the
 * driver uses the format A value. C1+T1 combined reception exists from iM871A firmware 1.4 (HCI 1.7) and shares its
 * value with N1a of the iM170A.
 */
enum ImstLinkMode {
    S1(ImstModel.IM871A, 0x00, RadioModeId.S1),
    S1_M(ImstModel.IM871A, 0x01, RadioModeId.S1_M),
    S2(ImstModel.IM871A, 0x02, RadioModeId.S2),
    T1(ImstModel.IM871A, 0x03, RadioModeId.T1),
    T2(ImstModel.IM871A, 0x04, RadioModeId.T2),
    R2(ImstModel.IM871A, 0x05, RadioModeId.R2),
    C1_A(ImstModel.IM871A, 0x06, RadioModeId.C1),
    C1_B(ImstModel.IM871A, 0x07, RadioModeId.C1),
    C2_A(ImstModel.IM871A, 0x08, RadioModeId.C2),
    C2_B(ImstModel.IM871A, 0x09, RadioModeId.C2),
    C1_T1(ImstModel.IM871A, 0x0A, RadioModeId.C1, RadioModeId.T1),
    N1A(ImstModel.IM170A, 0x0A, RadioModeId.N1A),
    N2A(ImstModel.IM170A, 0x0B, RadioModeId.N2A),
    N1B(ImstModel.IM170A, 0x0C, RadioModeId.N1B),
    N2B(ImstModel.IM170A, 0x0D, RadioModeId.N2B),
    N1C(ImstModel.IM170A, 0x0E, RadioModeId.N1C),
    N2C(ImstModel.IM170A, 0x0F, RadioModeId.N2C),
    N1D(ImstModel.IM170A, 0x10, RadioModeId.N1D),
    N2D(ImstModel.IM170A, 0x11, RadioModeId.N2D),
    N1E(ImstModel.IM170A, 0x12, RadioModeId.N1E),
    N2E(ImstModel.IM170A, 0x13, RadioModeId.N2E),
    N1F(ImstModel.IM170A, 0x14, RadioModeId.N1F),
    N2F(ImstModel.IM170A, 0x15, RadioModeId.N2F);

    /** Firmware 1.4 is the first that receives C1 and T1 at once. */
    static final int FIRMWARE_C1_T1 = 0x14;

    /** Which single mode an iM871A listens to when asked for several it cannot combine. */
    private static final List<RadioModeId> PRIORITY = List.of(RadioModeId.T1, RadioModeId.C1, RadioModeId.S1,
            RadioModeId.T2, RadioModeId.C2, RadioModeId.S2, RadioModeId.S1_M, RadioModeId.R2);

    private final ImstModel model;
    private final int code;
    private final Set<RadioModeId> modes;

    ImstLinkMode(ImstModel model, int code, RadioModeId first, RadioModeId... more) {
        this.model = model;
        this.code = code;
        this.modes = EnumSet.of(first, more);
    }

    int code() {
        return code;
    }

    Set<RadioModeId> modes() {
        return EnumSet.copyOf(modes);
    }

    /** The single mode this link mode receives, or null for a combination. */
    RadioModeId singleMode() {
        return modes.size() == 1 ? modes.iterator().next() : null;
    }

    /**
     * The link mode to receive {@code requested} (non-empty, all supported by the model): C1+T1 combined when both are
     * asked and the firmware can, otherwise one mode by priority.
     */
    static ImstLinkMode forReception(ImstModel model, Set<RadioModeId> requested, boolean combinedAllowed) {
        if (model == ImstModel.IM871A) {
            if (combinedAllowed && requested.contains(RadioModeId.C1) && requested.contains(RadioModeId.T1)) {
                return C1_T1;
            }
            for (RadioModeId m : PRIORITY) {
                if (requested.contains(m)) {
                    return single(model, m);
                }
            }
        } else {
            for (RadioModeId m : model.modes()) { // EnumSet order: N1a..N1f, N2a..N2f
                if (requested.contains(m)) {
                    return single(model, m);
                }
            }
        }
        throw new IllegalArgumentException(model.label() + " receives none of " + requested);
    }

    /** The link mode to transmit in {@code mode}. */
    static ImstLinkMode forSending(ImstModel model, RadioModeId mode) throws IOException {
        if (!model.modes().contains(mode)) {
            throw new IOException(model.label() + " cannot send in " + mode);
        }
        return single(model, mode);
    }

    private static ImstLinkMode single(ImstModel model, RadioModeId mode) {
        for (ImstLinkMode l : values()) {
            if (l.model == model && l.modes.size() == 1 && l.modes.contains(mode)) {
                return l; // the first: format A for C modes
            }
        }
        throw new IllegalArgumentException(model.label() + " has no link mode for " + mode);
    }
}
