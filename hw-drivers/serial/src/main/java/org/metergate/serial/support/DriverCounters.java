package org.metergate.serial.support;

import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A driver's counters since start (TR 50572 communication statistics of a receiver): frames received, faults by
 * kind, frames dropped (nobody attached, or the listener failed), frames filtered (a mode not switched on) and
 * reconnections. Thread-safe; the reader thread counts, anyone reads.
 */
public final class DriverCounters implements FaultSink {

    private static final Logger LOG = LoggerFactory.getLogger(DriverCounters.class);

    private final String owner;
    private final AtomicLong received = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong filtered = new AtomicLong();
    private final AtomicLong reconnects = new AtomicLong();
    private final Map<FaultKind, AtomicLong> faults = new EnumMap<>(FaultKind.class);
    private final AtomicReference<Instant> lastReceived = new AtomicReference<>();
    private final AtomicReference<String> lastFault = new AtomicReference<>("");

    public DriverCounters(String owner) {
        this.owner = owner;
        for (FaultKind k : FaultKind.values()) {
            faults.put(k, new AtomicLong());
        }
    }

    public void frameReceived(Instant when) {
        received.incrementAndGet();
        lastReceived.set(when);
    }

    @Override
    public void fault(FaultKind kind, String detail) {
        faults.get(kind).incrementAndGet();
        lastFault.set(kind.label() + ": " + detail);
        LOG.debug("{}: {} fault: {}", owner, kind.label(), detail);
    }

    public void countDropped() {
        dropped.incrementAndGet();
    }

    public void countFiltered() {
        filtered.incrementAndGet();
    }

    public void reconnected() {
        reconnects.incrementAndGet();
    }

    public long received() {
        return received.get();
    }

    public long faults(FaultKind kind) {
        return faults.get(kind).get();
    }

    /** All faults, every kind. */
    public long faults() {
        long n = 0;
        for (AtomicLong a : faults.values()) {
            n += a.get();
        }
        return n;
    }

    public Map<FaultKind, Long> faultsByKind() {
        Map<FaultKind, Long> m = new EnumMap<>(FaultKind.class);
        faults.forEach((k, v) -> m.put(k, v.get()));
        return m;
    }

    public long dropped() {
        return dropped.get();
    }

    public long filtered() {
        return filtered.get();
    }

    public long reconnects() {
        return reconnects.get();
    }

    public Optional<Instant> lastReceived() {
        return Optional.ofNullable(lastReceived.get());
    }

    /** The last fault, e.g. {@code checksum: FCS 1234 expected 4321}, or empty. */
    public String lastFault() {
        return lastFault.get();
    }

    /** E.g. {@code received 12; errors: checksum 1, framing 2; dropped 0; filtered 0; reconnects 1}. */
    public String summary() {
        StringBuilder sb = new StringBuilder("received ").append(received.get()).append("; errors: ");
        boolean first = true;
        for (Map.Entry<FaultKind, AtomicLong> e : faults.entrySet()) {
            if (!first) {
                sb.append(", ");
            }
            first = false;
            sb.append(e.getKey().label()).append(' ').append(e.getValue().get());
        }
        return sb.append("; dropped ").append(dropped.get()).append("; filtered ").append(filtered.get())
                .append("; reconnects ").append(reconnects.get()).toString();
    }
}
