package org.metergate.api.reading;

import java.util.List;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * The whiteboard of uplink consumers: a service of this type receives every reading and event the
 * gateway journals, in journal order, exactly until it acknowledges them. The head-end link (G),
 * displays (H1/H2/H3), the relay (C) and peers (L/N) are consumers.
 *
 * <p>Register with the service property {@value #CONSUMER_ID}: the name of this consumer's cursor
 * in the journal. Delivery resumes from that cursor after a restart, so the name must stay the same.
 */
@ConsumerType
public interface UplinkConsumer {

    /** Service property: the consumer's stable cursor name. */
    String CONSUMER_ID = "metergate.consumer.id";

    /**
     * Delivers entries in journal order. Returning normally acknowledges all of them; throwing
     * acknowledges none, and they are offered again later. Called from a thread that serves only
     * this consumer, so a slow consumer never delays another.
     */
    void deliver(List<UplinkEntry> entries) throws Exception;
}
