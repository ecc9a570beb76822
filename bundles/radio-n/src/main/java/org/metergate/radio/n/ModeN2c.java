package org.metergate.radio.n;

import org.metergate.api.radio.RadioMode;
import org.metergate.api.radio.RadioModeId;
import org.metergate.radio.common.StandardRadioMode;
import org.osgi.service.component.annotations.Component;

/** Sub-mode N2c: the meter transmits on mode N channel 2a and listens there about 100 ms after its frame. */
@Component(service = RadioMode.class, immediate = true, property = RadioMode.MODE + "=N2c")
public class ModeN2c extends StandardRadioMode {

    public ModeN2c() {
        super(ModeN.spec(RadioModeId.N2C));
    }
}
