package org.metergate.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Hashtable;
import java.util.List;
import javax.inject.Inject;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.metergate.api.journal.Journal;
import org.metergate.api.reading.EventType;
import org.metergate.api.reading.MeterEvent;
import org.metergate.api.reading.Reading;
import org.metergate.api.reading.UplinkConsumer;
import org.metergate.api.reading.UplinkEntry;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;

import static org.ops4j.pax.exam.CoreOptions.composite;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;

/**
 * The demo gateway's main job, in Felix: the replay transceiver plays the recording (as fast as the
 * pipeline takes it) through the wireless link, the codecs with the keys from the key store, the
 * pipeline and the journal to a consumer on the whiteboard, which must receive every reading the
 * recording holds - exactly those, each once.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class PipelineIT {

    private static final String EXPECTED = "metergate.itest.expected.readings";

    @Inject
    BundleContext context;

    @Inject
    Journal journal;

    @Configuration
    public Option[] config() throws Exception {
        List<String> expected = DemoRecording.expectedReadings(GatewayOptions.home());
        Option[] gateway = GatewayOptions.of(GatewayOptions.assembly("demo")
                .withProperty("org.metergate.driver.replay~demo", "speed", 0.0));
        return new Option[] {composite(gateway), systemProperty(EXPECTED).value(String.join("\n", expected))};
    }

    @Test
    public void everyReadingOfTheRecordingReachesAConsumerOnceThroughTheJournal() throws Exception {
        List<String> expected = List.of(System.getProperty(EXPECTED).split("\n"));
        assertTrue("the recording holds readings", expected.size() > 30);

        List<UplinkEntry> received = Collections.synchronizedList(new ArrayList<>());
        Hashtable<String, Object> props = new Hashtable<>();
        props.put(UplinkConsumer.CONSUMER_ID, "itest");
        ServiceRegistration<UplinkConsumer> reg = context.registerService(UplinkConsumer.class, received::addAll, props);
        try {
            long deadline = System.currentTimeMillis() + 30_000;
            while (readings(received).size() < expected.size() && System.currentTimeMillis() < deadline) {
                Thread.sleep(100);
            }
            Thread.sleep(500); // anything beyond the expected would show now
            List<String> got = new ArrayList<>();
            for (Reading r : readings(received)) {
                got.add(DemoRecording.key(r.meter().toString(), r.value(), r.unit().symbol(), r.storage()));
            }
            List<String> sortedExpected = new ArrayList<>(expected);
            Collections.sort(sortedExpected);
            Collections.sort(got);
            assertEquals("every reading of the recording, each once", sortedExpected, got);

            List<Long> sequences = new ArrayList<>();
            received.forEach(e -> sequences.add(e.sequence()));
            for (int i = 1; i < sequences.size(); i++) {
                assertTrue("journal order, no entry twice", sequences.get(i) > sequences.get(i - 1));
            }
            long discovered = received.stream().filter(e -> e.item() instanceof MeterEvent m
                    && m.type() == EventType.METER_DISCOVERED).count();
            assertEquals("each of the recording's 15 meters discovered once", 15, discovered);
            assertTrue("the journal holds what was delivered", journal.status().nextSequence() >= received.size());
        } finally {
            reg.unregister();
        }
    }

    private static List<Reading> readings(List<UplinkEntry> entries) {
        List<Reading> out = new ArrayList<>();
        synchronized (entries) {
            for (UplinkEntry e : entries) {
                if (e.item() instanceof Reading r) {
                    out.add(r);
                }
            }
        }
        return out;
    }
}
