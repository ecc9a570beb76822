package org.metergate.core.stats;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.IntSupplier;
import org.metergate.api.meter.MeterAddress;
import org.metergate.api.stats.CommunicationStatistics;
import org.metergate.api.stats.ErrorKind;
import org.metergate.api.stats.LinkStatistics;
import org.metergate.api.stats.MeterStatistics;
import org.metergate.api.stats.PipelineStatistics;

/**
 * Collects the TR 50572 communication statistics as the pipeline works: per meter, per link and
 * receiver, and for the pipeline as a whole. Updates are cheap (one uncontended lock per entry).
 */
public final class StatisticsCollector implements CommunicationStatistics {

    private static final class MeterEntry {
        final MeterAddress meter;
        final Instant first;
        Instant last;
        long telegrams;
        long receptions;
        final RssiAccumulator rssi = new RssiAccumulator();
        final ErrorCounts errors = new ErrorCounts();
        final Set<String> receivers = new LinkedHashSet<>(2);

        MeterEntry(MeterAddress meter, Instant first) {
            this.meter = meter;
            this.first = first;
            this.last = first;
        }

        synchronized MeterStatistics snapshot() {
            return new MeterStatistics(meter, first, last, telegrams, receptions, rssi.summary(), errors.snapshot(), receivers);
        }
    }

    private static final class LinkEntry {
        final String id;
        Instant last;
        long receptions;
        long duplicates;
        final RssiAccumulator rssi = new RssiAccumulator();
        final ErrorCounts errors = new ErrorCounts();

        LinkEntry(String id) {
            this.id = id;
        }

        synchronized LinkStatistics snapshot() {
            return new LinkStatistics(id, Optional.ofNullable(last), receptions, duplicates, rssi.summary(), errors.snapshot());
        }
    }

    private final ConcurrentHashMap<MeterAddress, MeterEntry> meters = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, LinkEntry> links = new ConcurrentHashMap<>();
    private final LongAdder received = new LongAdder();
    private final LongAdder duplicates = new LongAdder();
    private final LongAdder accepted = new LongAdder();
    private final LongAdder failed = new LongAdder();
    private final LongAdder readings = new LongAdder();
    private final LongAdder events = new LongAdder();
    private final IntSupplier queued;

    public StatisticsCollector(IntSupplier queued) {
        this.queued = queued;
    }

    /** The key of a receiver: {@code link/receiver}, or the link alone. */
    public static String receiverKey(String link, String receiver) {
        return receiver.isEmpty() || receiver.equals(link) ? link : link + "/" + receiver;
    }

    /** A telegram arrived from a link; {@code duplicate} when another reception already delivered it. */
    public void reception(String link, String receiver, OptionalInt rssi, Instant time, boolean duplicate) {
        received.increment();
        if (duplicate) {
            duplicates.increment();
        }
        LinkEntry e = links.computeIfAbsent(receiverKey(link, receiver), LinkEntry::new);
        synchronized (e) {
            e.last = time;
            e.receptions++;
            if (duplicate) {
                e.duplicates++;
            }
            e.rssi.add(rssi);
        }
    }

    /** A reception of a meter's telegram; {@code duplicate} receptions count for RSSI but not as telegrams. */
    public void meterReception(MeterAddress meter, String receiverKey, OptionalInt rssi, Instant time, boolean duplicate) {
        MeterEntry e = meters.computeIfAbsent(meter, m -> new MeterEntry(m, time));
        synchronized (e) {
            if (time.isAfter(e.last)) {
                e.last = time;
            }
            e.receptions++;
            if (!duplicate) {
                e.telegrams++;
            }
            e.rssi.add(rssi);
            e.receivers.add(receiverKey);
        }
    }

    /** An error; {@code meter} is null when the telegram's meter could not be determined. */
    public void error(MeterAddress meter, String receiverKey, ErrorKind kind) {
        failed.increment();
        LinkEntry l = links.computeIfAbsent(receiverKey, LinkEntry::new);
        synchronized (l) {
            l.errors.add(kind);
        }
        if (meter != null) {
            MeterEntry m = meters.computeIfAbsent(meter, a -> new MeterEntry(a, Instant.now()));
            synchronized (m) {
                m.errors.add(kind);
            }
        }
    }

    public void journaled(long telegrams, long readingCount, long eventCount) {
        accepted.add(telegrams);
        readings.add(readingCount);
        events.add(eventCount);
    }

    /** When the meter was last heard, or null. */
    public Instant lastSeen(MeterAddress meter) {
        MeterEntry e = meters.get(meter);
        if (e == null) {
            return null;
        }
        synchronized (e) {
            return e.last;
        }
    }

    @Override
    public Optional<MeterStatistics> meter(MeterAddress meter) {
        MeterEntry e = meters.get(meter);
        return e == null ? Optional.empty() : Optional.of(e.snapshot());
    }

    @Override
    public List<MeterStatistics> meters() {
        List<MeterStatistics> out = new ArrayList<>(meters.size());
        meters.values().forEach(e -> out.add(e.snapshot()));
        out.sort(Comparator.comparing(MeterStatistics::meter));
        return out;
    }

    @Override
    public List<LinkStatistics> links() {
        List<LinkStatistics> out = new ArrayList<>(links.size());
        links.values().forEach(e -> out.add(e.snapshot()));
        out.sort(Comparator.comparing(LinkStatistics::link));
        return out;
    }

    @Override
    public PipelineStatistics pipeline() {
        return new PipelineStatistics(received.sum(), duplicates.sum(), accepted.sum(), failed.sum(), readings.sum(),
                events.sum(), queued.getAsInt());
    }
}
