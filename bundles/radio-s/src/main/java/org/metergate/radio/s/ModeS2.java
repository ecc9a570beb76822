package org.metergate.radio.s;

import org.metergate.api.radio.RadioMode;
import org.metergate.radio.common.StandardRadioMode;
import org.osgi.service.component.annotations.Component;

/** Sub-mode S2: short header, and the meter listens 3 to 50 ms after its frame on the same channel. */
@Component(service = RadioMode.class, immediate = true, property = RadioMode.MODE + "=S2")
public class ModeS2 extends StandardRadioMode {

    public ModeS2() {
        super(ModeS.S2);
    }
}
