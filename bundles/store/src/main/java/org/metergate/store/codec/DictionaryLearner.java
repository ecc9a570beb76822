package org.metergate.store.codec;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * Counts the repeating strings of one segment (quantity names, units, links, event types) so the
 * next segment's dictionary holds the ones used most. Not thread-safe: the journal encodes under its
 * append lock.
 */
public final class DictionaryLearner {

    /** Beyond this many distinct strings new ones are not tracked: a flood of unique strings must not eat memory. */
    static final int MAX_TRACKED = 4096;

    private final Map<String, int[]> counts = new HashMap<>();

    public void count(String s) {
        int[] c = counts.get(s);
        if (c != null) {
            c[0]++;
        } else if (counts.size() < MAX_TRACKED && StringDictionary.eligible(s)) {
            counts.put(s, new int[] {1});
        }
    }

    /**
     * The most frequent strings seen (seen at least twice), most frequent first so that they get the
     * one-byte references; then entries of {@code previous} to fill the remaining places, so a quiet
     * segment does not forget what the one before it knew.
     */
    public StringDictionary build(StringDictionary previous) {
        List<Map.Entry<String, int[]>> seen = new ArrayList<>(counts.entrySet());
        seen.removeIf(e -> e.getValue()[0] < 2);
        seen.sort((a, b) -> a.getValue()[0] != b.getValue()[0]
                ? Integer.compare(b.getValue()[0], a.getValue()[0]) : a.getKey().compareTo(b.getKey()));
        LinkedHashSet<String> out = new LinkedHashSet<>();
        for (Map.Entry<String, int[]> e : seen) {
            if (out.size() == StringDictionary.MAX_ENTRIES) {
                break;
            }
            out.add(e.getKey());
        }
        for (String s : previous.entries()) {
            if (out.size() == StringDictionary.MAX_ENTRIES) {
                break;
            }
            out.add(s);
        }
        return StringDictionary.of(new ArrayList<>(out));
    }

    public void reset() {
        counts.clear();
    }
}
