package org.metergate.provisioning.deploy;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiPredicate;

/**
 * Sends job notifications through the head-end link: every change of a job's state, and its progress
 * while downloading at most every 5 % or 2 s. A state change that could not be sent (link down) is
 * sent again later, so the head-end learns how a deployment ended even across a reconnection.
 */
final class Notifier {

    private final BiPredicate<String, Map<String, Object>> send;
    private final Map<String, Pending> pending = new LinkedHashMap<>();
    private final Map<String, long[]> lastProgress = new LinkedHashMap<>();

    private record Pending(String resource, Map<String, Object> metrics) {
    }

    Notifier(BiPredicate<String, Map<String, Object>> send) {
        this.send = send;
    }

    synchronized void state(Job j, String resource, Map<String, Object> metrics) {
        if (!trySend(resource, metrics)) {
            pending.put(j.id, new Pending(resource, metrics));
        } else {
            pending.remove(j.id);
        }
    }

    synchronized void progress(Job j, String resource, Map<String, Object> metrics) {
        long now = System.nanoTime();
        long[] last = lastProgress.computeIfAbsent(j.id, k -> new long[] {-100, 0});
        if (j.progress - last[0] >= 5 || now - last[1] > 2_000_000_000L || j.progress == 100) {
            last[0] = j.progress;
            last[1] = now;
            trySend(resource, metrics);
        }
    }

    synchronized void retry() {
        pending.entrySet().removeIf(e -> trySend(e.getValue().resource(), e.getValue().metrics()));
    }

    private boolean trySend(String resource, Map<String, Object> metrics) {
        try {
            return send.test(resource, metrics);
        } catch (RuntimeException e) {
            return false;
        }
    }
}
