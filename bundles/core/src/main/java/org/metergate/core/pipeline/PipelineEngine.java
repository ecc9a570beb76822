package org.metergate.core.pipeline;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.metergate.api.journal.Journal;
import org.metergate.api.journal.JournalException;
import org.metergate.api.meter.Meter;
import org.metergate.api.meter.MeterAddress;
import org.metergate.api.meter.MeterRegistry;
import org.metergate.api.reading.EventType;
import org.metergate.api.reading.MeterEvent;
import org.metergate.api.reading.Reading;
import org.metergate.api.reading.Uplink;
import org.metergate.api.stats.ErrorKind;
import org.metergate.api.telegram.RawTelegram;
import org.metergate.api.telegram.ReceiveInfo;
import org.metergate.core.events.LinkErrorRate;
import org.metergate.core.events.SecurityEventLimiter;
import org.metergate.core.events.SilenceWatch;
import org.metergate.core.events.StatusAlarms;
import org.metergate.core.registry.MeterDirectory;
import org.metergate.core.stats.StatisticsCollector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The uplink pipeline (TR 50572 LNAP/NNAP data collection), without the framework around it:
 * telegrams -> bounded queue -> decode thread (de-duplication, decoding, discovery, alarms) ->
 * bounded queue of batches -> commit thread (journal append, which is durable when it returns) ->
 * counted as accepted. Both queues are bounded, so a slow disk slows the links instead of filling
 * memory; nothing taken from the input queue is dropped: a failing journal is retried. Public for the
 * benchmarks on the plain class path; the package is not exported by the bundle.
 */
public final class PipelineEngine implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PipelineEngine.class);
    /** Readings as they are journaled, one line per telegram: the demo shows this logger on the console. */
    private static final Logger READINGS = LoggerFactory.getLogger("org.metergate.readings");
    private static final Set<ErrorKind> SECURITY = EnumSet.of(ErrorKind.NO_KEY, ErrorKind.WRONG_KEY,
            ErrorKind.MAC_MISMATCH, ErrorKind.UNSUPPORTED_SECURITY);

    /** A batch for the commit thread: the items to journal and what to publish once they are durable. */
    private record Batch(List<Uplink> items, int telegrams, Map<MeterAddress, List<Reading>> latest) {
    }

    private final PipelineSettings settings;
    private final Journal journal;
    private final MeterDirectory directory;
    private final MeterRegistry registry;
    private final TelegramDecoder decoder;
    private final Clock clock;
    private final BlockingQueue<RawTelegram> input;
    private final BlockingQueue<Batch> commits;
    private final StatisticsCollector stats;
    private final Deduplicator dedup;
    private final StatusAlarms statusAlarms = new StatusAlarms();
    private final Map<MeterAddress, Set<EventType>> recordAlarms = new HashMap<>();
    private final SecurityEventLimiter securityEvents;
    private final LinkErrorRate linkErrors;
    private final SilenceWatch silence;
    private final Map<MeterAddress, List<Reading>> latest = new ConcurrentHashMap<>();
    private final Deque<MeterEvent> recent = new ArrayDeque<>();
    private final Thread decodeThread;
    private final Thread commitThread;
    private volatile boolean closing;
    private volatile boolean firstReadingLogged;

    public PipelineEngine(PipelineSettings settings, Journal journal, MeterDirectory directory, MeterRegistry registry,
                   TelegramDecoder decoder, Clock clock) {
        this.settings = settings;
        this.journal = journal;
        this.directory = directory;
        this.registry = registry;
        this.decoder = decoder;
        this.clock = clock;
        this.input = new ArrayBlockingQueue<>(settings.queueCapacity());
        this.commits = new ArrayBlockingQueue<>(16);
        this.stats = new StatisticsCollector(input::size);
        this.dedup = new Deduplicator(settings.dedupWindow(), settings.dedupCapacity());
        this.securityEvents = new SecurityEventLimiter(settings.securityEventInterval());
        this.linkErrors = new LinkErrorRate(settings.linkErrorWindow(), settings.linkErrorThreshold());
        this.silence = new SilenceWatch(settings.silenceGrace(), clock.instant());
        this.decodeThread = new Thread(this::decodeLoop, "metergate-pipeline-decode");
        this.commitThread = new Thread(this::commitLoop, "metergate-pipeline-commit");
    }

    public void start() {
        decodeThread.start();
        commitThread.start();
    }

    public StatisticsCollector stats() {
        return stats;
    }

    public void accept(RawTelegram t) throws InterruptedException {
        if (closing) {
            throw new IllegalStateException("the pipeline is stopping");
        }
        input.put(t);
    }

    boolean offer(RawTelegram t) {
        if (closing || !input.offer(t)) {
            ReceiveInfo i = t.info();
            stats.error(null, StatisticsCollector.receiverKey(i.link(), i.receiver()), ErrorKind.DROPPED);
            return false;
        }
        return true;
    }

    List<Reading> latest(MeterAddress meter) {
        return latest.getOrDefault(meter, List.of());
    }

    List<MeterEvent> recentEvents(int max) {
        synchronized (recent) {
            List<MeterEvent> out = new ArrayList<>(Math.min(max, recent.size()));
            for (MeterEvent e : recent) {
                if (out.size() >= max) {
                    break;
                }
                out.add(e);
            }
            return out;
        }
    }

    /** Checks installed meters against their expected interval; events go to the journal like the rest. */
    void checkSilence(Supplier<Iterable<Meter>> installed) throws InterruptedException {
        List<MeterEvent> events = silence.check(installed.get(), stats::lastSeen, clock.instant());
        if (!events.isEmpty()) {
            commits.put(new Batch(new ArrayList<>(events), 0, Map.of()));
        }
    }

    // ---- decode stage --------------------------------------------------------------------------

    private void decodeLoop() {
        List<RawTelegram> batch = new ArrayList<>(settings.batchTelegrams());
        try {
            while (true) {
                RawTelegram first = input.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    if (closing) {
                        break;
                    }
                    continue;
                }
                batch.add(first);
                input.drainTo(batch, settings.batchTelegrams() - 1);
                List<Uplink> items = new ArrayList<>(batch.size() * 4);
                Map<MeterAddress, List<Reading>> newest = new HashMap<>();
                int decoded = 0;
                for (RawTelegram t : batch) {
                    try {
                        if (process(t, items, newest)) {
                            decoded++;
                        }
                    } catch (RuntimeException e) {
                        // a decoder bug must not stop the gateway: count it and go on
                        LOG.error("telegram from {} could not be processed", t.info().link(), e);
                        ReceiveInfo i = t.info();
                        stats.error(null, StatisticsCollector.receiverKey(i.link(), i.receiver()), ErrorKind.DECODE);
                    }
                }
                commits.put(new Batch(items, decoded, newest));
                batch.clear();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Processes one telegram; true when it was decoded (not a duplicate, not a failure). */
    private boolean process(RawTelegram t, List<Uplink> items, Map<MeterAddress, List<Reading>> newest) {
        ReceiveInfo info = t.info();
        String receiver = StatisticsCollector.receiverKey(info.link(), info.receiver());
        Instant time = info.time();
        byte[] key = decoder.transmissionKey(t);
        Object earlier = key == null ? null : dedup.check(key, time);
        if (earlier != null) {
            stats.reception(info.link(), info.receiver(), info.rssiDbm(), time, true);
            MeterAddress m = Deduplicator.meterOf(earlier);
            if (m != null) {
                stats.meterReception(m, receiver, info.rssiDbm(), time, true);
            }
            return false;
        }
        stats.reception(info.link(), info.receiver(), info.rssiDbm(), time, false);
        DecodeResult result = decoder.decode(t);
        if (result instanceof DecodeResult.Decoded d) {
            if (key != null) {
                dedup.identify(key, d.meter());
            }
            stats.meterReception(d.meter(), receiver, info.rssiDbm(), time, false);
            linkAlarm(info, false, items);
            if (!installed(d.meter(), info, items)) {
                return true;
            }
            if (d.status() >= 0) {
                items.addAll(statusAlarms.update(d.meter(), d.status(), info.link(), time));
            }
            recordAlarms(d, info, items);
            items.addAll(d.readings());
            if (!d.readings().isEmpty()) {
                newest.put(d.meter(), d.readings());
            }
            return true;
        } else if (result instanceof DecodeResult.Failed f) {
            stats.error(f.meter(), receiver, f.kind());
            linkAlarm(info, true, items);
            if (f.meter() == null) {
                return false;
            }
            boolean isInstalled = directory.lookup(f.meter()) != null;
            if (!isInstalled) {
                if (directory.heardUninstalled(f.meter(), info.link(), info.rssiDbm(), time)) {
                    items.add(discovered(f.meter(), info, "; its telegrams cannot be decoded yet: " + f.reason()));
                }
                return false; // a neighbour's meter we hold no key for is not an event
            }
            EventType type = f.kind() == ErrorKind.REPLAY ? EventType.REPLAY_DETECTED
                    : SECURITY.contains(f.kind()) ? EventType.DECRYPTION_FAILED : EventType.DECODE_FAILED;
            long n = securityEvents.occurrence(f.meter(), type, time);
            if (n > 0) {
                items.add(new MeterEvent(type, f.meter(), info.link(), time,
                        f.reason() + (n > 1 ? " (" + n + " times since the last report)" : "")));
            }
        }
        return false;
    }

    /** True when the meter's data is to be journaled; notes discoveries and installs in installation mode. */
    private boolean installed(MeterAddress meter, ReceiveInfo info, List<Uplink> items) {
        if (directory.lookup(meter) != null) {
            return true;
        }
        if (directory.heardUninstalled(meter, info.link(), info.rssiDbm(), info.time())) {
            items.add(discovered(meter, info, ""));
        }
        if (settings.installationMode()) {
            registry.install(new Meter(meter, "", "", "", Duration.ZERO, clock.instant()));
            LOG.info("installation mode: installed {}", meter);
            return true;
        }
        return settings.journalUninstalled();
    }

    private static MeterEvent discovered(MeterAddress meter, ReceiveInfo info, String more) {
        return new MeterEvent(EventType.METER_DISCOVERED, meter, info.link(), info.time(),
                "medium " + meter.medium().description()
                        + (info.rssiDbm().isPresent() ? ", RSSI " + info.rssiDbm().getAsInt() + " dBm" : "")
                        + (info.radioMode().isEmpty() ? "" : ", mode " + info.radioMode())
                        + ", receiver " + (info.receiver().isEmpty() ? info.link() : info.receiver()) + more);
    }

    private void recordAlarms(DecodeResult.Decoded d, ReceiveInfo info, List<Uplink> items) {
        Set<EventType> now = EnumSet.noneOf(EventType.class);
        for (DecodeResult.RecordAlarm a : d.alarms()) {
            now.add(a.type());
        }
        Set<EventType> before = recordAlarms.getOrDefault(d.meter(), Set.of());
        for (DecodeResult.RecordAlarm a : d.alarms()) {
            if (!before.contains(a.type())) {
                items.add(new MeterEvent(a.type(), d.meter(), info.link(), info.time(), a.detail()));
            }
        }
        if (now.isEmpty()) {
            recordAlarms.remove(d.meter());
        } else {
            recordAlarms.put(d.meter(), now);
        }
    }

    private void linkAlarm(ReceiveInfo info, boolean error, List<Uplink> items) {
        double rate = linkErrors.record(info.link(), error);
        if (rate > 0) {
            items.add(new MeterEvent(EventType.LINK_ERROR_RATE, null, info.link(), info.time(),
                    String.format("%.0f %% of the last %d telegrams had errors", rate * 100, settings.linkErrorWindow())));
        }
    }

    // ---- commit stage --------------------------------------------------------------------------

    private void commitLoop() {
        List<Batch> group = new ArrayList<>();
        try {
            while (true) {
                Batch first = commits.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    if (closing && !decodeThread.isAlive() && commits.isEmpty()) {
                        break;
                    }
                    rate(0);
                    continue;
                }
                group.add(first);
                commits.drainTo(group, 7);
                commit(group);
                group.clear();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void commit(List<Batch> group) throws InterruptedException {
        List<Uplink> items = new ArrayList<>();
        int telegrams = 0;
        for (Batch b : group) {
            items.addAll(b.items());
            telegrams += b.telegrams();
        }
        if (!items.isEmpty()) {
            appendDurably(items);
        }
        long readings = 0;
        long events = 0;
        for (Uplink u : items) {
            if (u instanceof Reading) {
                readings++;
            } else if (u instanceof MeterEvent e) {
                events++;
                synchronized (recent) {
                    recent.addFirst(e);
                    while (recent.size() > settings.recentEvents()) {
                        recent.removeLast();
                    }
                }
            }
        }
        for (Batch b : group) {
            latest.putAll(b.latest());
            if (READINGS.isInfoEnabled()) {
                b.latest().forEach((meter, list) -> READINGS.info("{}: {}", meter, ReadingText.of(list)));
            }
        }
        stats.journaled(telegrams, readings, events);
        if (readings > 0 && !firstReadingLogged) {
            firstReadingLogged = true;
            LOG.info("first reading journaled {} ms after the JVM started",
                    System.currentTimeMillis() - java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime());
        }
        rate(telegrams);
    }

    private long rateWindowStart = System.nanoTime();
    private long rateTelegrams;
    private long lastBusy;

    /**
     * One INFO line per 10 s of traffic with the rate, and one for the last, shorter stretch when the
     * traffic stops (measured up to the last telegram): what operators, and the throughput harness, read.
     */
    private void rate(int telegrams) {
        long now = System.nanoTime();
        if (telegrams > 0) {
            rateTelegrams += telegrams;
            lastBusy = now;
        }
        boolean full = now - rateWindowStart >= 10_000_000_000L;
        boolean wentIdle = telegrams == 0 && rateTelegrams > 0 && now - lastBusy > 1_000_000_000L;
        if (full || wentIdle) {
            if (rateTelegrams > 0) {
                long elapsed = Math.max(1, (wentIdle ? lastBusy : now) - rateWindowStart);
                LOG.info("pipeline: {} telegrams decoded and journaled in {} ms ({} per second)", rateTelegrams,
                        elapsed / 1_000_000, rateTelegrams * 1_000_000_000L / elapsed);
            }
            rateWindowStart = now;
            rateTelegrams = 0;
        }
    }

    /** Appends until the journal takes it: accepted data is never dropped. */
    private void appendDurably(List<Uplink> items) throws InterruptedException {
        long backoff = 100;
        while (true) {
            try {
                journal.append(items);
                return;
            } catch (JournalException | RuntimeException e) {
                LOG.error("journal append of {} items failed, retrying in {} ms: {}", items.size(), backoff, e.getMessage());
                Thread.sleep(backoff);
                backoff = Math.min(backoff * 2, 10_000);
            }
        }
    }

    /** Stops taking telegrams, finishes what was taken (decoded and journaled), then stops the threads. */
    @Override
    public void close() throws InterruptedException {
        closing = true;
        decodeThread.join(10_000);
        commitThread.join(10_000);
        if (decodeThread.isAlive() || commitThread.isAlive()) {
            LOG.warn("pipeline threads did not finish within 10 s; {} telegrams were still queued", input.size());
            decodeThread.interrupt();
            commitThread.interrupt();
        }
    }
}
