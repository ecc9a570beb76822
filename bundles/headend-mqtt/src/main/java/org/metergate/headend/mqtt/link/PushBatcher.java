package org.metergate.headend.mqtt.link;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.metergate.api.meter.MeterAddress;
import org.metergate.api.reading.MeterEvent;
import org.metergate.api.reading.Reading;
import org.metergate.api.reading.UplinkEntry;
import org.metergate.headend.mqtt.protocol.Topics;

/**
 * Cuts a batch of journal entries into push messages: one meter's readings (or events) per message,
 * at most {@code maxItems} each, in journal order within every meter, and the messages ordered by
 * their first entry so the head-end sees the journal's order as far as one message per meter allows.
 */
final class PushBatcher {

    /** One push message: the entries of one meter (null: the gateway) and one kind. */
    record Message(String kind, MeterAddress meter, List<UplinkEntry> entries) {

        String meterLevel() {
            return meter == null ? Topics.GATEWAY : meter.meterId().toString();
        }

        long firstId() {
            return entries.get(0).sequence();
        }

        long lastId() {
            return entries.get(entries.size() - 1).sequence();
        }
    }

    private PushBatcher() {
    }

    static List<Message> messages(List<UplinkEntry> entries, int maxItems) {
        Map<String, List<UplinkEntry>> open = new LinkedHashMap<>();
        Map<String, MeterAddress> meters = new LinkedHashMap<>();
        List<Message> out = new ArrayList<>();
        for (UplinkEntry e : entries) {
            String kind;
            MeterAddress meter;
            if (e.item() instanceof Reading r) {
                kind = Topics.READINGS;
                meter = r.meter();
            } else if (e.item() instanceof MeterEvent ev) {
                kind = Topics.EVENTS;
                meter = ev.meter();
            } else {
                continue;
            }
            String key = kind + "|" + (meter == null ? "" : meter.toString());
            List<UplinkEntry> list = open.computeIfAbsent(key, k -> new ArrayList<>());
            meters.put(key, meter);
            list.add(e);
            if (list.size() >= maxItems) {
                out.add(new Message(kind, meter, List.copyOf(list)));
                open.remove(key);
            }
        }
        for (Map.Entry<String, List<UplinkEntry>> e : open.entrySet()) {
            String kind = e.getKey().substring(0, e.getKey().indexOf('|'));
            out.add(new Message(kind, meters.get(e.getKey()), List.copyOf(e.getValue())));
        }
        out.sort((a, b) -> Long.compare(a.firstId(), b.firstId()));
        return out;
    }
}
