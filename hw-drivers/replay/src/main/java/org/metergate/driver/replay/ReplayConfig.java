package org.metergate.driver.replay;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Metergate replay transceiver",
        description = "Plays recorded wireless M-Bus traffic as if a radio received it: for demos and tests without hardware.")
@interface ReplayConfig {

    @AttributeDefinition(name = "Transceiver id", description = "Unique id of this transceiver on the gateway")
    String metergate_transceiver_id() default "replay";

    @AttributeDefinition(name = "Replay file", description = "Path of the replay file; empty plays the recording bundled with this driver")
    String file() default "";

    @AttributeDefinition(name = "Speed", description = "1 keeps the recorded timing, 10 plays ten times faster, 0 plays without pauses")
    double speed() default 1.0;

    @AttributeDefinition(name = "Loop", description = "Start again from the beginning at the end of the recording")
    boolean loop() default false;
}
