package org.metergate.link.wmbus;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Metergate wireless M-Bus link",
        description = "One wireless M-Bus link of the M (or C) interface: which radio modes to receive, with which transceivers.")
@interface WirelessLinkConfig {

    @AttributeDefinition(name = "Link id", description = "Unique id of the link on the gateway")
    String metergate_link_id() default "wmbus";

    @AttributeDefinition(name = "Radio modes", description = "EN 13757-4 modes to receive, e.g. T1, C1, S1; a mode is received only while its radio mode bundle is deployed")
    String[] modes() default {"T1", "C1"};

    @AttributeDefinition(name = "Transceivers", description = "LDAP filter selecting the transceivers this link takes over (Declarative Services target of the transceiver reference)")
    String transceiver_target() default "(metergate.transceiver.id=*)";

    @AttributeDefinition(name = "Interface", description = "M for an LNAP's meter link, C for an NNAP's neighbourhood link")
    String metergate_interface() default "M";

    @AttributeDefinition(name = "Meter time zone", description = "Time zone of the meters' clocks, for clock synchronisation; empty: the gateway's")
    String meter_time_zone() default "";

    @AttributeDefinition(name = "Answer grace (ms)", description = "How long after the end of a meter's response window its answer to a command is still taken")
    long answer_grace_ms() default 2000;
}
