package org.metergate.radio.t;

import org.metergate.api.radio.RadioMode;
import org.osgi.service.component.annotations.Component;

/** Sub-mode T2: as T1, and the meter listens 2 to 3 ms after its frame for a Manchester-coded answer at 868.3 MHz. */
@Component(service = RadioMode.class, immediate = true, property = RadioMode.MODE + "=T2")
public class ModeT2 extends ModeTRadioMode {

    public ModeT2() {
        super(ModeT.T2);
    }
}
