package org.metergate.radio.t;

import java.util.List;
import org.metergate.api.radio.ChipSequence;
import org.metergate.api.radio.Direction;
import org.metergate.api.radio.RadioModeSpec;
import org.metergate.radio.common.StandardRadioMode;

/** A mode T sub-mode: 3-out-of-6 up, Manchester down, and mode C frames on the uplink passed over. */
abstract class ModeTRadioMode extends StandardRadioMode {

    ModeTRadioMode(RadioModeSpec spec) {
        super(spec, ThreeOutOfSix.INSTANCE);
    }

    @Override
    protected List<ChipSequence> foreignContinuations(Direction direction) {
        return direction == Direction.METER_TO_OTHER ? ModeT.MODE_C_CONTINUATIONS : List.of();
    }
}
