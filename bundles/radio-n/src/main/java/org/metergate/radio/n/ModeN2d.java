package org.metergate.radio.n;

import org.metergate.api.radio.RadioMode;
import org.metergate.api.radio.RadioModeId;
import org.metergate.radio.common.StandardRadioMode;
import org.osgi.service.component.annotations.Component;

/** Sub-mode N2d: the meter transmits on mode N channel 2b and listens there about 100 ms after its frame. */
@Component(service = RadioMode.class, immediate = true, property = RadioMode.MODE + "=N2d")
public class ModeN2d extends StandardRadioMode {

    public ModeN2d() {
        super(ModeN.spec(RadioModeId.N2D));
    }
}
