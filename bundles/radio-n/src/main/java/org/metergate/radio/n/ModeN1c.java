package org.metergate.radio.n;

import org.metergate.api.radio.RadioMode;
import org.metergate.api.radio.RadioModeId;
import org.metergate.radio.common.StandardRadioMode;
import org.osgi.service.component.annotations.Component;

/** Sub-mode N1c: the meter transmits on mode N channel 2a and never listens. */
@Component(service = RadioMode.class, immediate = true, property = RadioMode.MODE + "=N1c")
public class ModeN1c extends StandardRadioMode {

    public ModeN1c() {
        super(ModeN.spec(RadioModeId.N1C));
    }
}
