package org.metergate.core.registry;

import java.time.Instant;
import java.util.OptionalInt;
import org.metergate.api.meter.Meter;
import org.metergate.api.meter.MeterAddress;

/**
 * What the pipeline asks the registry for every telegram (inside the core bundle): the installed
 * meter by address in O(1), and the note that an uninstalled meter was heard.
 */
public interface MeterDirectory {

    /** The installed meter, or {@code null}. */
    Meter lookup(MeterAddress address);

    /** Notes a reception of a meter that is not installed; true when it is newly discovered. */
    boolean heardUninstalled(MeterAddress address, String link, OptionalInt rssi, Instant time);
}
