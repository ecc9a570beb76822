package org.metergate.api.journal;

import java.util.List;
import org.metergate.api.reading.Uplink;
import org.metergate.api.reading.UplinkEntry;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The durable, append-only journal of uplink data (TR 50572 store-and-forward at the LNAP/NNAP).
 */
@ProviderType
public interface Journal {

    /**
     * Appends items in order; when this returns, they are durable (synced to disk as configured) and
     * will be delivered to every consumer.
     *
     * @return the entries with their sequence numbers
     */
    List<UplinkEntry> append(List<? extends Uplink> items) throws JournalException;

    /** The cursor of a consumer, created at the journal's oldest entry if it is new. */
    JournalCursor cursor(String consumerId) throws JournalException;

    JournalStatus status();
}
