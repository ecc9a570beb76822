package org.metergate.driver.replay;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.metergate.api.radio.RadioModeId;
import org.metergate.api.radio.TransceiverListener;
import org.metergate.api.telegram.RawTelegram;
import org.metergate.api.telegram.ReceiveInfo;

/**
 * Plays recorded frames to a listener with their recorded spacing, scaled by a speed factor.
 * Frames in modes that are not active are not delivered, as a real receiver would not hear them.
 * Plain Java, so the timing logic is tested without a framework.
 */
final class ReplayPlayer implements Runnable {

    /** Waits; a seam so tests need not sleep. */
    interface Sleeper {
        void sleepMillis(long millis) throws InterruptedException;
    }

    private final String receiverId;
    private final Recording recording;
    private final double speed;
    private final boolean loop;
    private final Supplier<TransceiverListener> listener;
    private final Supplier<Set<RadioModeId>> activeModes;
    private final Clock clock;
    private final Sleeper sleeper;
    private final AtomicLong delivered = new AtomicLong();
    private final AtomicLong filtered = new AtomicLong();
    private volatile Instant lastDelivered;
    private volatile String failure;

    ReplayPlayer(String receiverId, Recording recording, double speed, boolean loop,
                 Supplier<TransceiverListener> listener, Supplier<Set<RadioModeId>> activeModes,
                 Clock clock, Sleeper sleeper) {
        if (speed < 0 || Double.isNaN(speed) || Double.isInfinite(speed)) {
            throw new IllegalArgumentException("speed must be 0 (no pauses) or positive: " + speed);
        }
        this.receiverId = receiverId;
        this.recording = recording;
        this.speed = speed;
        this.loop = loop;
        this.listener = listener;
        this.activeModes = activeModes;
        this.clock = clock;
        this.sleeper = sleeper;
    }

    @Override
    public void run() {
        try {
            boolean played;
            do {
                played = playOnce() > 0;
            } while (loop && played && !Thread.currentThread().isInterrupted());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException | ReplayFileException e) {
            failure = e.getMessage();
        }
    }

    /** Plays the recording once; returns how many frames it held. */
    private long playOnce() throws InterruptedException, IOException, ReplayFileException {
        long previous = 0;
        long count = 0;
        try (Recording.Frames frames = recording.open()) {
            for (RecordedFrame f = frames.next(); f != null; f = frames.next()) {
                count++;
                long gap = f.offsetMillis() - previous;
                previous = f.offsetMillis();
                if (speed > 0 && gap > 0) {
                    sleeper.sleepMillis(Math.max(1, Math.round(gap / speed)));
                }
                if (Thread.currentThread().isInterrupted()) {
                    throw new InterruptedException();
                }
                deliver(f);
            }
        }
        return count;
    }

    private void deliver(RecordedFrame f) throws InterruptedException {
        if (f.mode() != null && !activeModes.get().contains(f.mode())) {
            filtered.incrementAndGet();
            return;
        }
        TransceiverListener l = listener.get();
        while (l == null) { // nobody attached: wait instead of losing the recording
            sleeper.sleepMillis(50);
            l = listener.get();
        }
        Instant now = clock.instant();
        l.received(new RawTelegram(f.frame(), f.format(),
                new ReceiveInfo(now, f.rssiDbm(), "", f.mode() == null ? "" : f.mode().label(), receiverId)));
        lastDelivered = now;
        delivered.incrementAndGet();
    }

    /** Why playing stopped early (the file became unreadable), or null. */
    String failure() {
        return failure;
    }

    long delivered() {
        return delivered.get();
    }

    long filtered() {
        return filtered.get();
    }

    Instant lastDelivered() {
        return lastDelivered;
    }
}
