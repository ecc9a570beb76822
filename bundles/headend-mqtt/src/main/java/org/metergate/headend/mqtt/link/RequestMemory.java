package org.metergate.headend.mqtt.link;

import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.metergate.api.headend.HeadEndResponse;

/**
 * Which requests were seen and what they were answered, for a while: a request id repeated by its
 * requester (after a reconnect, a lost reply) and a {@code job.id} seen before get the earlier answer
 * again instead of a second execution. A request still being handled is not started again. Bounded in
 * time and size.
 */
final class RequestMemory {

    static final int MAX_ENTRIES = 10_000;

    /** What is known about a request: in progress (response null) or answered. */
    record Entry(HeadEndResponse response, long at) {
    }

    private final long ttlNanos;
    private final Map<String, Entry> entries = new LinkedHashMap<>();

    RequestMemory(Duration ttl) {
        this.ttlNanos = ttl.toNanos();
    }

    /** Marks a key as in progress; returns the earlier entry when the key is known (then nothing changes). */
    synchronized Entry begin(String key, long now) {
        expire(now);
        Entry e = entries.get(key);
        if (e != null) {
            return e;
        }
        entries.put(key, new Entry(null, now));
        return null;
    }

    synchronized Entry get(String key, long now) {
        expire(now);
        return entries.get(key);
    }

    synchronized void answer(String key, HeadEndResponse response, long now) {
        entries.remove(key);
        entries.put(key, new Entry(response, now));
        while (entries.size() > MAX_ENTRIES) {
            Iterator<String> it = entries.keySet().iterator();
            it.next();
            it.remove();
        }
    }

    synchronized void forget(String key) {
        entries.remove(key);
    }

    private void expire(long now) {
        Iterator<Entry> it = entries.values().iterator();
        while (it.hasNext()) {
            Entry e = it.next();
            if (now - e.at() > ttlNanos) {
                it.remove();
            } else {
                break; // insertion order = time order
            }
        }
    }
}
