package org.metergate.link.wmbus;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.metergate.api.command.CommandRequest;
import org.metergate.api.command.CommandResult;
import org.metergate.api.meter.MeterAddress;
import org.metergate.api.meter.MeterId;
import org.metergate.api.radio.RadioMode;
import org.metergate.api.radio.RadioModeId;
import org.metergate.api.radio.ResponseDelay;
import org.metergate.api.radio.ResponseWindow;
import org.metergate.api.radio.Transceiver;

/**
 * Commands to meters in bidirectional modes (S2, T2, C2, N2x, F2): a meter listens only for a short
 * time after its own frames, so a command waits here until the meter signals that it is accessible,
 * is then sent in the meter's response window (EN 13757-4, as the radio mode's facts give it: e.g.
 * 2-3 ms in T2, 100 ms fast or 1000 ms slow in C2), through the transceiver that heard the meter, and
 * is done when the meter answers (RSP_UD for a read, ACK for a send). Without an answer it is sent
 * again in the next window, until the request's deadline.
 */
final class AccessWindowCommands {

    /** Sends a frame through a transceiver; a seam for tests. */
    interface Sender {
        void send(Transceiver transceiver, RadioModeId mode, byte[] frame) throws IOException;
    }

    private static final class Pending {
        final CommandRequest request;
        final CompletableFuture<CommandResult> result = new CompletableFuture<>();
        Instant sentAt;
        int attempts;

        Pending(CommandRequest request) {
            this.request = request;
        }
    }

    private record Heard(Transceiver transceiver, RadioModeId mode, Instant last) {
    }

    private final Clock clock;
    private final ScheduledExecutorService timer;
    private final Sender sender;
    private final ZoneId meterZone;
    private final Duration answerGrace;
    private final Map<MeterId, Deque<Pending>> queued = new HashMap<>();
    private final Map<MeterId, Pending> awaiting = new HashMap<>();
    private final Map<MeterId, Heard> heard = new HashMap<>();
    private final Map<MeterId, Boolean> fcb = new HashMap<>();
    private final Map<MeterId, Integer> accessNumbers = new HashMap<>();
    final AtomicLong sentInWindow = new AtomicLong();
    final AtomicLong sentLate = new AtomicLong();
    final AtomicLong answered = new AtomicLong();

    AccessWindowCommands(Clock clock, ScheduledExecutorService timer, Sender sender, ZoneId meterZone, Duration answerGrace) {
        this.clock = clock;
        this.timer = timer;
        this.sender = sender;
        this.meterZone = meterZone;
        this.answerGrace = answerGrace;
    }

    /** True when the meter was heard by this link in a mode in which it listens. */
    synchronized boolean reaches(MeterAddress meter) {
        return heard.containsKey(meter.meterId());
    }

    synchronized CompletionStage<CommandResult> submit(CommandRequest request) {
        Pending p = new Pending(request);
        try {
            DownlinkFrames.of(request.command(), request.meter(), false, 0, meterZone); // can it be sent at all?
        } catch (IllegalArgumentException e) {
            p.result.complete(new CommandResult(request.id(), CommandResult.Outcome.FAILED, e.getMessage(), List.of()));
            return p.result;
        }
        queued.computeIfAbsent(request.meter().meterId(), k -> new ArrayDeque<>()).add(p);
        long untilDeadline = Math.max(0, Duration.between(clock.instant(), request.deadline()).toMillis());
        timer.schedule(() -> expire(p), untilDeadline, TimeUnit.MILLISECONDS);
        return p.result;
    }

    private synchronized void expire(Pending p) {
        MeterId id = p.request.meter().meterId();
        Deque<Pending> q = queued.get(id);
        if (q != null) {
            q.remove(p);
        }
        awaiting.remove(id, p);
        p.result.complete(new CommandResult(p.request.id(), CommandResult.Outcome.TIMED_OUT,
                p.attempts == 0 ? "the meter opened no access window before the deadline"
                        : "no answer after " + p.attempts + " attempt(s) in the meter's access window", List.of()));
    }

    /** A frame the link received from a meter, in a radio mode (null when the receiver did not say). */
    void frame(AccessSignal signal, Instant received, Transceiver from, RadioMode mode, int accessNumber) {
        Pending toSend;
        long delayMillis;
        synchronized (this) {
            MeterId id = signal.meter().meterId();
            Pending sent = awaiting.get(id);
            if (sent != null && signal.isAnswer()) {
                awaiting.remove(id);
                answered.incrementAndGet();
                sent.result.complete(new CommandResult(sent.request.id(), CommandResult.Outcome.DONE,
                        ((signal.cField() & 0x0F) == AccessSignal.ACK ? "acknowledged" : "answered with data") + " "
                                + Duration.between(sent.sentAt, received).toMillis() + " ms after the command", List.of()));
                return;
            }
            if (mode == null || !mode.id().bidirectional() || !signal.bidirectional()) {
                return;
            }
            heard.put(id, new Heard(from, mode.id(), received));
            if (accessNumber >= 0) {
                accessNumbers.put(id, accessNumber);
            }
            Deque<Pending> q = queued.get(id);
            if (!signal.accessible() || sent != null || q == null || q.isEmpty()) {
                return;
            }
            // the delay the frame asks for; without an ELL to say so, the mode's standard window, else its slow
            // one (EN 13757-4: C and N meters answer fast only when their ELL asks for it)
            java.util.Optional<ResponseWindow> w = mode.spec().responseWindow(signal.delay())
                    .or(() -> mode.spec().responseWindow(ResponseDelay.STANDARD))
                    .or(() -> mode.spec().responseWindow(ResponseDelay.SLOW));
            if (w.isEmpty()) {
                return; // the mode's facts give no response window: nothing can be sent in it
            }
            ResponseWindow window = w.get();
            toSend = q.poll();
            long elapsed = Duration.between(received, clock.instant()).toMillis();
            delayMillis = Math.max(0, window.middle().toMillis() - elapsed);
            if (elapsed > window.latest().toMillis()) {
                sentLate.incrementAndGet();
            } else {
                sentInWindow.incrementAndGet();
            }
            boolean bit = !fcb.getOrDefault(id, false);
            fcb.put(id, bit);
            byte[] frame = DownlinkFrames.of(toSend.request.command(), toSend.request.meter(), bit,
                    accessNumbers.getOrDefault(id, 0), meterZone);
            Pending p = toSend;
            awaiting.put(id, p);
            timer.schedule(() -> transmit(p, from, mode.id(), frame, window), delayMillis, TimeUnit.MILLISECONDS);
        }
    }

    private void transmit(Pending p, Transceiver from, RadioModeId mode, byte[] frame, ResponseWindow window) {
        synchronized (this) {
            if (p.result.isDone()) {
                return;
            }
            p.sentAt = clock.instant();
            p.attempts++;
        }
        try {
            sender.send(from, mode, frame);
        } catch (IOException e) {
            retryLater(p, "sending failed: " + e.getMessage());
            return;
        }
        long wait = window.latest().toMillis() + answerGrace.toMillis();
        timer.schedule(() -> retryLater(p, "no answer"), wait, TimeUnit.MILLISECONDS);
    }

    /** No answer (or no send): the command goes back to the front of the queue for the next window. */
    private synchronized void retryLater(Pending p, String why) {
        MeterId id = p.request.meter().meterId();
        if (p.result.isDone() || awaiting.get(id) != p) {
            return;
        }
        awaiting.remove(id);
        queued.computeIfAbsent(id, k -> new ArrayDeque<>()).addFirst(p);
    }

    synchronized int waiting() {
        int n = awaiting.size();
        for (Deque<Pending> q : queued.values()) {
            n += q.size();
        }
        return n;
    }
}
