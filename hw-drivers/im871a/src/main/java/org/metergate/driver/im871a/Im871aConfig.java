package org.metergate.driver.im871a;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

@ObjectClassDefinition(name = "Metergate IMST iM871A / iM170A",
        description = "A wireless M-Bus stick or module of IMST speaking the WM-Bus host controller interface (HCI).")
@interface Im871aConfig {

    @AttributeDefinition(name = "Transceiver id", description = "Unique id of this transceiver on the gateway")
    String metergate_transceiver_id() default "im871a";

    @AttributeDefinition(name = "Serial port", description = "Device path, e.g. /dev/ttyUSB0 or a /dev/serial/by-id/... link")
    String port() default "/dev/ttyUSB0";

    @AttributeDefinition(name = "Baud rate", description = "UART speed; the HCI default is 57600")
    int baudRate() default 57600;

    @AttributeDefinition(name = "Model", options = {@Option(label = "iM871A (868 MHz)", value = "iM871A"),
            @Option(label = "iM170A (169 MHz)", value = "iM170A")})
    String model() default "iM871A";

    @AttributeDefinition(name = "Radio modes", description = "Modes to receive until a link switches (C1 and T1 together need firmware 1.4)")
    String[] modes() default {"T1", "C1"};

    @AttributeDefinition(name = "Response timeout (ms)", description = "How long to wait for the stick to answer a command")
    int responseTimeoutMs() default 1000;

    @AttributeDefinition(name = "First reconnect delay (ms)", description = "Wait after the stick disappears; doubles on each failure")
    int reconnectInitialMs() default 1000;

    @AttributeDefinition(name = "Longest reconnect delay (ms)")
    int reconnectMaxMs() default 60000;
}
