package org.metergate.radio.n;

import org.metergate.api.radio.RadioMode;
import org.metergate.api.radio.RadioModeId;
import org.metergate.radio.common.StandardRadioMode;
import org.osgi.service.component.annotations.Component;

/** Sub-mode N2e: the meter transmits on mode N channel 3a and listens there about 100 ms after its frame. */
@Component(service = RadioMode.class, immediate = true, property = RadioMode.MODE + "=N2e")
public class ModeN2e extends StandardRadioMode {

    public ModeN2e() {
        super(ModeN.spec(RadioModeId.N2E));
    }
}
