package org.metergate.radio.n;

import org.metergate.api.radio.RadioMode;
import org.metergate.api.radio.RadioModeId;
import org.metergate.radio.common.StandardRadioMode;
import org.osgi.service.component.annotations.Component;

/** Sub-mode N1e: the meter transmits on mode N channel 3a and never listens. */
@Component(service = RadioMode.class, immediate = true, property = RadioMode.MODE + "=N1e")
public class ModeN1e extends StandardRadioMode {

    public ModeN1e() {
        super(ModeN.spec(RadioModeId.N1E));
    }
}
