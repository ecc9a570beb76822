package org.metergate.radio.t;

import org.metergate.api.radio.RadioMode;
import org.osgi.service.component.annotations.Component;

/** Sub-mode T1: the meter transmits frequently and never listens. */
@Component(service = RadioMode.class, immediate = true, property = RadioMode.MODE + "=T1")
public class ModeT1 extends ModeTRadioMode {

    public ModeT1() {
        super(ModeT.T1);
    }
}
