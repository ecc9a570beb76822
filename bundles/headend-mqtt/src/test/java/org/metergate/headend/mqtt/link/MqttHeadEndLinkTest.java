package org.metergate.headend.mqtt.link;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.metergate.api.headend.HeadEndApplication;
import org.metergate.api.headend.HeadEndResponse;
import org.metergate.api.headend.RequestMethod;
import org.metergate.api.journal.Journal;
import org.metergate.api.journal.JournalCursor;
import org.metergate.api.journal.JournalStatus;
import org.metergate.api.meter.DeviceType;
import org.metergate.api.meter.MeterAddress;
import org.metergate.api.meter.MeterRegistry;
import org.metergate.api.reading.EventType;
import org.metergate.api.reading.FunctionField;
import org.metergate.api.reading.MeterEvent;
import org.metergate.api.reading.Reading;
import org.metergate.api.reading.Unit;
import org.metergate.api.reading.Uplink;
import org.metergate.api.reading.UplinkEntry;
import org.metergate.headend.mqtt.protocol.KuraPayload;
import org.metergate.headend.mqtt.protocol.PayloadCodec;
import org.metergate.headend.mqtt.protocol.PayloadFormat;
import org.metergate.headend.mqtt.protocol.Topics;
import org.metergate.headend.mqtt.protocol.UplinkJson;
import org.metergate.headend.mqtt.transport.MqttTransport;
import org.metergate.headend.security.AuthorisationDecision;
import org.metergate.headend.security.HeadEndAuthoriser;
import org.metergate.headend.security.KeyTransport;
import org.metergate.headend.security.MarketRole;
import org.metergate.headend.security.RequestSignatures;
import org.metergate.headend.security.SignatureCheck;

/** The link against a real broker (moquette in the test JVM): lifecycle, push acknowledged on PUBACK, requests. */
class MqttHeadEndLinkTest {

    private static final MeterAddress METER = MeterAddress.of("KAM", "12345678", 1, DeviceType.WATER);

    private TestBroker broker;
    private MqttHeadEndLink link;
    private MqttTransport observer;
    private final List<MqttTransport.Received> seen = new CopyOnWriteArrayList<>();
    private final List<Uplink> journaled = new CopyOnWriteArrayList<>();
    private final AtomicInteger echoCalls = new AtomicInteger();

    private final LinkEnvironment env = new LinkEnvironment() {
        final HeadEndApplication echo = request -> {
            echoCalls.incrementAndGet();
            return new HeadEndResponse(200, Map.of("role", request.metrics().get(MqttHeadEndLink.ROLE), "resource",
                    String.join("/", request.resource())), "{\"ok\":true}".getBytes());
        };

        public Optional<HeadEndApplication> application(String appId) {
            return appId.equals("ECHO-V1") || appId.equals("COMMANDS-V1") ? Optional.of(echo) : Optional.empty();
        }

        public SortedSet<String> applicationIds() {
            return new TreeSet<>(List.of("COMMANDS-V1", "ECHO-V1"));
        }

        public Optional<HeadEndAuthoriser> authoriser() {
            return Optional.of(new HeadEndAuthoriser() {
                public Optional<MarketRole> roleOf(String r) {
                    return r.startsWith("hes") ? Optional.of(MarketRole.METER_SITE_OPERATOR) : Optional.empty();
                }

                public AuthorisationDecision authorise(String r, String app, RequestMethod m, List<String> res) {
                    Optional<MarketRole> role = roleOf(r);
                    boolean commands = app.equals("COMMANDS-V1");
                    return new AuthorisationDecision(role.isPresent(), role, commands, commands, role.isPresent() ? "" : "no role");
                }
            });
        }

        public Optional<RequestSignatures> signatures() {
            return Optional.of((a, g, app, m, r, metrics, body) -> SignatureCheck.refused("", "the request carries no operator signature"));
        }

        public Optional<KeyTransport> keyTransport() {
            return Optional.empty();
        }

        public Optional<Journal> journal() {
            return Optional.of(new Journal() {
                public List<UplinkEntry> append(List<? extends Uplink> items) {
                    journaled.addAll(items);
                    return List.of();
                }

                public JournalCursor cursor(String consumerId) {
                    throw new UnsupportedOperationException("the link's requests only append to the journal");
                }

                public JournalStatus status() {
                    return new JournalStatus(0, 0, 0, 0);
                }
            });
        }

        public Optional<MeterRegistry> registry() {
            return Optional.empty();
        }

        public Map<String, Object> platformMetrics() {
            return Map.of("osgi_framework", "test");
        }
    };

    @BeforeEach
    void start() throws Exception {
        broker = new TestBroker();
        observer = MqttTransport.create(MqttTransport.Version.V3_1_1, broker.uri(), "hes-observer", new MqttTransport.Listener() {
            public void messageArrived(MqttTransport.Received m) {
                seen.add(m);
            }

            public void connectionLost(Throwable cause) {
            }
        });
        observer.connect(new MqttTransport.ConnectOptions(List.of(broker.uri()), "hes-observer", null, null, null, false, 30, 5, 10, null, true, 0));
        observer.subscribe(List.of("$EDC/acme/+/MQTT/+", "$EDC/acme/hes-1/#", "$EDC/acme/stranger/#", "acme/gw-1/#"), 1, 5000);
        link = new MqttHeadEndLink(LinkSettings.of(Configs.of(LinkConfig.class, Map.of("broker_uris", new String[] {broker.uri()},
                "account", "acme", "client_id", "gw-1", "reconnect_min_ms", 200L, "reconnect_max_ms", 500L, "batch_max_items", 2))),
                env, "1.2.3");
        link.start();
        await().atMost(Duration.ofSeconds(10)).until(link::connected);
    }

    @AfterEach
    void stop() {
        link.stop();
        observer.close();
        broker.close();
    }

    private List<KuraPayload> on(String topic) throws Exception {
        List<KuraPayload> out = new ArrayList<>();
        for (MqttTransport.Received m : seen) {
            if (m.topic().equals(topic)) {
                out.add(PayloadCodec.decode(m.payload()).payload());
            }
        }
        return out;
    }

    private void request(String requester, String app, String verb, List<String> resource, Map<String, Object> metrics) throws Exception {
        Map<String, Object> m = new java.util.LinkedHashMap<>(metrics);
        m.put("requester.client.id", requester);
        observer.publish(Topics.request("acme", "gw-1", app, verb, resource),
                PayloadCodec.encode(new KuraPayload(Instant.now(), m), PayloadFormat.KURA_PROTOBUF, false), 1, false).get(5, TimeUnit.SECONDS);
    }

    @Test
    void birthCarriesKuraMetricsAndDisconnectFollowsOnStop() throws Exception {
        await().atMost(Duration.ofSeconds(5)).until(() -> !on("$EDC/acme/gw-1/MQTT/BIRTH").isEmpty());
        KuraPayload birth = on("$EDC/acme/gw-1/MQTT/BIRTH").get(0);
        assertThat(birth.metrics()).containsKeys("uptime", "display_name", "model_name", "serial_number", "firmware_version",
                "jvm_name", "jvm_version", "osgi_framework", "connection_interface", "connection_ip", "application_ids");
        assertThat(birth.string("application_ids")).isEqualTo("COMMANDS-V1,ECHO-V1");
        assertThat(birth.string("firmware_version")).isEqualTo("1.2.3");
        link.birthChanged();
        await().atMost(Duration.ofSeconds(5)).until(() -> on("$EDC/acme/gw-1/MQTT/BIRTH").size() == 2);
        link.stop();
        await().atMost(Duration.ofSeconds(5)).until(() -> !on("$EDC/acme/gw-1/MQTT/DC").isEmpty());
    }

    @Test
    void pushReturnsOnlyOnceTheBrokerAcknowledgedAndSurvivesAnOutage() throws Exception {
        List<UplinkEntry> batch = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            batch.add(new UplinkEntry(100 + i, new Reading(METER, "volume", BigDecimal.valueOf(i), Unit.CUBIC_METRE, 0, 0, 0,
                    FunctionField.INSTANTANEOUS, Instant.EPOCH, null)));
        }
        link.deliver(batch);
        await().atMost(Duration.ofSeconds(5)).until(() -> on("acme/gw-1/METERS-V1/readings/KAM-12345678").size() == 3);

        broker.stop();
        await().atMost(Duration.ofSeconds(5)).until(() -> !link.connected());
        CompletableFuture<Void> delivery = CompletableFuture.runAsync(() -> {
            try {
                link.deliver(List.of(new UplinkEntry(200, new MeterEvent(EventType.POWER_LOW, METER, "wmbus", Instant.EPOCH, "battery"))));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        Thread.sleep(1000);
        assertThat(delivery).as("not acknowledged while the broker is down").isNotDone();
        broker.published.clear();
        broker.start();
        delivery.get(15, TimeUnit.SECONDS);
        // moquette tells interceptors on its own executor, so the record may trail the PUBACK slightly
        await().atMost(Duration.ofSeconds(5)).until(() -> broker.published.stream()
                .anyMatch(m -> m.topic().equals("acme/gw-1/METERS-V1/events/KAM-12345678")));
        List<TestBroker.Published> events = broker.published.stream()
                .filter(m -> m.topic().equals("acme/gw-1/METERS-V1/events/KAM-12345678")).toList();
        UplinkJson.PushBody body = UplinkJson.decode(PayloadCodec.decode(events.get(0).payload()).payload().body());
        assertThat(body.events()).singleElement().satisfies(e -> {
            assertThat(e.id()).isEqualTo(200);
            assertThat(e.type()).isEqualTo("POWER_LOW");
        });
    }

    @Test
    void requestsAreRoutedAnsweredOnceAndRefusalsJournaled() throws Exception {
        request("hes-1", "ECHO-V1", "GET", List.of("a", "b"), Map.of("request.id", "r1"));
        await().atMost(Duration.ofSeconds(5)).until(() -> !on("$EDC/acme/hes-1/ECHO-V1/REPLY/r1").isEmpty());
        KuraPayload reply = on("$EDC/acme/hes-1/ECHO-V1/REPLY/r1").get(0);
        assertThat(reply.metrics()).containsEntry("response.code", 200).containsEntry("role", "METER_SITE_OPERATOR")
                .containsEntry("resource", "a/b");
        assertThat(PayloadCodec.decode(seen.stream().filter(m -> m.topic().endsWith("REPLY/r1")).findFirst().orElseThrow().payload()).format())
                .as("replies in the request's format").isEqualTo(PayloadFormat.KURA_PROTOBUF);

        request("hes-1", "ECHO-V1", "GET", List.of("a", "b"), Map.of("request.id", "r1"));
        await().atMost(Duration.ofSeconds(5)).until(() -> on("$EDC/acme/hes-1/ECHO-V1/REPLY/r1").size() == 2);
        assertThat(echoCalls.get()).as("a repeated request id is answered, not executed again").isEqualTo(1);

        request("hes-1", "ECHO-V1", "EXEC", List.of("x"), Map.of("request.id", "r2", "job.id", "job-7"));
        request("hes-1", "ECHO-V1", "EXEC", List.of("x"), Map.of("request.id", "r3", "job.id", "job-7"));
        await().atMost(Duration.ofSeconds(5)).until(() -> !on("$EDC/acme/hes-1/ECHO-V1/REPLY/r3").isEmpty());
        assertThat(echoCalls.get()).as("a job id is executed once").isEqualTo(2);

        request("stranger", "ECHO-V1", "GET", List.of("a"), Map.of("request.id", "r4"));
        await().atMost(Duration.ofSeconds(5)).until(() -> !on("$EDC/acme/stranger/ECHO-V1/REPLY/r4").isEmpty());
        assertThat(on("$EDC/acme/stranger/ECHO-V1/REPLY/r4").get(0).metrics()).containsEntry("response.code", 403);

        request("hes-1", "COMMANDS-V1", "EXEC", List.of("actuator", "KAM-12345678"), Map.of("request.id", "r5", "metergate.signer", "forged"));
        await().atMost(Duration.ofSeconds(5)).until(() -> !on("$EDC/acme/hes-1/COMMANDS-V1/REPLY/r5").isEmpty());
        assertThat(on("$EDC/acme/hes-1/COMMANDS-V1/REPLY/r5").get(0).metrics()).containsEntry("response.code", 403)
                .containsEntry("response.exception.message", "the request carries no operator signature");
        assertThat(journaled).singleElement().satisfies(u -> {
            MeterEvent e = (MeterEvent) u;
            assertThat(e.type()).isEqualTo(EventType.COMMAND_REFUSED);
            assertThat(e.detail()).isEqualTo("EXEC COMMANDS-V1/actuator/KAM-12345678 from hes-1 refused: the request carries no operator signature");
        });
        assertThat(echoCalls.get()).isEqualTo(2);

        request("hes-1", "NOPE-V1", "GET", List.of("a"), Map.of("request.id", "r6"));
        await().atMost(Duration.ofSeconds(5)).until(() -> !on("$EDC/acme/hes-1/NOPE-V1/REPLY/r6").isEmpty());
        assertThat(on("$EDC/acme/hes-1/NOPE-V1/REPLY/r6").get(0).metrics()).containsEntry("response.code", 404);
        assertThat(Collections.frequency(List.of(1), 1)).isEqualTo(1);
    }
}
