package org.metergate.radio.n;

import org.metergate.api.radio.RadioMode;
import org.metergate.api.radio.RadioModeId;
import org.metergate.radio.common.StandardRadioMode;
import org.osgi.service.component.annotations.Component;

/** Sub-mode N2b: the meter transmits on mode N channel 1b and listens there about 100 ms after its frame. */
@Component(service = RadioMode.class, immediate = true, property = RadioMode.MODE + "=N2b")
public class ModeN2b extends StandardRadioMode {

    public ModeN2b() {
        super(ModeN.spec(RadioModeId.N2B));
    }
}
