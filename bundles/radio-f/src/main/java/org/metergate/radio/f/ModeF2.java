package org.metergate.radio.f;

import org.metergate.api.radio.RadioMode;
import org.metergate.radio.common.StandardRadioMode;
import org.osgi.service.component.annotations.Component;

/** Sub-mode F2: meter and other device on 433.82 MHz, the meter listening about 100 ms or 1 s after its frame. */
@Component(service = RadioMode.class, immediate = true, property = RadioMode.MODE + "=F2")
public class ModeF2 extends StandardRadioMode {

    public ModeF2() {
        super(ModeF.F2);
    }
}
