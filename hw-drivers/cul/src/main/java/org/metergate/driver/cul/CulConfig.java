package org.metergate.driver.cul;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Metergate CUL / culfw",
        description = "A CUL, nanoCUL or other CC1101 stick running culfw with wireless M-Bus support.")
@interface CulConfig {

    @AttributeDefinition(name = "Transceiver id", description = "Unique id of this transceiver on the gateway")
    String metergate_transceiver_id() default "cul";

    @AttributeDefinition(name = "Serial port", description = "Device path, e.g. /dev/ttyACM0 or a /dev/serial/by-id/... link")
    String port() default "/dev/ttyACM0";

    @AttributeDefinition(name = "Baud rate", description = "38400 for serial culfw devices (a USB CUL ignores it)")
    int baudRate() default 38400;

    @AttributeDefinition(name = "Radio modes", description = "Modes to receive until a link switches (one family at a time: T, C or S)")
    String[] modes() default {"T1"};

    @AttributeDefinition(name = "Response timeout (ms)", description = "How long to wait for culfw to answer a command")
    int responseTimeoutMs() default 1000;

    @AttributeDefinition(name = "First reconnect delay (ms)", description = "Wait after the stick disappears; doubles on each failure")
    int reconnectInitialMs() default 1000;

    @AttributeDefinition(name = "Longest reconnect delay (ms)")
    int reconnectMaxMs() default 60000;
}
