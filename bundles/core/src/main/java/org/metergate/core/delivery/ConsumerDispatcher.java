package org.metergate.core.delivery;

import java.util.HashMap;
import java.util.Map;
import org.metergate.api.journal.Journal;
import org.metergate.api.reading.UplinkConsumer;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The consumer whiteboard: every {@link UplinkConsumer} service that appears gets the journal
 * delivered from its cursor ({@value UplinkConsumer#CONSUMER_ID}) on a thread of its own; when it
 * goes, its thread stops and its cursor stays, so it resumes where it was when it comes back.
 */
@Component(immediate = true)
public final class ConsumerDispatcher {

    private static final Logger LOG = LoggerFactory.getLogger(ConsumerDispatcher.class);
    private static final int BATCH = 500;

    private final Journal journal;
    private final Map<UplinkConsumer, Delivery> deliveries = new HashMap<>();
    private boolean stopped;

    @Activate
    public ConsumerDispatcher(@Reference Journal journal) {
        this.journal = journal;
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addConsumer(UplinkConsumer consumer, Map<String, Object> properties) {
        Object id = properties.get(UplinkConsumer.CONSUMER_ID);
        if (!(id instanceof String s) || s.isBlank()) {
            LOG.error("uplink consumer {} has no {} property: it cannot get a cursor and receives nothing",
                    properties.get("component.name"), UplinkConsumer.CONSUMER_ID);
            return;
        }
        Delivery d = new Delivery(s, consumer, journal, BATCH);
        synchronized (deliveries) {
            if (stopped) {
                return;
            }
            deliveries.put(consumer, d);
        }
        d.start();
        LOG.info("delivering the journal to consumer {}", s);
    }

    void removeConsumer(UplinkConsumer consumer) throws InterruptedException {
        Delivery d;
        synchronized (deliveries) {
            d = deliveries.remove(consumer);
        }
        if (d != null) {
            d.stop();
        }
    }

    @Deactivate
    void stop() throws InterruptedException {
        Map<UplinkConsumer, Delivery> all;
        synchronized (deliveries) {
            stopped = true;
            all = new HashMap<>(deliveries);
            deliveries.clear();
        }
        for (Delivery d : all.values()) {
            d.stop();
        }
    }
}
