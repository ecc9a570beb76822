package org.metergate.headend.apps;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import org.metergate.api.headend.HeadEndResponse;
import org.metergate.api.meter.DiscoveredMeter;
import org.metergate.api.meter.Meter;
import org.metergate.api.meter.MeterAddress;
import org.metergate.api.reading.MeterEvent;
import org.metergate.api.reading.Reading;

/** JSON of the applications' bodies (schema in README "Head-end over MQTT"), and small helpers. */
final class Json {

    static final ObjectMapper MAPPER = JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

    private Json() {
    }

    static ObjectNode object() {
        return JsonNodeFactory.instance.objectNode();
    }

    static HeadEndResponse ok(Map<String, Object> metrics, JsonNode body) {
        try {
            return new HeadEndResponse(200, metrics, MAPPER.writeValueAsBytes(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static HeadEndResponse ok(JsonNode body) {
        return ok(Map.of(), body);
    }

    static JsonNode parse(byte[] body) throws BadRequest {
        if (body.length == 0) {
            return object();
        }
        try {
            return MAPPER.readTree(body);
        } catch (IOException e) {
            throw new BadRequest("the body is not JSON: " + e.getMessage());
        }
    }

    static ObjectNode address(MeterAddress a) {
        ObjectNode m = object();
        m.put("id", a.meterId().toString());
        m.put("manufacturer", a.manufacturer().code());
        m.put("identification", a.identification());
        m.put("version", a.version());
        m.put("deviceType", a.deviceType());
        m.put("medium", a.medium().name());
        return m;
    }

    static ObjectNode meter(Meter m) {
        ObjectNode n = address(m.address());
        n.put("label", m.label());
        n.put("owner", m.owner());
        n.put("keyReference", m.keyReference());
        n.put("expectedIntervalS", m.expectedInterval().toSeconds());
        n.put("installed", m.installed().toString());
        return n;
    }

    static ObjectNode discovered(DiscoveredMeter d) {
        ObjectNode n = address(d.address());
        n.put("link", d.link());
        if (d.rssiDbm().isPresent()) {
            n.put("rssiDbm", d.rssiDbm().getAsInt());
        } else {
            n.putNull("rssiDbm");
        }
        n.put("firstHeard", d.firstHeard().toString());
        n.put("lastHeard", d.lastHeard().toString());
        n.put("telegrams", d.telegrams());
        return n;
    }

    /** A reading as the push carries it; {@code id} null when it does not come from the journal. */
    static ObjectNode reading(Long id, Reading r) {
        ObjectNode n = object();
        if (id == null) {
            n.putNull("id");
        } else {
            n.put("id", id);
        }
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

    static ObjectNode event(MeterEvent e) {
        ObjectNode n = object();
        n.put("type", e.type().name());
        n.put("meter", e.meter() == null ? null : e.meter().meterId().toString());
        n.put("time", e.time().toString());
        n.put("link", e.link());
        n.put("detail", e.detail());
        return n;
    }

    /** An instant from a metric: ISO-8601 text or epoch milliseconds. */
    static Instant instant(Object v, String name) throws BadRequest {
        if (v instanceof Number n) {
            return Instant.ofEpochMilli(n.longValue());
        }
        if (v instanceof String s) {
            try {
                return Instant.parse(s.trim());
            } catch (DateTimeParseException e) {
                try {
                    return Instant.ofEpochMilli(Long.parseLong(s.trim()));
                } catch (NumberFormatException n2) {
                    throw new BadRequest(name + " must be an ISO-8601 instant or epoch milliseconds: " + s);
                }
            }
        }
        throw new BadRequest(name + " must be an ISO-8601 instant or epoch milliseconds");
    }

    /** A 400 answer with its reason. */
    static final class BadRequest extends Exception {
        private static final long serialVersionUID = 1L;
        final int code;

        BadRequest(String message) {
            this(400, message);
        }

        BadRequest(int code, String message) {
            super(message);
            this.code = code;
        }

        HeadEndResponse response() {
            return HeadEndResponse.error(code, getMessage());
        }
    }
}
