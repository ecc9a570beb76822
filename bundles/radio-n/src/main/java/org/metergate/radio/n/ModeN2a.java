package org.metergate.radio.n;

import org.metergate.api.radio.RadioMode;
import org.metergate.api.radio.RadioModeId;
import org.metergate.radio.common.StandardRadioMode;
import org.osgi.service.component.annotations.Component;

/** Sub-mode N2a: the meter transmits on mode N channel 1a and listens there about 100 ms after its frame. */
@Component(service = RadioMode.class, immediate = true, property = RadioMode.MODE + "=N2a")
public class ModeN2a extends StandardRadioMode {

    public ModeN2a() {
        super(ModeN.spec(RadioModeId.N2A));
    }
}
