package org.metergate.security;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import org.metergate.api.meter.MeterId;
import org.metergate.api.security.MeterKey;

/**
 * An immutable set of meter keys: one key per meter and optionally a default key for meters without
 * their own. Changes return a new instance, so a store publishes a whole snapshot at once and its
 * readers look keys up without locks. Its text form shows counts only, never keys.
 *
 * <p>Every meter must have a manufacturer field below 0x8000 (three characters of the FLAG packing),
 * so that everything held here can be exported in the text format and imported back unchanged.
 */
public final class MeterKeys {

    private static final MeterKeys EMPTY = new MeterKeys(Map.of(), null);

    private final Map<MeterId, MeterKey> keys;
    private final MeterKey defaultKey;
    private final SortedSet<MeterId> meters;

    private MeterKeys(Map<MeterId, MeterKey> keys, MeterKey defaultKey) {
        this.keys = keys;
        this.defaultKey = defaultKey;
        this.meters = Collections.unmodifiableSortedSet(new TreeSet<>(keys.keySet()));
    }

    public static MeterKeys empty() {
        return EMPTY;
    }

    /** The given keys (copied) and default key. */
    public static MeterKeys of(Map<MeterId, MeterKey> keys, Optional<MeterKey> defaultKey) {
        Map<MeterId, MeterKey> copy = new HashMap<>(keys.size() * 2);
        keys.forEach((meter, key) -> copy.put(checked(meter), Objects.requireNonNull(key, "key")));
        return new MeterKeys(Collections.unmodifiableMap(copy), defaultKey.orElse(null));
    }

    /** The meter's own key, else the default key, else empty. O(1): one hash lookup. */
    public Optional<MeterKey> keyFor(MeterId meter) {
        MeterKey own = keys.get(Objects.requireNonNull(meter, "meter"));
        return Optional.ofNullable(own != null ? own : defaultKey);
    }

    /** The meter's own key, ignoring the default key. */
    public Optional<MeterKey> ownKey(MeterId meter) {
        return Optional.ofNullable(keys.get(Objects.requireNonNull(meter, "meter")));
    }

    public Optional<MeterKey> defaultKey() {
        return Optional.ofNullable(defaultKey);
    }

    /** The meters that have a key of their own, sorted. */
    public SortedSet<MeterId> meters() {
        return meters;
    }

    /** How many meters have a key of their own. */
    public int size() {
        return keys.size();
    }

    /** How many keys there are in all: the meters' keys plus the default key if there is one. */
    public int keyCount() {
        return keys.size() + (defaultKey != null ? 1 : 0);
    }

    public MeterKeys with(MeterId meter, MeterKey key) {
        Map<MeterId, MeterKey> copy = new HashMap<>(keys);
        copy.put(checked(meter), Objects.requireNonNull(key, "key"));
        return new MeterKeys(Collections.unmodifiableMap(copy), defaultKey);
    }

    public MeterKeys without(MeterId meter) {
        if (!keys.containsKey(meter)) {
            return this;
        }
        Map<MeterId, MeterKey> copy = new HashMap<>(keys);
        copy.remove(meter);
        return new MeterKeys(Collections.unmodifiableMap(copy), defaultKey);
    }

    public MeterKeys withDefault(MeterKey key) {
        return new MeterKeys(keys, Objects.requireNonNull(key, "key"));
    }

    public MeterKeys withoutDefault() {
        return defaultKey == null ? this : new MeterKeys(keys, null);
    }

    /** These keys with {@code other}'s added; where both have a key (or a default key), {@code other}'s wins. */
    public MeterKeys mergedWith(MeterKeys other) {
        Map<MeterId, MeterKey> copy = new HashMap<>(keys);
        copy.putAll(other.keys);
        return new MeterKeys(Collections.unmodifiableMap(copy), other.defaultKey != null ? other.defaultKey : defaultKey);
    }

    private static MeterId checked(MeterId meter) {
        Objects.requireNonNull(meter, "meter");
        if (meter.manufacturer().id() >= 0x8000) {
            throw new IllegalArgumentException("meter " + meter + ": manufacturer field 0x"
                    + Integer.toHexString(meter.manufacturer().id())
                    + " has bit 15 set, which the three-character code cannot show; no key can be kept for it");
        }
        return meter;
    }

    @Override
    public boolean equals(Object o) {
        // MeterKey.equals compares in constant time
        return o instanceof MeterKeys m && keys.equals(m.keys) && Objects.equals(defaultKey, m.defaultKey);
    }

    @Override
    public int hashCode() {
        return keys.keySet().hashCode() * 31 + (defaultKey != null ? 1 : 0); // never a hash of key material
    }

    @Override
    public String toString() {
        return "MeterKeys[" + describe() + "]";
    }

    /** For logs and text forms: counts only, e.g. {@code 2 meter keys, a default key}. */
    public String describe() {
        return keys.size() + (keys.size() == 1 ? " meter key, " : " meter keys, ")
                + (defaultKey != null ? "a default key" : "no default key");
    }
}
