package org.metergate.serial.support;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.List;
import java.util.EnumSet;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.BiConsumer;
import org.metergate.api.link.LinkState;
import org.metergate.api.link.LinkStatus;
import org.metergate.api.radio.RadioModeId;
import org.metergate.api.radio.Transceiver;
import org.metergate.api.radio.TransceiverListener;
import org.metergate.api.telegram.RawTelegram;
import org.metergate.api.telegram.ReceiveInfo;
import org.metergate.api.telegram.TelegramFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The part of a {@link Transceiver} that does not depend on the hardware: a {@link ConnectionSupervisor} keeps the
 * device connected; the wanted radio modes survive reconnects (a session is opened with them, and switching while
 * the device is down only records them); received frames go to the attached listener or are counted as dropped;
 * {@link #status()} reports the supervisor's state with the counters. A driver supplies the session and, where its
 * hardware can only listen to some combinations, the choice of modes.
 *
 * @param <S> the driver's session type
 */
public abstract class SupervisedTransceiver<S extends RadioSession> implements Transceiver {

    private static final Logger LOG = LoggerFactory.getLogger(SupervisedTransceiver.class);

    private final String id;
    private final Set<RadioModeId> supported;
    private final DriverCounters counters;
    private final ConnectionSupervisor<S> supervisor;
    private final Clock clock;
    private final Object modeLock = new Object();
    private static final int HISTORY = 32;

    private final EnumSet<RadioModeId> initialModes;
    private final ArrayDeque<String> history = new ArrayDeque<>();
    private volatile Set<RadioModeId> active;
    private volatile TransceiverListener listener;

    protected SupervisedTransceiver(String id, Set<RadioModeId> supported, Set<RadioModeId> initialModes,
                                    Backoff backoff, Clock clock) throws IOException {
        this(id, supported, initialModes, backoff, clock, Sleeper.SYSTEM, (s, d) -> { });
    }

    /**
     * @param initialModes the modes to receive until a link switches; must be supported
     * @param stateListener told every state change (for tests and logs)
     */
    protected SupervisedTransceiver(String id, Set<RadioModeId> supported, Set<RadioModeId> initialModes,
                                    Backoff backoff, Clock clock, Sleeper sleeper,
                                    BiConsumer<LinkState, String> stateListener) throws IOException {
        this.id = Objects.requireNonNull(id, "id");
        if (id.isBlank()) {
            throw new IllegalArgumentException("transceiver id must not be blank");
        }
        this.supported = Collections.unmodifiableSet(EnumSet.copyOf(supported));
        this.clock = Objects.requireNonNull(clock, "clock");
        this.counters = new DriverCounters(id);
        this.supervisor = new ConnectionSupervisor<>(id, this::openSession, backoff, counters, sleeper, (st, why) -> {
            synchronized (history) {
                if (history.size() == HISTORY) {
                    history.removeFirst();
                }
                history.addLast(st + " " + why);
            }
            stateListener.accept(st, why);
        });
        this.initialModes = EnumSet.noneOf(RadioModeId.class);
        this.initialModes.addAll(initialModes);
        EnumSet<RadioModeId> unsupported = EnumSet.copyOf(this.initialModes);
        unsupported.removeAll(this.supported);
        if (!unsupported.isEmpty()) {
            throw new IOException(id + " cannot receive " + unsupported + " (supports " + supported + ")");
        }
        this.active = Collections.unmodifiableSet(EnumSet.copyOf(this.initialModes));
    }

    /**
     * Opens the device and initialises it for {@link #activeModes()}; throws when it is absent or does not answer.
     * Runs on the supervisor thread.
     */
    protected abstract S openSession() throws IOException, InterruptedException;

    /**
     * The modes the hardware will listen to when asked for {@code requested} (a non-empty subset of the supported
     * modes). Hardware that listens to one mode or a few combinations picks one here; the default takes all.
     *
     * @throws IOException when no choice is possible
     */
    protected Set<RadioModeId> choose(Set<RadioModeId> requested) throws IOException {
        return requested;
    }

    /**
     * Chooses the modes to receive from the initial ones (with {@link #choose}, which a subclass may only call once it
     * is constructed) and starts connecting; call once after construction.
     *
     * @throws IOException when the hardware cannot receive the initial modes in any combination
     */
    public final void start() throws IOException {
        active = checkedChoice(initialModes);
        supervisor.start();
    }

    /** Closes the device and stops reconnecting. */
    public final void stop() {
        supervisor.stop(Duration.ofSeconds(3));
    }

    @Override
    public final String id() {
        return id;
    }

    @Override
    public final Set<RadioModeId> supportedModes() {
        return supported;
    }

    @Override
    public final Set<RadioModeId> activeModes() {
        return active;
    }

    @Override
    public final void activate(Set<RadioModeId> modes) throws IOException {
        Set<RadioModeId> chosen = checkedChoice(modes);
        synchronized (modeLock) {
            S s = supervisor.current();
            if (s != null && !chosen.isEmpty()) {
                try {
                    s.applyModes(chosen);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException(id + ": interrupted while switching to " + chosen, e);
                }
            }
            active = chosen;
        }
        LOG.info("{}: receiving {}{}", id, chosen, supervisor.current() == null ? " once the device is back" : "");
    }

    private Set<RadioModeId> checkedChoice(Set<RadioModeId> modes) throws IOException {
        if (modes.isEmpty()) {
            return Set.of(); // hear nothing: frames are filtered, the hardware keeps its last mode
        }
        EnumSet<RadioModeId> wanted = EnumSet.copyOf(modes);
        EnumSet<RadioModeId> unsupported = EnumSet.copyOf(wanted);
        unsupported.removeAll(supported);
        if (!unsupported.isEmpty()) {
            throw new IOException(id + " cannot receive " + unsupported + " (supports " + supported + ")");
        }
        Set<RadioModeId> chosen = choose(Collections.unmodifiableSet(wanted));
        if (chosen.isEmpty() || !supported.containsAll(chosen)) {
            throw new IllegalStateException(id + ": driver chose " + chosen + " for " + wanted);
        }
        return Collections.unmodifiableSet(EnumSet.copyOf(chosen));
    }

    /**
     * Narrows the active modes to what the hardware turned out to receive when it connected (e.g. its firmware cannot
     * listen to a combination); {@code modes} must be a non-empty subset of the active modes.
     */
    protected final void narrowActiveModes(Set<RadioModeId> modes) {
        synchronized (modeLock) {
            if (modes.isEmpty() || !active.containsAll(modes)) {
                throw new IllegalArgumentException(modes + " is not a non-empty subset of " + active);
            }
            LOG.warn("{}: the device receives only {} of {}", id, modes, active);
            active = Collections.unmodifiableSet(EnumSet.copyOf(modes));
        }
    }

    /** Switches the device while holding the mode lock, e.g. around a send in another mode. */
    protected final Object modeLock() {
        return modeLock;
    }

    @Override
    public final void setListener(TransceiverListener listener) {
        this.listener = listener;
    }

    @Override
    public void send(RadioModeId mode, byte[] frame) throws IOException {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(frame, "frame");
        if (!mode.bidirectional()) {
            throw new IOException(mode + " is a one-way mode: nothing may be sent in it");
        }
        if (!supported.contains(mode)) {
            throw new IOException(id + " cannot send in " + mode + " (supports " + supported + ")");
        }
        if (frame.length < 2 || (frame[0] & 0xFF) != frame.length - 1) {
            throw new IOException("frame length " + frame.length + " does not match its L-field "
                    + (frame.length == 0 ? "(none)" : frame[0] & 0xFF) + " (expected L = bytes after L, no CRCs)");
        }
        S s = supervisor.current();
        if (s == null) {
            throw new IOException(id + " is down: " + supervisor.detail());
        }
        synchronized (modeLock) {
            try {
                s.send(mode, frame);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(id + ": interrupted while sending", e);
            }
        }
    }

    /**
     * Hands a received frame to the listener. Frames in a known mode that is not active are filtered; with no
     * listener, or a listener that fails, the frame is dropped. Every outcome is counted.
     *
     * @param mode the mode the frame was received in, or null when the hardware does not say
     */
    protected final void deliver(byte[] frame, TelegramFormat format, OptionalInt rssiDbm, RadioModeId mode) {
        deliver(frame, format, rssiDbm, mode, clock.instant());
    }

    /** As {@link #deliver(byte[], TelegramFormat, OptionalInt, RadioModeId)}, with the time the source reported. */
    protected final void deliver(byte[] frame, TelegramFormat format, OptionalInt rssiDbm, RadioModeId mode,
                                 Instant time) {
        Set<RadioModeId> now = active;
        if (now.isEmpty() || (mode != null && !now.contains(mode))) {
            counters.countFiltered();
            return;
        }
        RawTelegram t = new RawTelegram(frame, format,
                new ReceiveInfo(time, rssiDbm, "", mode == null ? "" : mode.label(), id));
        counters.frameReceived(t.info().time());
        TransceiverListener l = listener;
        if (l == null) {
            counters.countDropped();
            return;
        }
        try {
            l.received(t);
        } catch (RuntimeException e) {
            counters.countDropped();
            LOG.error("{}: listener failed on a frame; frame dropped", id, e);
        }
    }

    /** The mode to stamp on frames when the hardware does not say: the active mode if there is exactly one. */
    protected final RadioModeId singleActiveMode() {
        Set<RadioModeId> now = active;
        return now.size() == 1 ? now.iterator().next() : null;
    }

    /** The counters of this transceiver. */
    public final DriverCounters counters() {
        return counters;
    }

    protected final Clock clock() {
        return clock;
    }

    /** The last state changes, oldest first, e.g. {@code DOWN /dev/ttyUSB0 disappeared (system error 5)}. */
    public final List<String> stateHistory() {
        synchronized (history) {
            return List.copyOf(history);
        }
    }

    /** The supervisor's state, e.g. for a shell. */
    public final LinkState state() {
        return supervisor.state();
    }

    @Override
    public LinkStatus status() {
        String last = counters.lastFault();
        String detail = supervisor.detail() + "; modes " + active + "; " + counters.summary()
                + (last.isEmpty() ? "" : "; last fault " + last);
        return new LinkStatus(supervisor.state(), counters.received(), counters.faults(), counters.dropped(),
                counters.lastReceived(), detail);
    }
}
