package org.metergate.api.telegram;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The entry of the gateway's uplink pipeline (TR 50572 LNAP/NNAP data collection): meter links hand
 * every telegram they receive to this service, which decodes, de-duplicates and journals it.
 */
@ProviderType
public interface TelegramSink {

    /**
     * Accepts a telegram for processing. Returns once the telegram is queued; when the pipeline's
     * bounded queue is full it waits, so a link that can slow down (a replay, a polling master) is
     * slowed instead of losing data. Links that cannot wait (radio) count what they had to drop.
     *
     * @throws InterruptedException when the calling thread is interrupted while waiting
     */
    void accept(RawTelegram telegram) throws InterruptedException;

    /**
     * Hands over a telegram without waiting: returns false when the pipeline's queue is full. Links
     * whose source cannot be slowed down (a radio receiver) use this and count what they drop.
     */
    boolean offer(RawTelegram telegram);
}
