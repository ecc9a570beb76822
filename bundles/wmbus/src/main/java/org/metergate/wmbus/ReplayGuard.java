package org.metergate.wmbus;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.metergate.api.meter.MeterId;
import org.metergate.wmbus.ReplayCheck.Counter;

/**
 * Replay detection per meter (EN 13757-7 / OMS): a telegram whose AFL message counter, or access number
 * when there is no AFL counter, goes back beyond a window is flagged as a replay. Flagged telegrams are
 * counted and reported in the decode result; the guard never drops anything.
 *
 * <p>The 32-bit message counter only goes up, so "back by more than the window" is exact. The 8-bit
 * access number wraps; a step back of 1..128 is "back", a step of 129..255 is read as a long gap forward
 * (a gateway may miss many telegrams). Only telegrams that passed their security check move the stored
 * counter, so a forged telegram cannot move it; a replay does not move it either. Thread-safe.
 */
public final class ReplayGuard {

    private final int accessNumberWindow;
    private final long messageCounterWindow;
    private final int maxMeters;
    private final ConcurrentHashMap<MeterId, long[]> last = new ConcurrentHashMap<>();
    private final AtomicLong replays = new AtomicLong();
    private final AtomicLong checked = new AtomicLong();

    /**
     * @param accessNumberWindow how far (0..127) an access number may go back without being a replay
     * @param messageCounterWindow how far a message counter may go back without being a replay (>= 0)
     * @param maxMeters meters remembered; beyond, the table starts again
     */
    public ReplayGuard(int accessNumberWindow, long messageCounterWindow, int maxMeters) {
        if (accessNumberWindow < 0 || accessNumberWindow > 127) {
            throw new IllegalArgumentException("access number window must be 0..127: " + accessNumberWindow);
        }
        if (messageCounterWindow < 0) {
            throw new IllegalArgumentException("message counter window must not be negative");
        }
        if (maxMeters < 1) {
            throw new IllegalArgumentException("maxMeters must be positive");
        }
        this.accessNumberWindow = accessNumberWindow;
        this.messageCounterWindow = messageCounterWindow;
        this.maxMeters = maxMeters;
    }

    /**
     * Checks a counter value of {@code meter}; when {@code commit}, a value that is not a replay becomes
     * the meter's last value (when it went forward).
     */
    public ReplayCheck check(MeterId meter, Counter counter, long value, boolean commit) {
        if (counter == Counter.NONE || value < 0) {
            return ReplayCheck.NOT_CHECKED;
        }
        checked.incrementAndGet();
        int slot = counter == Counter.MESSAGE_COUNTER ? 0 : 1;
        long[] state = last.get(meter);
        if (state == null) {
            if (last.size() >= maxMeters) {
                last.clear();
            }
            state = last.computeIfAbsent(meter, m -> new long[] {-1, -1});
        }
        ReplayVerdict verdict;
        long previous;
        synchronized (state) {
            previous = state[slot];
            if (previous < 0) {
                verdict = ReplayVerdict.FIRST;
            } else if (counter == Counter.MESSAGE_COUNTER) {
                long back = previous - value;
                verdict = back < 0 ? ReplayVerdict.FORWARD : back == 0 ? ReplayVerdict.SAME
                        : back <= messageCounterWindow ? ReplayVerdict.WITHIN_WINDOW : ReplayVerdict.REPLAY;
            } else {
                int forward = (int) ((value - previous) & 0xFF);
                int back = 256 - forward;
                verdict = forward == 0 ? ReplayVerdict.SAME : forward < 128 ? ReplayVerdict.FORWARD
                        : back <= accessNumberWindow ? ReplayVerdict.WITHIN_WINDOW : ReplayVerdict.REPLAY;
            }
            if (commit && (verdict == ReplayVerdict.FIRST || verdict == ReplayVerdict.FORWARD)) {
                state[slot] = value;
            }
        }
        if (verdict == ReplayVerdict.REPLAY) {
            replays.incrementAndGet();
        }
        return new ReplayCheck(verdict, counter, value, previous);
    }

    /** Telegrams flagged as replays so far. */
    public long replays() {
        return replays.get();
    }

    /** Telegrams checked so far. */
    public long checked() {
        return checked.get();
    }

    public int accessNumberWindow() {
        return accessNumberWindow;
    }

    public long messageCounterWindow() {
        return messageCounterWindow;
    }
}
