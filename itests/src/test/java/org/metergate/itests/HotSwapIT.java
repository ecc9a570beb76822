package org.metergate.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.composite;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;

import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Hashtable;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.inject.Inject;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.metergate.api.link.MeterLink;
import org.metergate.api.meter.DeviceType;
import org.metergate.api.meter.MeterAddress;
import org.metergate.api.radio.RadioModeId;
import org.metergate.api.radio.Transceiver;
import org.metergate.api.reading.Reading;
import org.metergate.api.reading.UplinkConsumer;
import org.metergate.api.reading.UplinkEntry;
import org.metergate.api.stats.CommunicationStatistics;
import org.metergate.wmbus.TelegramBuilder;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;

/**
 * Radio modes are bundles and swap while telegrams flow (issue 6): with T1 and C1 traffic playing,
 * stopping the mode T bundle stops T1 reception while C1 flows on with nothing lost; starting it brings
 * T1 back; updating the wireless link bundle in place loses nothing that was accepted. The swap times
 * are printed.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class HotSwapIT {

    private static final String REPLAY = "metergate.itest.hotswap.replay";
    private static final int FRAMES = 6000; // 30 s of traffic at 200 frames/s
    private static final int T1_METERS = 50;
    private static final int C1_METERS = 50;

    @Inject
    BundleContext context;

    @Inject
    CommunicationStatistics stats;

    @Configuration
    public Option[] config() throws Exception {
        Path replay = Files.createTempFile("hotswap", ".replay");
        writeTraffic(replay);
        return new Option[] {
            composite(GatewayOptions.of(GatewayOptions.assembly("demo")
                    .withProperty("org.metergate.driver.replay~demo", "file", replay.toString())
                    .withProperty("org.metergate.driver.replay~demo", "speed", 1.0))),
            systemProperty(REPLAY).value(replay.toString())
        };
    }

    /** Plain telegrams, 5 ms apart, alternating T1 (meters 1xxxxxxx) and C1 (meters 2xxxxxxx), one volume each. */
    static void writeTraffic(Path file) throws Exception {
        int[] access = new int[T1_METERS + C1_METERS];
        HexFormat hex = HexFormat.of().withUpperCase();
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.US_ASCII)) {
            for (int n = 0; n < FRAMES; n++) {
                boolean t1 = n % 2 == 0;
                int m = (n / 2) % (t1 ? T1_METERS : C1_METERS);
                int slot = t1 ? m : T1_METERS + m;
                MeterAddress a = MeterAddress.of("MGT", String.format("%d%07d", t1 ? 1 : 2, m), 1, DeviceType.WATER);
                int volume = n;
                byte[] records = {0x04, 0x13, (byte) volume, (byte) (volume >> 8), (byte) (volume >> 16), 0};
                byte[] frame = TelegramBuilder.meter(a).accessNumber(access[slot]++ & 0xFF).records(records).mode0().build();
                w.write(String.format("%.3f %s -70 NOCRC %s%n", n * 0.005, t1 ? "T1" : "C1", hex.formatHex(frame)));
            }
        }
    }

    private Bundle bundle(String bsn) {
        return Arrays.stream(context.getBundles()).filter(b -> bsn.equals(b.getSymbolicName())).findFirst().orElseThrow();
    }

    private Transceiver replay() {
        return context.getService(context.getServiceReference(Transceiver.class));
    }

    private static long millisUntil(java.util.function.BooleanSupplier condition, long start) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within 10 s");
            }
            Thread.sleep(1);
        }
        return (System.nanoTime() - start) / 1_000_000;
    }

    @Test
    public void modeBundlesSwapWhileTelegramsFlowAndTheLinkUpdatesInPlaceWithoutLoss() throws Exception {
        Set<String> t1Seen = ConcurrentHashMap.newKeySet();
        List<Reading> readings = java.util.Collections.synchronizedList(new ArrayList<>());
        long[] t1After = {0};
        UplinkConsumer consumer = entries -> {
            for (UplinkEntry e : entries) {
                if (e.item() instanceof Reading r && r.meter().manufacturer().code().equals("MGT")) {
                    readings.add(r);
                    if (r.meter().identification().startsWith("1")) {
                        t1Seen.add(r.meter().identification());
                        t1After[0] = System.nanoTime();
                    }
                }
            }
        };
        Hashtable<String, Object> props = new Hashtable<>();
        props.put(UplinkConsumer.CONSUMER_ID, "hotswap");
        ServiceRegistration<UplinkConsumer> reg = context.registerService(UplinkConsumer.class, consumer, props);
        try {
            millisUntil(() -> !t1Seen.isEmpty() && readings.size() > 200, System.nanoTime());

            // stop the mode T bundle: T1 is no longer received, C1 goes on
            Bundle radioT = bundle("org.metergate.radio.t");
            long start = System.nanoTime();
            radioT.stop();
            long stopMs = millisUntil(() -> !replay().activeModes().contains(RadioModeId.T1), start);
            Thread.sleep(500); // what was already in the pipeline drains
            long quietFrom = System.nanoTime();
            int readingsAtStop = readings.size();
            Thread.sleep(3000);
            int flowed = readings.size() - readingsAtStop;
            assertTrue("C1 keeps flowing at 100 telegrams/s: " + flowed + " readings in 3 s", flowed > 200);
            assertTrue("no T1 reading while mode T is gone", t1After[0] < quietFrom);

            // start it again: T1 comes back
            start = System.nanoTime();
            radioT.start();
            long startMs = millisUntil(() -> replay().activeModes().contains(RadioModeId.T1), start);
            long resumed = System.nanoTime();
            millisUntil(() -> t1After[0] > resumed, resumed);

            // update the wireless link in place while the recording plays
            Bundle link = bundle("org.metergate.link.wmbus");
            start = System.nanoTime();
            link.update();
            long updateMs = millisUntil(() -> context.getServiceReference(MeterLink.class) != null
                    && replay().status().detail() != null, start);

            // the recording plays to its end (a paced source waits while the link is away)
            long deadline = System.currentTimeMillis() + 60_000;
            while (System.currentTimeMillis() < deadline && replay().status().state() != org.metergate.api.link.LinkState.STOPPED) {
                Thread.sleep(200);
            }
            long accepted = stats.pipeline().accepted();
            long delivered = deadline;
            while (readings.size() < accepted && System.currentTimeMillis() < (delivered = deadline + 10_000)) {
                Thread.sleep(100);
            }
            long c1 = readings.stream().filter(r -> r.meter().identification().startsWith("2")).count();
            assertEquals("every C1 telegram of the recording arrived, through both swaps and the update", FRAMES / 2, c1);
            assertEquals("every accepted telegram's reading reached the consumer: nothing accepted was lost",
                    accepted, readings.size());
            System.out.printf("hot swap: mode T stopped -> T1 off in %d ms; started -> T1 on in %d ms; link update -> back in %d ms%n",
                    stopMs, startMs, updateMs);
        } finally {
            reg.unregister();
        }
    }
}
