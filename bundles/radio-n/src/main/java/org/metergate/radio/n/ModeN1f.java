package org.metergate.radio.n;

import org.metergate.api.radio.RadioMode;
import org.metergate.api.radio.RadioModeId;
import org.metergate.radio.common.StandardRadioMode;
import org.osgi.service.component.annotations.Component;

/** Sub-mode N1f: the meter transmits on mode N channel 3b and never listens. */
@Component(service = RadioMode.class, immediate = true, property = RadioMode.MODE + "=N1f")
public class ModeN1f extends StandardRadioMode {

    public ModeN1f() {
        super(ModeN.spec(RadioModeId.N1F));
    }
}
