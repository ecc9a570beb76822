package org.metergate.serial.support;

import java.time.Duration;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * Hands the answers a reader thread decodes to the thread that sent a command. Answers that do not match the awaited
 * one (late answers to an earlier command) are discarded; the queue keeps at most 64.
 *
 * @param <M> the decoded message type
 */
public final class ResponseQueue<M> {

    private final LinkedBlockingQueue<M> queue = new LinkedBlockingQueue<>(64);

    /** Called by the reader thread. */
    public void offer(M message) {
        while (!queue.offer(message)) {
            queue.poll();
        }
    }

    /** Forgets answers nobody waited for; call before sending a command. */
    public void clear() {
        queue.clear();
    }

    /**
     * Waits for the first answer that matches.
     *
     * @param what names the command, for the timeout message
     * @throws ResponseTimeoutException when none came within {@code timeout}
     */
    public M await(Predicate<? super M> match, Duration timeout, String what)
            throws ResponseTimeoutException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            M m = left <= 0 ? null : queue.poll(left, TimeUnit.NANOSECONDS);
            if (m == null) {
                throw new ResponseTimeoutException(what + ": no answer within " + timeout.toMillis() + " ms");
            }
            if (match.test(m)) {
                return m;
            }
        }
    }
}
