package org.metergate.radio.c;

import org.metergate.api.radio.RadioMode;
import org.metergate.radio.common.StandardRadioMode;
import org.osgi.service.component.annotations.Component;

/** Sub-mode C2: as C1, and the meter listens 100 ms (fast) or 1000 ms (slow) after its frame, at 869.525 MHz. */
@Component(service = RadioMode.class, immediate = true, property = RadioMode.MODE + "=C2")
public class ModeC2 extends StandardRadioMode {

    public ModeC2() {
        super(ModeC.C2);
    }
}
