package org.metergate.driver.rc1180;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Metergate Radiocrafts RC1180-MBUS",
        description = "A Radiocrafts RC1180-MBUS (MBUS3) wireless M-Bus module: receive-only in this driver.")
@interface Rc1180Config {

    @AttributeDefinition(name = "Transceiver id", description = "Unique id of this transceiver on the gateway")
    String metergate_transceiver_id() default "rc1180";

    @AttributeDefinition(name = "Serial port", description = "Device path, e.g. /dev/ttyUSB0 or a /dev/serial/by-id/... link")
    String port() default "/dev/ttyUSB0";

    @AttributeDefinition(name = "Baud rate", description = "UART speed; the module's default is 19200")
    int baudRate() default 19200;

    @AttributeDefinition(name = "Radio modes", description = "Modes to receive until a link switches (T1+C1 and T2+C2 combine)")
    String[] modes() default {"T1", "C1"};

    @AttributeDefinition(name = "Prompt timeout (ms)", description = "How long to wait for the '>' prompt in configuration mode")
    int responseTimeoutMs() default 1000;

    @AttributeDefinition(name = "Memory write timeout (ms)", description = "How long the module may take to re-program its memory")
    int memoryWriteTimeoutMs() default 3000;

    @AttributeDefinition(name = "First reconnect delay (ms)", description = "Wait after the module disappears; doubles on each failure")
    int reconnectInitialMs() default 1000;

    @AttributeDefinition(name = "Longest reconnect delay (ms)")
    int reconnectMaxMs() default 60000;
}
