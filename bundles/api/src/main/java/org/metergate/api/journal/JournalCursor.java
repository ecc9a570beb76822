package org.metergate.api.journal;

import java.time.Duration;
import java.util.List;
import org.metergate.api.reading.UplinkEntry;
import org.osgi.annotation.versioning.ProviderType;

/**
 * One consumer's position in the store-and-forward journal (TR 50572 LNAP/NNAP data storage). Reading does not move the position: only
 * {@link #acknowledge(long)} does, so what was read but not acknowledged is read again after a
 * restart.
 */
@ProviderType
public interface JournalCursor {

    String consumerId();

    /**
     * Up to {@code max} entries after the last one read (or, after a restart, after the last one
     * acknowledged), waiting up to {@code wait} for the first.
     */
    List<UplinkEntry> read(int max, Duration wait) throws InterruptedException, JournalException;

    /** Marks every entry up to and including {@code sequence} as delivered; persisted. */
    void acknowledge(long sequence) throws JournalException;

    /** The highest acknowledged sequence, -1 when none. */
    long acknowledged();

    /** Goes back to just after the last acknowledged entry, so unacknowledged entries are read again. */
    void rewind();
}
