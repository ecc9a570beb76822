package org.metergate.driver.tcp;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

@ObjectClassDefinition(name = "Metergate TCP receiver input",
        description = "Network receivers that send one wM-Bus frame per hex line (HEX, MODE;RSSI;HEX or MODE;RSSI;FRAMING;HEX).")
@interface TcpConfig {

    @AttributeDefinition(name = "Transceiver id", description = "Unique id of this transceiver on the gateway")
    String metergate_transceiver_id() default "tcp";

    @AttributeDefinition(name = "Role", options = {@Option(label = "Client: connect to the receiver", value = "client"),
            @Option(label = "Server: receivers connect here", value = "server")})
    String role() default "client";

    @AttributeDefinition(name = "Host", description = "Client: the receiver's host; server: the address to listen on")
    String host() default "127.0.0.1";

    @AttributeDefinition(name = "Port")
    int port() default 9011;

    @AttributeDefinition(name = "Radio modes", description = "The modes to pass on; lines without a mode always pass")
    String[] modes() default {"S1", "S1-m", "S2", "T1", "T2", "C1", "C2"};

    @AttributeDefinition(name = "Default framing", description = "For lines without a framing field", options = {
            @Option(label = "No CRCs", value = "NOCRC"), @Option(label = "Format A with CRCs", value = "A"),
            @Option(label = "Format B with CRCs", value = "B"), @Option(label = "Detect", value = "DETECT")})
    String defaultFraming() default "NOCRC";

    @AttributeDefinition(name = "Idle timeout (s)", description = "Client: reconnect when nothing arrived for this long (0: never)")
    int idleTimeoutSeconds() default 0;

    @AttributeDefinition(name = "Most receivers", description = "Server: connections beyond this many are refused")
    int maxReceivers() default 16;

    @AttributeDefinition(name = "First reconnect delay (ms)", description = "Wait after a connection fails; doubles on each failure")
    int reconnectInitialMs() default 1000;

    @AttributeDefinition(name = "Longest reconnect delay (ms)")
    int reconnectMaxMs() default 60000;
}
