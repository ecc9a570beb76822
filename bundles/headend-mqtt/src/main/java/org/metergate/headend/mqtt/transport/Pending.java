package org.metergate.headend.mqtt.transport;

import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/** The publish futures still waiting for the broker, failed all at once when the connection is lost. */
final class Pending {

    private final Set<CompletableFuture<Void>> open = ConcurrentHashMap.newKeySet();

    CompletableFuture<Void> track(CompletableFuture<Void> f) {
        open.add(f);
        f.whenComplete((v, t) -> open.remove(f));
        return f;
    }

    void failAll(Throwable cause) {
        for (CompletableFuture<Void> f : open.toArray(CompletableFuture[]::new)) {
            f.completeExceptionally(cause);
        }
    }

    int size() {
        return open.size();
    }
}
