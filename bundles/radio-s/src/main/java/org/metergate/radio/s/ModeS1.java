package org.metergate.radio.s;

import org.metergate.api.radio.RadioMode;
import org.metergate.radio.common.StandardRadioMode;
import org.osgi.service.component.annotations.Component;

/** Sub-mode S1: the meter transmits with the long header (279 x 01) and never listens. */
@Component(service = RadioMode.class, immediate = true, property = RadioMode.MODE + "=S1")
public class ModeS1 extends StandardRadioMode {

    public ModeS1() {
        super(ModeS.S1);
    }
}
