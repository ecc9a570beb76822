package org.metergate.radio.n;

import org.metergate.api.radio.RadioMode;
import org.metergate.api.radio.RadioModeId;
import org.metergate.radio.common.StandardRadioMode;
import org.osgi.service.component.annotations.Component;

/** Sub-mode N1a: the meter transmits on mode N channel 1a and never listens. */
@Component(service = RadioMode.class, immediate = true, property = RadioMode.MODE + "=N1a")
public class ModeN1a extends StandardRadioMode {

    public ModeN1a() {
        super(ModeN.spec(RadioModeId.N1A));
    }
}
