package org.metergate.headend.mqtt.protocol;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.metergate.headend.mqtt.protocol.proto.KuraPayloadProto;

/**
 * Encodes and decodes {@link KuraPayload}s: the JSON form (default) or the Kura protobuf, optionally
 * gzip-compressed. Decoding recognises all four by their first bytes (gzip magic {@code 1F 8B}, then
 * {@code {} for JSON, else protobuf).
 *
 * <p>The JSON form, one object:
 * <pre>
 * {"sentOn": 1732190000000,                  epoch ms (Kura "timestamp"), optional
 *  "position": {"latitude": .., "longitude": .., ...},               optional
 *  "metrics": {"request.id": "r-1", "count": 3, "ratio": 0.5, "ok": true, "raw": {"bytes": "AQI="}},
 *  "body": {...}   the body when it is a JSON document (Metergate's bodies are)
 *  "body64": "..." the body in base64 when it is not JSON}
 * </pre>
 * Metric values: JSON integers are INT64 ({@link Long}), other numbers DOUBLE, strings, booleans, and
 * {@code {"bytes": base64}} for BYTES. Unknown top-level fields are ignored (forward compatible).
 */
public final class PayloadCodec {

    /** Largest payload accepted after decompression (a gzip bomb is refused, not inflated). */
    public static final int MAX_PAYLOAD_BYTES = 16 * 1024 * 1024;

    static final ObjectMapper JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    /** A decoded payload and how it came. */
    public record Decoded(KuraPayload payload, PayloadFormat format, boolean gzipped) {
    }

    private PayloadCodec() {
    }

    public static byte[] encode(KuraPayload p, PayloadFormat format, boolean gzip) {
        byte[] raw = format == PayloadFormat.KURA_PROTOBUF ? protobuf(p) : json(p);
        return gzip ? gzip(raw) : raw;
    }

    public static Decoded decode(byte[] bytes) throws PayloadException {
        boolean gzipped = bytes.length >= 2 && (bytes[0] & 0xFF) == 0x1F && (bytes[1] & 0xFF) == 0x8B;
        byte[] raw = gzipped ? gunzip(bytes) : bytes;
        int i = 0;
        while (i < raw.length && (raw[i] == ' ' || raw[i] == '\n' || raw[i] == '\r' || raw[i] == '\t')) {
            i++;
        }
        if (raw.length == 0) {
            return new Decoded(new KuraPayload(null, null, Map.of(), null), PayloadFormat.JSON, gzipped);
        }
        if (i < raw.length && raw[i] == '{') {
            return new Decoded(fromJson(raw), PayloadFormat.JSON, gzipped);
        }
        return new Decoded(fromProtobuf(raw), PayloadFormat.KURA_PROTOBUF, gzipped);
    }

    // --- JSON

    static byte[] json(KuraPayload p) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        if (p.timestamp() != null) {
            root.put("sentOn", p.timestamp().toEpochMilli());
        }
        if (p.position() != null) {
            root.set("position", JSON.valueToTree(p.position()));
        }
        ObjectNode metrics = root.putObject("metrics");
        for (Map.Entry<String, Object> e : p.metrics().entrySet()) {
            Object v = e.getValue();
            if (v instanceof Long l) {
                metrics.put(e.getKey(), l);
            } else if (v instanceof Integer n) {
                metrics.put(e.getKey(), n);
            } else if (v instanceof Double d) {
                metrics.put(e.getKey(), d);
            } else if (v instanceof Float f) {
                metrics.put(e.getKey(), f);
            } else if (v instanceof Boolean b) {
                metrics.put(e.getKey(), b);
            } else if (v instanceof byte[] b) {
                metrics.putObject(e.getKey()).put("bytes", Base64.getEncoder().encodeToString(b));
            } else {
                metrics.put(e.getKey(), (String) v);
            }
        }
        byte[] body = p.body();
        if (body.length > 0) {
            JsonNode doc = jsonDocument(body);
            if (doc != null) {
                root.set("body", doc);
            } else {
                root.put("body64", Base64.getEncoder().encodeToString(body));
            }
        }
        try {
            return JSON.writeValueAsBytes(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("JSON encoding of a tree cannot fail", e);
        }
    }

    /**
     * The body as a JSON tree when it is a JSON object or array that the decoder gives back byte for
     * byte, else null (then it travels as body64). Parsing alone is not enough: a reader stops after the
     * first value, so binary data that merely starts like JSON (a chunk of a package, "[0]...") would
     * lose everything after it, and JSON with other spacing would come back different.
     */
    private static JsonNode jsonDocument(byte[] body) {
        if (body[0] != '{' && body[0] != '[') {
            return null;
        }
        try {
            JsonNode tree = JSON.readTree(body);
            return tree != null && Arrays.equals(JSON.writeValueAsBytes(tree), body) ? tree : null;
        } catch (IOException e) {
            return null;
        }
    }

    static KuraPayload fromJson(byte[] raw) throws PayloadException {
        JsonNode root;
        try {
            root = JSON.readTree(raw);
        } catch (JsonProcessingException e) {
            throw new PayloadException("not valid JSON at line " + (e.getLocation() == null ? "?" : e.getLocation().getLineNr())
                    + ": " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new PayloadException("not valid JSON: " + e.getMessage());
        }
        if (root == null || !root.isObject()) {
            throw new PayloadException("a JSON payload must be an object");
        }
        Instant ts = null;
        JsonNode sentOn = root.get("sentOn");
        if (sentOn != null && !sentOn.isNull()) {
            if (!sentOn.canConvertToLong() || !sentOn.isIntegralNumber()) {
                throw new PayloadException("JSON payload: sentOn must be epoch milliseconds (an integer)");
            }
            ts = Instant.ofEpochMilli(sentOn.longValue());
        }
        KuraPosition position = null;
        JsonNode pos = root.get("position");
        if (pos != null && !pos.isNull()) {
            if (!pos.isObject() || !pos.path("latitude").isNumber() || !pos.path("longitude").isNumber()) {
                throw new PayloadException("JSON payload: position needs numeric latitude and longitude");
            }
            position = new KuraPosition(pos.get("latitude").doubleValue(), pos.get("longitude").doubleValue(),
                    dbl(pos, "altitude"), dbl(pos, "precision"), dbl(pos, "heading"), dbl(pos, "speed"),
                    pos.path("timestamp").isIntegralNumber() ? pos.get("timestamp").longValue() : null,
                    pos.path("satellites").isIntegralNumber() ? pos.get("satellites").intValue() : null,
                    pos.path("status").isIntegralNumber() ? pos.get("status").intValue() : null);
        }
        Map<String, Object> metrics = new LinkedHashMap<>();
        JsonNode m = root.get("metrics");
        if (m != null && !m.isNull()) {
            if (!m.isObject()) {
                throw new PayloadException("JSON payload: metrics must be an object");
            }
            Iterator<Map.Entry<String, JsonNode>> it = m.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                metrics.put(e.getKey(), metricValue(e.getKey(), e.getValue()));
            }
        }
        byte[] body = null;
        JsonNode b = root.get("body");
        JsonNode b64 = root.get("body64");
        if (b != null && !b.isNull()) {
            if (!b.isContainerNode()) {
                throw new PayloadException("JSON payload: body must be a JSON object or array (use body64 for bytes)");
            }
            try {
                body = JSON.writeValueAsBytes(b);
            } catch (JsonProcessingException e) {
                throw new PayloadException("JSON payload: body cannot be written back: " + e.getOriginalMessage());
            }
        } else if (b64 != null && !b64.isNull()) {
            try {
                body = Base64.getDecoder().decode(b64.asText());
            } catch (IllegalArgumentException e) {
                throw new PayloadException("JSON payload: body64 is not base64");
            }
        }
        return new KuraPayload(ts, position, metrics, body);
    }

    private static Double dbl(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v != null && v.isNumber() ? v.doubleValue() : null;
    }

    private static Object metricValue(String name, JsonNode v) throws PayloadException {
        if (v.isIntegralNumber()) {
            if (!v.canConvertToLong()) {
                throw new PayloadException("JSON payload: metric " + name + " is an integer beyond 64 bits");
            }
            return v.longValue();
        }
        if (v.isNumber()) {
            return v.doubleValue();
        }
        if (v.isTextual()) {
            return v.textValue();
        }
        if (v.isBoolean()) {
            return v.booleanValue();
        }
        if (v.isObject() && v.size() == 1 && v.path("bytes").isTextual()) {
            try {
                return Base64.getDecoder().decode(v.get("bytes").textValue());
            } catch (IllegalArgumentException e) {
                throw new PayloadException("JSON payload: metric " + name + " has bytes that are not base64");
            }
        }
        throw new PayloadException("JSON payload: metric " + name + " must be a number, string, boolean or {\"bytes\": base64}");
    }

    // --- protobuf

    static byte[] protobuf(KuraPayload p) {
        KuraPayloadProto.KuraPayload.Builder b = KuraPayloadProto.KuraPayload.newBuilder();
        if (p.timestamp() != null) {
            b.setTimestamp(p.timestamp().toEpochMilli());
        }
        if (p.position() != null) {
            KuraPosition q = p.position();
            KuraPayloadProto.KuraPayload.KuraPosition.Builder pb = KuraPayloadProto.KuraPayload.KuraPosition.newBuilder()
                    .setLatitude(q.latitude()).setLongitude(q.longitude());
            if (q.altitude() != null) pb.setAltitude(q.altitude());
            if (q.precision() != null) pb.setPrecision(q.precision());
            if (q.heading() != null) pb.setHeading(q.heading());
            if (q.speed() != null) pb.setSpeed(q.speed());
            if (q.timestamp() != null) pb.setTimestamp(q.timestamp());
            if (q.satellites() != null) pb.setSatellites(q.satellites());
            if (q.status() != null) pb.setStatus(q.status());
            b.setPosition(pb);
        }
        for (Map.Entry<String, Object> e : p.metrics().entrySet()) {
            KuraPayloadProto.KuraPayload.KuraMetric.Builder m = KuraPayloadProto.KuraPayload.KuraMetric.newBuilder().setName(e.getKey());
            Object v = e.getValue();
            if (v instanceof Double d) {
                m.setType(KuraPayloadProto.KuraPayload.KuraMetric.ValueType.DOUBLE).setDoubleValue(d);
            } else if (v instanceof Float f) {
                m.setType(KuraPayloadProto.KuraPayload.KuraMetric.ValueType.FLOAT).setFloatValue(f);
            } else if (v instanceof Long l) {
                m.setType(KuraPayloadProto.KuraPayload.KuraMetric.ValueType.INT64).setLongValue(l);
            } else if (v instanceof Integer n) {
                m.setType(KuraPayloadProto.KuraPayload.KuraMetric.ValueType.INT32).setIntValue(n);
            } else if (v instanceof Boolean bo) {
                m.setType(KuraPayloadProto.KuraPayload.KuraMetric.ValueType.BOOL).setBoolValue(bo);
            } else if (v instanceof byte[] by) {
                m.setType(KuraPayloadProto.KuraPayload.KuraMetric.ValueType.BYTES).setBytesValue(ByteString.copyFrom(by));
            } else {
                m.setType(KuraPayloadProto.KuraPayload.KuraMetric.ValueType.STRING).setStringValue((String) v);
            }
            b.addMetric(m);
        }
        byte[] body = p.body();
        if (body.length > 0) {
            b.setBody(ByteString.copyFrom(body));
        }
        return b.build().toByteArray();
    }

    static KuraPayload fromProtobuf(byte[] raw) throws PayloadException {
        KuraPayloadProto.KuraPayload pb;
        try {
            pb = KuraPayloadProto.KuraPayload.parseFrom(raw);
        } catch (InvalidProtocolBufferException e) {
            throw new PayloadException("neither JSON nor a valid Kura protobuf payload: " + e.getMessage());
        }
        Map<String, Object> metrics = new LinkedHashMap<>();
        for (KuraPayloadProto.KuraPayload.KuraMetric m : pb.getMetricList()) {
            Object v = switch (m.getType()) {
                case DOUBLE -> m.hasDoubleValue() ? m.getDoubleValue() : null;
                case FLOAT -> m.hasFloatValue() ? m.getFloatValue() : null;
                case INT64 -> m.hasLongValue() ? m.getLongValue() : null;
                case INT32 -> m.hasIntValue() ? m.getIntValue() : null;
                case BOOL -> m.hasBoolValue() ? m.getBoolValue() : null;
                case STRING -> m.hasStringValue() ? m.getStringValue() : null;
                case BYTES -> m.hasBytesValue() ? m.getBytesValue().toByteArray() : null;
            };
            if (v == null) {
                throw new PayloadException("Kura protobuf payload: metric " + m.getName() + " of type " + m.getType() + " has no value");
            }
            metrics.put(m.getName(), v);
        }
        KuraPosition position = null;
        if (pb.hasPosition()) {
            KuraPayloadProto.KuraPayload.KuraPosition q = pb.getPosition();
            position = new KuraPosition(q.getLatitude(), q.getLongitude(), q.hasAltitude() ? q.getAltitude() : null,
                    q.hasPrecision() ? q.getPrecision() : null, q.hasHeading() ? q.getHeading() : null,
                    q.hasSpeed() ? q.getSpeed() : null, q.hasTimestamp() ? q.getTimestamp() : null,
                    q.hasSatellites() ? q.getSatellites() : null, q.hasStatus() ? q.getStatus() : null);
        }
        return new KuraPayload(pb.hasTimestamp() ? Instant.ofEpochMilli(pb.getTimestamp()) : null, position, metrics,
                pb.hasBody() ? pb.getBody().toByteArray() : null);
    }

    // --- gzip

    static byte[] gzip(byte[] raw) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length / 2 + 32);
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(raw);
        } catch (IOException e) {
            throw new IllegalStateException("gzip into memory cannot fail", e);
        }
        return out.toByteArray();
    }

    static byte[] gunzip(byte[] bytes) throws PayloadException {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buf = new byte[8192];
            int n;
            while ((n = in.read(buf)) > 0) {
                out.write(buf, 0, n);
                if (out.size() > MAX_PAYLOAD_BYTES) {
                    throw new PayloadException("gzip payload inflates beyond " + MAX_PAYLOAD_BYTES + " bytes");
                }
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new PayloadException("broken gzip payload: " + e.getMessage());
        }
    }

    /** The shared JSON mapper configuration (exact decimals, duplicate keys refused). */
    public static ObjectMapper json() {
        return JSON;
    }


}
