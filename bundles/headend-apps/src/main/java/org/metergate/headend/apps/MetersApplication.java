package org.metergate.headend.apps;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.metergate.api.command.CommandRequest;
import org.metergate.api.command.CommandResult;
import org.metergate.api.command.CommandRouter;
import org.metergate.api.command.MeterCommand;
import org.metergate.api.headend.HeadEndApplication;
import org.metergate.api.headend.HeadEndRequest;
import org.metergate.api.headend.HeadEndResponse;
import org.metergate.api.headend.RequestMethod;
import org.metergate.api.meter.DiscoveredMeter;
import org.metergate.api.meter.ManufacturerCode;
import org.metergate.api.meter.Meter;
import org.metergate.api.meter.MeterAddress;
import org.metergate.api.meter.MeterId;
import org.metergate.api.meter.MeterRegistry;
import org.metergate.api.reading.Reading;
import org.metergate.api.reading.ReadingQuery;
import org.metergate.api.security.MeterKey;
import org.metergate.api.security.MeterKeyStore;
import org.metergate.api.stats.CommunicationStatistics;
import org.metergate.headend.security.KeyTransport;
import org.metergate.headend.security.crypto.EcKeys;
import org.metergate.headend.security.crypto.KeyEnvelope;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * METERS-V1: the gateway's meters for the head-end (TR 50572 meter registration, new meter
 * identification, remote reading). Resources: {@code GET meters}, {@code GET meters/{id}},
 * {@code GET meters/{id}/readings} (metric {@code since}), {@code GET discovered},
 * {@code EXEC meters/{id}/read}, {@code POST meters} (adopt), {@code DEL meters/{id}},
 * {@code GET keys/transport}, {@code PUT keys/{id}} (encrypted key import). A consumer sees only the
 * meters whose owner is their requester id.
 */
@Component(service = HeadEndApplication.class, property = HeadEndApplication.APP_ID + "=" + MetersApplication.APP)
public final class MetersApplication implements HeadEndApplication {

    public static final String APP = "METERS-V1";
    static final Duration READ_WAIT = Duration.ofSeconds(30);

    private final MeterRegistry registry;
    private final ReadingHistory history;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    volatile ReadingQuery latest;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    volatile CommunicationStatistics statistics;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    volatile CommandRouter router;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    volatile MeterKeyStore keys;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    volatile KeyTransport transport;

    @Activate
    public MetersApplication(@Reference MeterRegistry registry, @Reference ReadingHistory history) {
        this.registry = registry;
        this.history = history;
    }

    @Override
    public HeadEndResponse handle(HeadEndRequest r) throws Exception {
        try {
            return route(r);
        } catch (Json.BadRequest e) {
            return e.response();
        }
    }

    private HeadEndResponse route(HeadEndRequest r) throws Exception {
        List<String> res = r.resource();
        String role = String.valueOf(r.metrics().getOrDefault("metergate.role", ""));
        String first = res.isEmpty() ? "" : res.get(0);
        RequestMethod m = r.method();
        if (first.equals("meters")) {
            if (res.size() == 1 && m == RequestMethod.GET) {
                return list(role, r.requester());
            }
            if (res.size() == 1 && m == RequestMethod.POST) {
                return adopt(r);
            }
            if (res.size() >= 2) {
                Meter meter = Meters.installed(registry, res.get(1));
                if (!Meters.visible(meter, role, r.requester())) {
                    throw new Json.BadRequest(404, "no installed meter " + meter.address().meterId());
                }
                if (res.size() == 2 && m == RequestMethod.GET) {
                    return details(meter);
                }
                if (res.size() == 2 && m == RequestMethod.DEL) {
                    registry.remove(meter.address());
                    return Json.ok(Map.of("removed", meter.address().meterId().toString()), Json.object());
                }
                if (res.size() == 3 && res.get(2).equals("readings") && m == RequestMethod.GET) {
                    return readings(meter, r.metrics());
                }
                if (res.size() == 3 && res.get(2).equals("read") && m == RequestMethod.EXEC) {
                    return read(meter, r);
                }
            }
        } else if (first.equals("discovered") && res.size() == 1 && m == RequestMethod.GET) {
            ArrayNode a = Json.object().arrayNode();
            for (DiscoveredMeter d : registry.discovered()) {
                a.add(Json.discovered(d));
            }
            ObjectNode body = Json.object();
            body.set("discovered", a);
            return Json.ok(Map.of("count", a.size()), body);
        } else if (first.equals("keys") && res.size() == 2) {
            if (res.get(1).equals("transport") && m == RequestMethod.GET) {
                KeyTransport t = need(transport, "the key-transport service");
                return Json.ok(Map.of("public.key", t.publicKeyBase64(), "key.id", EcKeys.keyId(t.publicKey())), Json.object());
            }
            if (m == RequestMethod.PUT) {
                return importKey(r, Meters.id(res.get(1)));
            }
        }
        throw new Json.BadRequest(404, "METERS-V1 has no " + m + " " + String.join("/", res));
    }

    private static <T> T need(T service, String what) throws Json.BadRequest {
        if (service == null) {
            throw new Json.BadRequest(503, what + " is not deployed on this gateway");
        }
        return service;
    }

    private HeadEndResponse list(String role, String requester) {
        ArrayNode a = Json.object().arrayNode();
        for (Meter m : registry.meters()) {
            if (Meters.visible(m, role, requester)) {
                a.add(Json.meter(m));
            }
        }
        ObjectNode body = Json.object();
        body.set("meters", a);
        return Json.ok(Map.of("count", a.size()), body);
    }

    private HeadEndResponse details(Meter meter) {
        ObjectNode body = Json.object();
        body.set("meter", Json.meter(meter));
        CommunicationStatistics st = statistics;
        if (st != null) {
            st.meter(meter.address()).ifPresent(s -> {
                ObjectNode n = body.putObject("statistics");
                n.put("firstSeen", String.valueOf(s.firstSeen()));
                n.put("lastSeen", String.valueOf(s.lastSeen()));
                n.put("telegrams", s.telegrams());
                n.put("receptions", s.receptions());
                n.put("rssiAverage", s.rssi().average());
                ObjectNode errors = n.putObject("errors");
                s.errors().forEach((k, v) -> errors.put(k.name(), v));
            });
        }
        ArrayNode latestArray = body.putArray("latest");
        ReadingQuery q = latest;
        if (q != null) {
            for (Reading r : q.latest(meter.address())) {
                latestArray.add(Json.reading(null, r));
            }
        }
        return Json.ok(body);
    }

    private HeadEndResponse readings(Meter meter, Map<String, Object> metrics) throws Json.BadRequest {
        Object sinceMetric = metrics.get("since");
        int limit = 1000;
        if (metrics.get("limit") instanceof Number n) {
            limit = (int) Math.max(1, Math.min(10_000, n.longValue()));
        }
        ObjectNode body = Json.object();
        body.set("meter", Json.meter(meter));
        ArrayNode a = body.putArray("readings");
        if (sinceMetric == null) {
            body.put("source", "latest");
            ReadingQuery q = latest;
            if (q != null) {
                for (Reading r : q.latest(meter.address())) {
                    a.add(Json.reading(null, r));
                }
            }
        } else {
            Instant since = Json.instant(sinceMetric, "since");
            body.put("source", "journal");
            body.put("completeSince", history.completeSince(meter.address().meterId()).toString());
            for (ReadingHistory.Entry e : history.since(meter.address().meterId(), since, limit)) {
                a.add(Json.reading(e.sequence(), e.reading()));
            }
        }
        return Json.ok(Map.of("count", a.size()), body);
    }

    private HeadEndResponse read(Meter meter, HeadEndRequest r) throws Exception {
        CommandRouter cr = need(router, "the command router");
        String id = Commands.commandId(r);
        CommandResult result;
        try {
            result = cr.submit(new CommandRequest(id, meter.address(), new MeterCommand.OnDemandRead(), r.requester(),
                    Instant.now().plus(READ_WAIT))).toCompletableFuture().get(READ_WAIT.toSeconds() + 5, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            return HeadEndResponse.error(504, "the meter did not answer within " + READ_WAIT.toSeconds() + " s");
        }
        return Commands.response(result);
    }

    private HeadEndResponse adopt(HeadEndRequest r) throws Json.BadRequest {
        JsonNode body = Json.parse(r.body());
        MeterAddress address;
        Object fromDiscovered = r.metrics().get("meter");
        if (fromDiscovered != null) {
            MeterId id = Meters.id(String.valueOf(fromDiscovered));
            address = registry.discovered().stream().map(DiscoveredMeter::address).filter(a -> a.meterId().equals(id))
                    .findFirst().orElseThrow(() -> new Json.BadRequest(404, "meter " + id + " was not heard: give its full address in the body"));
        } else {
            JsonNode a = body.path("address");
            if (!a.path("manufacturer").isTextual() || !a.path("identification").isTextual() || !a.path("version").canConvertToInt()
                    || !a.path("deviceType").canConvertToInt()) {
                throw new Json.BadRequest("adopt needs metric 'meter' (a discovered meter) or a body {\"address\": {\"manufacturer\","
                        + " \"identification\", \"version\", \"deviceType\"}}");
            }
            try {
                address = new MeterAddress(ManufacturerCode.of(a.get("manufacturer").asText()), a.get("identification").asText(),
                        a.get("version").asInt(), a.get("deviceType").asInt());
            } catch (IllegalArgumentException e) {
                throw new Json.BadRequest("bad meter address: " + e.getMessage());
            }
        }
        Meter meter;
        try {
            meter = new Meter(address, body.path("label").asText(""), body.path("owner").asText(""), body.path("keyReference").asText(""),
                    Duration.ofSeconds(body.path("expectedIntervalS").asLong(0)), Instant.now());
        } catch (IllegalArgumentException e) {
            throw new Json.BadRequest("bad meter: " + e.getMessage());
        }
        registry.install(meter);
        ObjectNode out = Json.object();
        out.set("meter", Json.meter(meter));
        return Json.ok(Map.of("adopted", address.meterId().toString()), out);
    }

    private HeadEndResponse importKey(HeadEndRequest r, MeterId meter) throws Json.BadRequest, IOException {
        KeyTransport t = need(transport, "the key-transport service");
        MeterKeyStore store = need(keys, "the meter key store");
        Object env = r.metrics().get("envelope");
        if (env == null) {
            env = Json.parse(r.body()).path("envelope").asText(null);
        }
        if (env == null) {
            throw new Json.BadRequest("key import needs the encrypted key: metric or body field 'envelope' (base64 key envelope)");
        }
        byte[] envelope;
        try {
            envelope = env instanceof byte[] b ? b : Base64.getDecoder().decode(String.valueOf(env).trim());
        } catch (IllegalArgumentException e) {
            throw new Json.BadRequest("envelope is not base64");
        }
        String gateway = String.valueOf(r.metrics().getOrDefault("metergate.gateway", ""));
        byte[] plain = null;
        try {
            plain = t.open(envelope, KeyEnvelope.meterKeyContext(gateway, meter.toString()));
            store.put(meter, MeterKey.of(plain));
        } catch (GeneralSecurityException e) {
            throw new Json.BadRequest("the key envelope cannot be opened: " + e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new Json.BadRequest("the envelope does not hold an AES-128 key");
        } finally {
            if (plain != null) {
                Arrays.fill(plain, (byte) 0);
            }
        }
        Map<String, Object> metrics = new LinkedHashMap<>();
        metrics.put("imported", meter.toString());
        return Json.ok(metrics, Json.object());
    }
}
