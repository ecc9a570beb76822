package org.metergate.radio.f;

import org.metergate.api.radio.RadioMode;
import org.metergate.radio.common.StandardRadioMode;
import org.osgi.service.component.annotations.Component;

/** Sub-mode F2-m, with the physical layer of F2 (see {@link ModeF} for what the sources say of it). */
@Component(service = RadioMode.class, immediate = true, property = RadioMode.MODE + "=F2-m")
public class ModeF2m extends StandardRadioMode {

    public ModeF2m() {
        super(ModeF.F2_M);
    }
}
