package org.metergate.radio.n;

import org.metergate.api.radio.RadioMode;
import org.metergate.api.radio.RadioModeId;
import org.metergate.radio.common.StandardRadioMode;
import org.osgi.service.component.annotations.Component;

/** Sub-mode N1d: the meter transmits on mode N channel 2b and never listens. */
@Component(service = RadioMode.class, immediate = true, property = RadioMode.MODE + "=N1d")
public class ModeN1d extends StandardRadioMode {

    public ModeN1d() {
        super(ModeN.spec(RadioModeId.N1D));
    }
}
