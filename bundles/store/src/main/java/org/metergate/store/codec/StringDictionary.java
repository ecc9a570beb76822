package org.metergate.store.codec;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.metergate.api.reading.EventType;
import org.metergate.api.reading.Unit;

/**
 * The strings a segment refers to by number: quantity names, unit symbols, link names and event
 * types repeat in nearly every record, so a segment stores them once, in its header, and each record
 * stores a one- or two-byte reference instead. The dictionary is immutable; each segment carries its
 * own, learned from what the previous segment held most often, so a segment can be read on its own.
 */
public final class StringDictionary {

    /** At most this many entries, so that a reference to the most frequent 64 takes one byte. */
    public static final int MAX_ENTRIES = 256;
    /** Longer strings are always stored inline. */
    public static final int MAX_ENTRY_BYTES = 128;

    public static final StringDictionary EMPTY = new StringDictionary(List.of());

    private final List<String> entries;
    private final Map<String, Integer> ids;

    private StringDictionary(List<String> entries) {
        this.entries = entries;
        Map<String, Integer> m = new HashMap<>(entries.size() * 2);
        for (int i = 0; i < entries.size(); i++) {
            m.put(entries.get(i), i);
        }
        this.ids = m;
    }

    /** A dictionary of these strings, in this order; rejects duplicates, too many or too long entries. */
    public static StringDictionary of(List<String> strings) {
        if (strings.size() > MAX_ENTRIES) {
            throw new IllegalArgumentException("a dictionary holds at most " + MAX_ENTRIES + " strings, not " + strings.size());
        }
        LinkedHashSet<String> unique = new LinkedHashSet<>();
        for (String s : strings) {
            if (!eligible(s)) {
                throw new IllegalArgumentException("not a dictionary string (null or over " + MAX_ENTRY_BYTES + " bytes): " + s);
            }
            if (!unique.add(s)) {
                throw new IllegalArgumentException("duplicate dictionary string: " + s);
            }
        }
        return new StringDictionary(Collections.unmodifiableList(new ArrayList<>(unique)));
    }

    /**
     * The dictionary of a journal's first segment: the unit symbols of the API, the event types, and
     * the EN 13757-3 quantity names that almost every meter sends. Later segments learn their own.
     */
    public static StringDictionary seed() {
        LinkedHashSet<String> s = new LinkedHashSet<>(List.of(
                "energy", "volume", "flow temperature", "return temperature", "temperature difference",
                "power", "volume flow", "mass", "mass flow", "external temperature", "pressure", "on time",
                "operating time", "date and time", "date", "fabrication no", "error flags", "units for H.C.A.",
                "voltage", "current", "relative humidity"));
        for (Unit u : List.of(Unit.NONE, Unit.WATT_HOUR, Unit.JOULE, Unit.CUBIC_METRE, Unit.KILOGRAM, Unit.TONNE,
                Unit.SECOND, Unit.MINUTE, Unit.HOUR, Unit.DAY, Unit.MONTH, Unit.YEAR, Unit.WATT, Unit.JOULE_PER_HOUR,
                Unit.CUBIC_METRE_PER_HOUR, Unit.CUBIC_METRE_PER_MINUTE, Unit.CUBIC_METRE_PER_SECOND,
                Unit.KILOGRAM_PER_HOUR, Unit.DEGREE_CELSIUS, Unit.KELVIN, Unit.BAR, Unit.VOLT, Unit.AMPERE, Unit.HERTZ,
                Unit.VOLT_AMPERE, Unit.VAR, Unit.VOLT_AMPERE_HOUR, Unit.VAR_HOUR, Unit.PERCENT, Unit.RELATIVE_HUMIDITY,
                Unit.DECIBEL_MILLIWATT, Unit.HCA_UNITS, Unit.CURRENCY)) {
            s.add(u.symbol());
        }
        for (EventType t : EventType.values()) {
            s.add(t.name());
        }
        return of(new ArrayList<>(s).subList(0, Math.min(s.size(), MAX_ENTRIES)));
    }

    static boolean eligible(String s) {
        return s != null && s.length() <= MAX_ENTRY_BYTES && utf8Length(s) <= MAX_ENTRY_BYTES;
    }

    static int utf8Length(String s) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                n++;
            } else if (c < 0x800) {
                n += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                n += 4;
                i++;
            } else {
                n += 3;
            }
        }
        return n;
    }

    public int size() {
        return entries.size();
    }

    public List<String> entries() {
        return entries;
    }

    /** The entry's number, or -1 when the string is not in the dictionary. */
    public int idOf(String s) {
        Integer id = ids.get(s);
        return id == null ? -1 : id;
    }

    public String get(int id) throws RecordFormatException {
        if (id < 0 || id >= entries.size()) {
            throw new RecordFormatException("string reference " + id + " outside the segment's dictionary of " + entries.size());
        }
        return entries.get(id);
    }

    /** Count, then each entry as UTF-8 length and bytes. */
    public void writeTo(ByteSink out) {
        out.writeVarLong(entries.size());
        for (String e : entries) {
            byte[] b = e.getBytes(StandardCharsets.UTF_8);
            out.writeVarLong(b.length);
            out.writeBytes(b);
        }
    }

    public static StringDictionary readFrom(ByteSource in) throws RecordFormatException {
        int n = (int) in.readVarLong("dictionary size", MAX_ENTRIES);
        List<String> list = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int len = (int) in.readVarLong("dictionary entry length", MAX_ENTRY_BYTES);
            list.add(in.readUtf8(len, "dictionary entry"));
        }
        try {
            return of(list);
        } catch (IllegalArgumentException e) {
            throw new RecordFormatException("bad segment dictionary: " + e.getMessage(), e);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StringDictionary d && d.entries.equals(entries);
    }

    @Override
    public int hashCode() {
        return entries.hashCode();
    }

    @Override
    public String toString() {
        return "StringDictionary" + entries;
    }
}
