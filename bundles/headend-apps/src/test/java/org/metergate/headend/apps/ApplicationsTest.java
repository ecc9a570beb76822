package org.metergate.headend.apps;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.Reader;
import java.io.Writer;
import java.math.BigDecimal;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.metergate.api.command.CommandResult;
import org.metergate.api.headend.HeadEndLink;
import org.metergate.api.headend.HeadEndRequest;
import org.metergate.api.headend.HeadEndResponse;
import org.metergate.api.headend.RequestMethod;
import org.metergate.api.journal.Journal;
import org.metergate.api.journal.JournalCursor;
import org.metergate.api.journal.JournalStatus;
import org.metergate.api.meter.DeviceType;
import org.metergate.api.meter.DiscoveredMeter;
import org.metergate.api.meter.Meter;
import org.metergate.api.meter.MeterAddress;
import org.metergate.api.meter.MeterId;
import org.metergate.api.meter.MeterRegistry;
import org.metergate.api.reading.EventType;
import org.metergate.api.reading.FunctionField;
import org.metergate.api.reading.MeterEvent;
import org.metergate.api.reading.Reading;
import org.metergate.api.reading.Unit;
import org.metergate.api.reading.Uplink;
import org.metergate.api.reading.UplinkEntry;
import org.metergate.api.security.MeterKey;
import org.metergate.api.security.MeterKeyStore;
import org.metergate.headend.security.KeyTransport;
import org.metergate.headend.security.crypto.EcKeys;
import org.metergate.headend.security.crypto.KeyEnvelope;

class ApplicationsTest {

    static final MeterAddress A = MeterAddress.of("KAM", "12345678", 1, DeviceType.WATER);
    static final MeterAddress B = MeterAddress.of("LSE", "00000042", 2, DeviceType.HEAT_OUTLET);

    static final class Registry implements MeterRegistry {
        final TreeMap<MeterAddress, Meter> meters = new TreeMap<>();

        public Optional<Meter> find(MeterAddress a) { return Optional.ofNullable(meters.get(a)); }
        public Collection<Meter> meters() { return meters.values(); }
        public int size() { return meters.size(); }
        public void install(Meter m) { meters.put(m.address(), m); }
        public void installAll(Collection<Meter> ms) { ms.forEach(this::install); }
        public List<DiscoveredMeter> discovered() { return List.of(); }
        public boolean remove(MeterAddress a) { return meters.remove(a) != null; }
    }

    private static HeadEndRequest req(RequestMethod m, String resource, String requester, Map<String, Object> metrics, byte[] body) {
        return new HeadEndRequest(m, List.of(resource.split("/")), "r-" + System.nanoTime(), requester, metrics, body);
    }

    private static String body(HeadEndResponse r) {
        return new String(r.body(), java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test
    void metersListDetailsHistoryAndConsumersSeeOnlyTheirOwn() throws Exception {
        Registry reg = new Registry();
        reg.install(new Meter(A, "flat 1", "alice", "", Duration.ZERO, Instant.EPOCH));
        reg.install(new Meter(B, "flat 2", "bob", "", Duration.ZERO, Instant.EPOCH));
        ReadingHistory history = new ReadingHistory(2);
        Instant t = Instant.parse("2025-11-21T12:00:00Z");
        List<UplinkEntry> entries = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            entries.add(new UplinkEntry(10 + i, new Reading(A, "volume", new BigDecimal("1.5" + i), Unit.CUBIC_METRE, 0, 0, 0,
                    FunctionField.INSTANTANEOUS, t.plusSeconds(i * 60), null)));
        }
        history.deliver(entries);
        MetersApplication app = new MetersApplication(reg, history);

        HeadEndResponse all = app.handle(req(RequestMethod.GET, "meters", "hes", Map.of("metergate.role", "METER_SITE_OPERATOR"), null));
        assertThat(all.code()).isEqualTo(200);
        assertThat(all.metrics()).containsEntry("count", 2);
        HeadEndResponse own = app.handle(req(RequestMethod.GET, "meters", "alice", Map.of("metergate.role", "CONSUMER"), null));
        assertThat(own.metrics()).containsEntry("count", 1);
        assertThat(body(own)).contains("KAM-12345678").doesNotContain("LSE-00000042");
        assertThat(app.handle(req(RequestMethod.GET, "meters/LSE-00000042", "alice", Map.of("metergate.role", "CONSUMER"), null)).code())
                .isEqualTo(404);

        HeadEndResponse since = app.handle(req(RequestMethod.GET, "meters/KAM-12345678/readings", "hes",
                Map.of("since", "2025-11-21T12:00:30Z"), null));
        assertThat(since.metrics()).containsEntry("count", 2);
        assertThat(body(since)).contains("\"id\":11", "\"value\":1.51", "\"id\":12", "\"source\":\"journal\"").doesNotContain("\"id\":10");
        assertThat(app.handle(req(RequestMethod.GET, "meters/KAM-12345678/readings", "hes", Map.of("since", "yesterday"), null)).metrics())
                .containsEntry("response.exception.message", "since must be an ISO-8601 instant or epoch milliseconds: yesterday");
        assertThat(app.handle(req(RequestMethod.GET, "meters/XYZ", "hes", Map.of(), null)).code()).isEqualTo(400);

        HeadEndResponse adopted = app.handle(req(RequestMethod.POST, "meters", "hes", Map.of(),
                "{\"address\":{\"manufacturer\":\"ELS\",\"identification\":\"11112222\",\"version\":3,\"deviceType\":3},\"label\":\"gas\"}".getBytes()));
        assertThat(adopted.code()).as(adopted.metrics().toString()).isEqualTo(200);
        assertThat(reg.meters).hasSize(3);
        assertThat(app.handle(req(RequestMethod.DEL, "meters/ELS-11112222", "hes", Map.of(), null)).code()).isEqualTo(200);
        assertThat(reg.meters).hasSize(2);
        assertThat(app.handle(req(RequestMethod.EXEC, "meters/KAM-12345678/read", "hes", Map.of(), null)).code())
                .as("no router deployed").isEqualTo(503);
    }

    @Test
    void keysArriveOnlyEncryptedAndNeverEchoed() throws Exception {
        KeyPair transportKey = EcKeys.generate("secp256r1");
        Map<MeterId, MeterKey> stored = new HashMap<>();
        MetersApplication app = new MetersApplication(new Registry(), new ReadingHistory(1));
        app.transport = new KeyTransport() {
            public PublicKey publicKey() { return transportKey.getPublic(); }
            public String publicKeyBase64() { return Base64.getEncoder().encodeToString(transportKey.getPublic().getEncoded()); }
            public byte[] open(byte[] env, String ctx) throws GeneralSecurityException {
                return KeyEnvelope.open(transportKey.getPrivate(), transportKey.getPublic(), env, ctx);
            }
        };
        app.keys = new MeterKeyStore() {
            public Optional<MeterKey> keyFor(MeterId m) { return Optional.ofNullable(stored.get(m)); }
            public void put(MeterId m, MeterKey k) { stored.put(m, k); }
            public boolean remove(MeterId m) { return stored.remove(m) != null; }
            public void putDefault(MeterKey k) { }
            public boolean removeDefault() { return false; }
            public boolean hasDefault() { return false; }
            public SortedSet<MeterId> meters() { return new TreeSet<>(stored.keySet()); }
            public int importKeys(Reader text) { return 0; }
            public void exportKeys(Writer text) { }
        };
        byte[] key = java.util.HexFormat.of().parseHex("0F1E2D3C4B5A69788796A5B4C3D2E1F0");
        String env = Base64.getEncoder().encodeToString(KeyEnvelope.seal(transportKey.getPublic(), key, "gw-1/KAM-12345678"));
        HeadEndResponse ok = app.handle(req(RequestMethod.PUT, "keys/KAM-12345678", "hes",
                Map.of("envelope", env, "metergate.gateway", "gw-1"), null));
        assertThat(ok.code()).as(ok.metrics().toString()).isEqualTo(200);
        assertThat(stored.get(MeterId.parse("KAM-12345678"))).isEqualTo(MeterKey.of(key));
        assertThat(ok.metrics().toString() + body(ok)).doesNotContainIgnoringCase("0F1E2D3C");
        HeadEndResponse otherGateway = app.handle(req(RequestMethod.PUT, "keys/KAM-12345678", "hes",
                Map.of("envelope", env, "metergate.gateway", "gw-2"), null));
        assertThat(otherGateway.code()).isEqualTo(400);
        assertThat(String.valueOf(otherGateway.metrics().get("response.exception.message"))).contains("cannot be opened");
        assertThat(app.handle(req(RequestMethod.GET, "keys/transport", "hes", Map.of(), null)).metrics()).containsKey("public.key");
    }

    @Test
    void anActuatorCommandWithoutTheLinksSignatureMarkIsRefusedAndJournaled() throws Exception {
        Registry reg = new Registry();
        reg.install(new Meter(A, "", "", "", Duration.ZERO, Instant.EPOCH));
        List<Uplink> journaled = new ArrayList<>();
        CommandsApplication app = new CommandsApplication(reg);
        app.journal = new Journal() {
            public List<UplinkEntry> append(List<? extends Uplink> items) { journaled.addAll(items); return List.of(); }
            public JournalCursor cursor(String id) { throw new UnsupportedOperationException("the commands application never reads the journal"); }
            public JournalStatus status() { return new JournalStatus(0, 0, 0, 0); }
        };
        List<String> routed = new ArrayList<>();
        app.router = request -> {
            routed.add(request.id() + " " + request.command());
            return CompletableFuture.completedFuture(new CommandResult(request.id(), CommandResult.Outcome.UNREACHABLE, "no link", List.of()));
        };
        HeadEndResponse refused = app.handle(req(RequestMethod.EXEC, "actuator/KAM-12345678", "hes",
                Map.of("actuator", "BREAKER", "action", "DISCONNECT"), null));
        assertThat(refused.code()).isEqualTo(403);
        assertThat(journaled).singleElement().satisfies(u -> assertThat(((MeterEvent) u).type()).isEqualTo(EventType.COMMAND_REFUSED));
        assertThat(routed).isEmpty();

        HeadEndResponse signed = app.handle(new HeadEndRequest(RequestMethod.EXEC, List.of("actuator", "KAM-12345678"), "r9", "hes",
                Map.of("actuator", "valve", "action", "connect", "metergate.signer", "abc", "job.id", "j1"), null));
        assertThat(signed.code()).isEqualTo(404);
        assertThat(signed.metrics()).containsEntry("outcome", "UNREACHABLE");
        assertThat(routed).containsExactly("job:j1 ActuatorControl[actuator=VALVE, action=CONNECT]");
        assertThat(app.handle(req(RequestMethod.EXEC, "tariff/KAM-12345678", "hes", Map.of("tariff", 2L), null)).code()).isEqualTo(404);
        assertThat(app.handle(req(RequestMethod.EXEC, "tariff/KAM-12345678", "hes", Map.of(), null)).code()).isEqualTo(400);
    }

    @Test
    void aCommandOutlivingItsReplyIsAnswered202AndItsOutcomeFollowsAsANotification() throws Exception {
        Registry reg = new Registry();
        reg.install(new Meter(A, "", "", "", Duration.ZERO, Instant.EPOCH));
        CommandsApplication app = new CommandsApplication(reg);
        CompletableFuture<CommandResult> meterAnswers = new CompletableFuture<>();
        app.router = request -> meterAnswers;
        List<String> notified = new ArrayList<>();
        app.link = new HeadEndLink() {
            public String id() { return "hes"; }
            public boolean connected() { return true; }
            public Optional<Instant> connectedSince() { return Optional.of(Instant.EPOCH); }
            public boolean notify(String appId, String requester, String resource, Map<String, Object> metrics) {
                notified.add(appId + " to " + requester + " " + resource + " " + new TreeMap<>(metrics));
                return true;
            }
        };
        HeadEndResponse pending = app.handle(new HeadEndRequest(RequestMethod.EXEC, List.of("clock", "KAM-12345678"), "r7", "hes-op",
                Map.of("wait.s", 0L, "job.id", "sync-1"), null));
        assertThat(pending.code()).isEqualTo(202);
        assertThat(pending.metrics()).containsEntry("outcome", "PENDING");
        assertThat(notified).isEmpty();

        meterAnswers.complete(new CommandResult("job:sync-1", CommandResult.Outcome.DONE, "clock set", List.of()));
        assertThat(notified).containsExactly("COMMANDS-V1 to hes-op clock {detail=clock set, job.id=sync-1, meter=KAM-12345678,"
                + " outcome=DONE, request.id=r7, response.code=200}");
    }
}
