package org.metergate.radio.s;

import org.metergate.api.radio.RadioMode;
import org.metergate.radio.common.StandardRadioMode;
import org.osgi.service.component.annotations.Component;

/** Sub-mode S1-m: as S1 with the short header (15 x 01). */
@Component(service = RadioMode.class, immediate = true, property = RadioMode.MODE + "=S1-m")
public class ModeS1m extends StandardRadioMode {

    public ModeS1m() {
        super(ModeS.S1_M);
    }
}
