package org.metergate.driver.amb8465;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Metergate Amber AMB8465 / Würth Metis",
        description = "A wireless M-Bus stick or module of the Amber AMB8465 family (Würth Elektronik Metis) in command mode.")
@interface Amb8465Config {

    @AttributeDefinition(name = "Transceiver id", description = "Unique id of this transceiver on the gateway")
    String metergate_transceiver_id() default "amb8465";

    @AttributeDefinition(name = "Serial port", description = "Device path, e.g. /dev/ttyUSB0 or a /dev/serial/by-id/... link")
    String port() default "/dev/ttyUSB0";

    @AttributeDefinition(name = "Baud rate", description = "UART speed; the module's default is 9600")
    int baudRate() default 9600;

    @AttributeDefinition(name = "Radio modes", description = "Modes to receive until a link switches (T and C together use C2/T2-Other)")
    String[] modes() default {"T1", "C1"};

    @AttributeDefinition(name = "Write user settings",
            description = "Switch on UART_CMD_Out_Enable and RSSI_Enable in the module's flash (then reset it) when they are off; "
                    + "written only when they differ. Off: the driver reads what the module is set to.")
    boolean writeUserSettings() default true;

    @AttributeDefinition(name = "Reset delay (ms)", description = "How long the module needs to restart after CMD_RESET_REQ")
    int resetDelayMs() default 1000;

    @AttributeDefinition(name = "Response timeout (ms)", description = "How long to wait for the module to confirm a command")
    int responseTimeoutMs() default 1000;

    @AttributeDefinition(name = "First reconnect delay (ms)", description = "Wait after the module disappears; doubles on each failure")
    int reconnectInitialMs() default 1000;

    @AttributeDefinition(name = "Longest reconnect delay (ms)")
    int reconnectMaxMs() default 60000;
}
