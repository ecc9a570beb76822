package org.metergate.api.reading;

import java.util.List;
import org.metergate.api.meter.MeterAddress;
import org.osgi.annotation.versioning.ProviderType;

/**
 * What the gateway knows now about its meters' data, for people and applications at the LNAP
 * (shell, displays on H): the latest readings of a meter and the recent events. History is in the
 * journal and at the head-end.
 */
@ProviderType
public interface ReadingQuery {

    /** The readings of the meter's most recent telegram, empty if it was not heard since start. */
    List<Reading> latest(MeterAddress meter);

    /** Up to {@code max} most recent events, newest first. */
    List<MeterEvent> recentEvents(int max);
}
