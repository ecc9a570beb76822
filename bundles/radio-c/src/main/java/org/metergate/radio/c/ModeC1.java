package org.metergate.radio.c;

import org.metergate.api.radio.RadioMode;
import org.metergate.radio.common.StandardRadioMode;
import org.osgi.service.component.annotations.Component;

/** Sub-mode C1: the meter transmits frequently (NRZ, format A or B) and never listens. */
@Component(service = RadioMode.class, immediate = true, property = RadioMode.MODE + "=C1")
public class ModeC1 extends StandardRadioMode {

    public ModeC1() {
        super(ModeC.C1);
    }
}
