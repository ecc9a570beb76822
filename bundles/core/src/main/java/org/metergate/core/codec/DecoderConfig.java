package org.metergate.core.codec;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Metergate telegram decoding",
        description = "How the wired and wireless M-Bus codecs are used by the pipeline.")
public @interface DecoderConfig {

    @AttributeDefinition(name = "Meter time zone", description = "Time zone of the meters' own clocks (EN 13757-3 date/time records carry local time); empty: the gateway's")
    String meter_time_zone() default "";

    @AttributeDefinition(name = "Replay detection", description = "Flag telegrams whose access number or message counter goes back")
    boolean replay_detection() default true;

    @AttributeDefinition(name = "Access number window", description = "How far back an access number may go before it counts as a replay (meters restart, counters wrap)")
    int access_number_window() default 16;

    @AttributeDefinition(name = "Message counter window", description = "How far back an AFL message counter may go before it counts as a replay")
    long message_counter_window() default 0;
}
