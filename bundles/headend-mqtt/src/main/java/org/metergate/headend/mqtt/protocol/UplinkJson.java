package org.metergate.headend.mqtt.protocol;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.metergate.api.meter.MeterAddress;
import org.metergate.api.reading.MeterEvent;
import org.metergate.api.reading.Reading;
import org.metergate.api.reading.UplinkEntry;

/**
 * The JSON documents of pushed meter data (the body of a push message, README "Head-end over MQTT").
 * A readings message of one meter:
 * <pre>
 * {"meter": {"id": "KAM-12345678", "manufacturer": "KAM", "identification": "12345678", "version": 1,
 *            "deviceType": 7, "medium": "WATER"},
 *  "readings": [{"id": 1021, "quantity": "volume", "value": 12.565, "unit": "m3", "storage": 0, "tariff": 0,
 *                "subunit": 0, "function": "instantaneous", "time": "2025-11-21T13:00:00Z", "obis": null}]}
 * </pre>
 * An events message: {@code "meter"} (null for gateway events) and {@code "events": [{"id", "type",
 * "time", "link", "detail"}]}. {@code id} is the journal sequence: the stable id of the item (a
 * redelivery has the same id). {@code value} is the exact decimal, never rounded through a binary
 * double. Items are in journal order.
 */
public final class UplinkJson {

    /** A reading as pushed. */
    public record PushedReading(long id, String meter, String quantity, BigDecimal value, String unit, long storage,
                                int tariff, int subunit, String function, Instant time, String obis) {
    }

    /** An event as pushed; {@code meter} empty for gateway events. */
    public record PushedEvent(long id, String meter, String type, Instant time, String link, String detail) {
    }

    /** A decoded push body. */
    public record PushBody(String meter, List<PushedReading> readings, List<PushedEvent> events) {
    }

    private UplinkJson() {
    }

    public static ObjectNode meter(MeterAddress a) {
        ObjectNode m = JsonNodeFactory.instance.objectNode();
        m.put("id", a.meterId().toString());
        m.put("manufacturer", a.manufacturer().code());
        m.put("identification", a.identification());
        m.put("version", a.version());
        m.put("deviceType", a.deviceType());
        m.put("medium", a.medium().name());
        return m;
    }

    public static ObjectNode reading(long id, Reading r) {
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        n.put("id", id);
        n.put("quantity", r.quantity());
        n.put("value", r.value());
        n.put("unit", r.unit().symbol());
        n.put("storage", r.storage());
        n.put("tariff", r.tariff());
        n.put("subunit", r.subunit());
        n.put("function", r.function().name().toLowerCase(Locale.ROOT));
        n.put("time", r.time().toString());
        if (r.obis() == null) {
            n.putNull("obis");
        } else {
            n.put("obis", r.obis().toString());
        }
        return n;
    }

    public static ObjectNode event(long id, MeterEvent e) {
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        n.put("id", id);
        n.put("type", e.type().name());
        n.put("time", e.time().toString());
        n.put("link", e.link());
        n.put("detail", e.detail());
        return n;
    }

    /** The body of a push message: entries of one meter (or of none), all readings or all events. */
    public static byte[] body(MeterAddress meter, List<UplinkEntry> entries) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        if (meter == null) {
            root.putNull("meter");
        } else {
            root.set("meter", meter(meter));
        }
        ArrayNode readings = null;
        ArrayNode events = null;
        for (UplinkEntry e : entries) {
            if (e.item() instanceof Reading r) {
                if (readings == null) {
                    readings = root.putArray("readings");
                }
                readings.add(reading(e.sequence(), r));
            } else if (e.item() instanceof MeterEvent ev) {
                if (events == null) {
                    events = root.putArray("events");
                }
                events.add(event(e.sequence(), ev));
            }
        }
        return bytes(root);
    }

    public static byte[] bytes(JsonNode node) {
        try {
            return PayloadCodec.JSON.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("JSON encoding of a tree cannot fail", e);
        }
    }

    /** Decodes a push body; a clear {@link PayloadException} when it does not follow the schema. */
    public static PushBody decode(byte[] body) throws PayloadException {
        JsonNode root;
        try {
            root = PayloadCodec.JSON.readTree(body);
        } catch (IOException e) {
            throw new PayloadException("push body is not JSON: " + e.getMessage());
        }
        if (root == null || !root.isObject()) {
            throw new PayloadException("push body must be a JSON object");
        }
        String meter = root.path("meter").path("id").asText("");
        List<PushedReading> readings = new ArrayList<>();
        for (JsonNode r : root.path("readings")) {
            if (!r.path("id").canConvertToLong() || !r.path("value").isNumber()) {
                throw new PayloadException("push body: a reading needs a numeric id and value");
            }
            readings.add(new PushedReading(r.get("id").longValue(), meter, r.path("quantity").asText(),
                    r.get("value").decimalValue(), r.path("unit").asText(), r.path("storage").asLong(), r.path("tariff").asInt(),
                    r.path("subunit").asInt(), r.path("function").asText(), instant(r.path("time").asText()),
                    r.path("obis").isNull() ? null : r.path("obis").asText(null)));
        }
        List<PushedEvent> events = new ArrayList<>();
        for (JsonNode e : root.path("events")) {
            if (!e.path("id").canConvertToLong()) {
                throw new PayloadException("push body: an event needs a numeric id");
            }
            events.add(new PushedEvent(e.get("id").longValue(), meter, e.path("type").asText(), instant(e.path("time").asText()),
                    e.path("link").asText(""), e.path("detail").asText("")));
        }
        return new PushBody(meter, readings, events);
    }

    private static Instant instant(String s) throws PayloadException {
        try {
            return Instant.parse(s);
        } catch (DateTimeParseException e) {
            throw new PayloadException("push body: time is not an ISO-8601 instant: " + s);
        }
    }
}
