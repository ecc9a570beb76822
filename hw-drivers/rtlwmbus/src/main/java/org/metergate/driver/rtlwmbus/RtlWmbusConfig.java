package org.metergate.driver.rtlwmbus;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Metergate rtl-wmbus input",
        description = "Reads the lines of rtl_wmbus: from a command line it runs (rtl_sdr ... | rtl_wmbus), or from a FIFO, a file or standard input (-).")
@interface RtlWmbusConfig {

    @AttributeDefinition(name = "Transceiver id", description = "Unique id of this transceiver on the gateway")
    String metergate_transceiver_id() default "rtlwmbus";

    @AttributeDefinition(name = "Command", description = "A shell command line whose standard output is rtl_wmbus', "
            + "e.g. rtl_sdr -f 868.95M -s 1600000 - 2>/dev/null | rtl_wmbus; restarted when it ends. Leave empty to read a path.")
    String command() default "";

    @AttributeDefinition(name = "Path", description = "A FIFO or file to read rtl_wmbus lines from (a file is followed as it grows), or - for standard input")
    String path() default "";

    @AttributeDefinition(name = "Radio modes", description = "The modes rtl_wmbus decodes that should be passed on (T1, C1, S1)")
    String[] modes() default {"T1", "C1", "S1"};

    @AttributeDefinition(name = "RSSI offset (dB)", description = "rtl_wmbus prints a level, not dBm; when set, RSSI dBm = level + offset (a calibration against a known receiver). Empty: no RSSI.")
    String rssiOffsetDb() default "";

    @AttributeDefinition(name = "Use the line's time stamp", description = "Take the reception time from the line (local time of this host) instead of the time it was read")
    boolean useLineTimestamp() default false;

    @AttributeDefinition(name = "First restart delay (ms)", description = "Wait after the command ends or the source fails; doubles on each failure")
    int reconnectInitialMs() default 1000;

    @AttributeDefinition(name = "Longest restart delay (ms)")
    int reconnectMaxMs() default 60000;
}
