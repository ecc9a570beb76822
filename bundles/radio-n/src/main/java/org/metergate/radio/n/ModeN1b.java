package org.metergate.radio.n;

import org.metergate.api.radio.RadioMode;
import org.metergate.api.radio.RadioModeId;
import org.metergate.radio.common.StandardRadioMode;
import org.osgi.service.component.annotations.Component;

/** Sub-mode N1b: the meter transmits on mode N channel 1b and never listens. */
@Component(service = RadioMode.class, immediate = true, property = RadioMode.MODE + "=N1b")
public class ModeN1b extends StandardRadioMode {

    public ModeN1b() {
        super(ModeN.spec(RadioModeId.N1B));
    }
}
