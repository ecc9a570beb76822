package org.metergate.headend.mqtt.protocol;

import java.time.Instant;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The message model of the G interface, the one Eclipse Kura and Kapua use: a time stamp, an optional
 * position, typed metrics (name to value) and an opaque body. Metric values are {@link Double},
 * {@link Float}, {@link Long}, {@link Integer}, {@link Boolean}, {@link String} or {@code byte[]} (the
 * protobuf metric types). Encoded as JSON or as the Kura protobuf by {@link PayloadCodec}.
 *
 * @param timestamp when the message was made, or null
 * @param position where, or null
 * @param metrics the metrics in insertion order (unmodifiable)
 * @param body the body, empty when there is none
 */
public record KuraPayload(Instant timestamp, KuraPosition position, Map<String, Object> metrics, byte[] body) {

    public KuraPayload {
        Map<String, Object> copy = new LinkedHashMap<>();
        for (Map.Entry<String, ?> e : metrics.entrySet()) {
            Objects.requireNonNull(e.getKey(), "metric name");
            copy.put(e.getKey(), checkType(e.getKey(), e.getValue()));
        }
        metrics = Collections.unmodifiableMap(copy);
        body = body == null ? new byte[0] : body.clone();
    }

    public KuraPayload(Instant timestamp, Map<String, ?> metrics) {
        this(timestamp, null, Map.copyOf(metrics), null);
    }

    @Override
    public byte[] body() {
        return body.clone();
    }

    /** The metric as a string: strings as they are, numbers and booleans as text; null when absent. */
    public String string(String name) {
        Object v = metrics.get(name);
        return v == null ? null : v instanceof byte[] ? null : String.valueOf(v);
    }

    /** The metric as a long when it is an integer number (or a string of one); null otherwise. */
    public Long longValue(String name) {
        Object v = metrics.get(name);
        if (v instanceof Long || v instanceof Integer) {
            return ((Number) v).longValue();
        }
        if (v instanceof String s) {
            try {
                return Long.valueOf(s.trim());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    /** A copy with more metrics (later ones replace earlier ones with the same name). */
    public KuraPayload with(Map<String, ?> more) {
        Map<String, Object> m = new LinkedHashMap<>(metrics);
        m.putAll(more);
        return new KuraPayload(timestamp, position, m, body);
    }

    static Object checkType(String name, Object v) {
        if (v instanceof Double || v instanceof Float || v instanceof Long || v instanceof Integer || v instanceof Boolean
                || v instanceof String) {
            return v;
        }
        if (v instanceof byte[] b) {
            return b.clone();
        }
        if (v instanceof Short || v instanceof Byte) {
            return ((Number) v).intValue();
        }
        throw new IllegalArgumentException("metric " + name + " has a type a Kura payload cannot carry: "
                + (v == null ? "null" : v.getClass().getSimpleName()));
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof KuraPayload p) || !Objects.equals(timestamp, p.timestamp) || !Objects.equals(position, p.position)
                || !Arrays.equals(body, p.body) || !metrics.keySet().equals(p.metrics.keySet())) {
            return false;
        }
        for (Map.Entry<String, Object> e : metrics.entrySet()) {
            Object other = p.metrics.get(e.getKey());
            if (e.getValue() instanceof byte[] a ? !(other instanceof byte[] b && Arrays.equals(a, b)) : !e.getValue().equals(other)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        return Objects.hash(timestamp, metrics.keySet(), Arrays.hashCode(body));
    }

    @Override
    public String toString() {
        return "KuraPayload[" + timestamp + ", metrics " + metrics.keySet() + ", body " + body.length + " bytes]";
    }
}
