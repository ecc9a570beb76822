package org.metergate.headend.mqtt.link;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import javax.net.ssl.SSLSocketFactory;
import org.metergate.api.headend.HeadEndApplication;
import org.metergate.api.headend.HeadEndLink;
import org.metergate.api.headend.HeadEndRequest;
import org.metergate.api.headend.HeadEndResponse;
import org.metergate.api.headend.RequestMethod;
import org.metergate.api.meter.Meter;
import org.metergate.api.meter.MeterAddress;
import org.metergate.api.meter.MeterId;
import org.metergate.api.reading.EventType;
import org.metergate.api.reading.MeterEvent;
import org.metergate.api.reading.UplinkConsumer;
import org.metergate.api.reading.UplinkEntry;
import org.metergate.headend.mqtt.protocol.KuraPayload;
import org.metergate.headend.mqtt.protocol.Metrics;
import org.metergate.headend.mqtt.protocol.PayloadCodec;
import org.metergate.headend.mqtt.protocol.PayloadException;
import org.metergate.headend.mqtt.protocol.PayloadFormat;
import org.metergate.headend.mqtt.protocol.Topics;
import org.metergate.headend.mqtt.protocol.UplinkJson;
import org.metergate.headend.mqtt.transport.MqttTransport;
import org.metergate.headend.mqtt.transport.MqttTransportException;
import org.metergate.headend.security.AuthorisationDecision;
import org.metergate.headend.security.HeadEndAuthoriser;
import org.metergate.headend.security.SignatureCheck;
import org.metergate.headend.security.crypto.RequestStatement;
import org.metergate.headend.security.crypto.TlsContexts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The head-end link (TR 50572 G2) over MQTT: keeps the connection (reconnecting with back-off),
 * publishes the lifecycle messages, pushes the journal as an {@link UplinkConsumer} (returning only
 * when the broker has acknowledged every message, so the journal is acknowledged on PUBACK), and
 * answers requests by routing them, authorised and where required signature-checked, to the
 * {@link HeadEndApplication}s. Plain Java; {@link MqttHeadEndComponent} runs it in OSGi.
 */
final class MqttHeadEndLink implements HeadEndLink, UplinkConsumer {

    /** Request metrics the link adds for the applications (anything with this prefix that arrives is dropped). */
    static final String ROLE = "metergate.role";
    static final String ACCOUNT = "metergate.account";
    static final String GATEWAY = "metergate.gateway";
    static final String SIGNER = "metergate.signer";
    static final String SIGNER_ROLE = "metergate.signer.role";

    private static final Logger LOG = LoggerFactory.getLogger(MqttHeadEndLink.class);
    private static final EnumSet<RequestMethod> METHODS = EnumSet.allOf(RequestMethod.class);

    private final LinkSettings s;
    private final LinkEnvironment env;
    private final String firmwareVersion;
    private final ScheduledExecutorService scheduler;
    private final ThreadPoolExecutor requests;
    private final RateLimiter rate;
    private final Semaphore inflight;
    private final RequestMemory memory;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition connectedCondition = lock.newCondition();
    private final AtomicLong published = new AtomicLong();
    private final AtomicLong acknowledgedItems = new AtomicLong();
    private final AtomicLong requestsAnswered = new AtomicLong();
    private final AtomicLong requestsRefused = new AtomicLong();
    private final AtomicLong badMessages = new AtomicLong();

    private volatile MqttTransport transport;
    private volatile boolean connected;
    private volatile Instant connectedSince;
    private volatile boolean stopped;
    private volatile long session;
    private long backoffMillis;
    private ScheduledFuture<?> birthPending;
    private SSLSocketFactory socketFactory;

    MqttHeadEndLink(LinkSettings settings, LinkEnvironment env, String firmwareVersion) {
        this.s = settings;
        this.env = env;
        this.firmwareVersion = firmwareVersion;
        this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> thread(r, "metergate-headend-" + settings.id()));
        this.requests = new ThreadPoolExecutor(settings.requestThreads(), settings.requestThreads(), 60, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(1000), r -> thread(r, "metergate-headend-request-" + settings.id()));
        this.rate = new RateLimiter(settings.ratePerSecond(), settings.rateBurst(), RateLimiter.SYSTEM);
        this.inflight = new Semaphore(settings.maxInflight());
        this.memory = new RequestMemory(settings.requestMemory());
        this.backoffMillis = settings.reconnectMin().toMillis();
    }

    private static Thread thread(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    /** Starts connecting (in the background); without broker URIs the link waits unconfigured. */
    void start() {
        if (s.brokerUris().isEmpty()) {
            LOG.warn("head-end link {}: no broker configured (broker.uris is empty): not connecting; the journal keeps the data", s.id());
            return;
        }
        try {
            if (s.tls() != null) {
                socketFactory = TlsContexts.socketFactory(TlsContexts.client(s.tls()), s.tls().protocols());
            }
        } catch (Exception e) {
            LOG.error("head-end link {}: TLS cannot be set up from {}: {}", s.id(), s.tls(), e.getMessage());
            return;
        }
        scheduler.execute(this::connect);
    }

    /** Publishes the disconnect message, disconnects and stops every thread of the link. */
    void stop() {
        stopped = true;
        lock.lock();
        try {
            connectedCondition.signalAll();
        } finally {
            lock.unlock();
        }
        scheduler.shutdownNow();
        requests.shutdownNow();
        MqttTransport t = transport;
        if (t != null) {
            if (t.isConnected()) {
                try {
                    t.publish(Topics.lifecycle(s.account(), s.clientId(), Topics.DISCONNECT), lifecyclePayload(BirthCertificate.goodbye(s, session)),
                            1, s.retainLifecycle()).get(2, TimeUnit.SECONDS);
                } catch (Exception e) {
                    LOG.warn("head-end link {}: the disconnect message did not go out: {}", s.id(), e.toString());
                }
                t.disconnect(2000);
            }
            t.close();
        }
        LOG.info("head-end link {} stopped: {} messages published, {} items acknowledged, {} requests answered, {} refused",
                s.id(), published.get(), acknowledgedItems.get(), requestsAnswered.get(), requestsRefused.get());
    }

    // ------------------------------------------------------------------ connection

    private void connect() {
        if (stopped) {
            return;
        }
        MqttTransport t = null;
        try {
            t = MqttTransport.create(s.version(), s.brokerUris().get(0), s.clientId(), new MqttTransport.Listener() {
                @Override
                public void messageArrived(MqttTransport.Received message) {
                    onMessage(message);
                }

                @Override
                public void connectionLost(Throwable cause) {
                    onConnectionLost(cause);
                }
            });
            long newSession = System.currentTimeMillis();
            MqttTransport.Will will = new MqttTransport.Will(Topics.lifecycle(s.account(), s.clientId(), Topics.WILL),
                    lifecyclePayload(BirthCertificate.goodbye(s, newSession)), 1, s.retainLifecycle());
            t.connect(new MqttTransport.ConnectOptions(s.brokerUris(), s.clientId(), s.username(), s.password(), socketFactory,
                    s.hostnameVerification(), s.keepAliveSeconds(), s.connectTimeoutSeconds(), s.maxInflight(), will, true, 0));
            t.subscribe(List.of(Topics.requestFilter(s.account(), s.clientId())), 1, 10_000);
            session = newSession;
            transport = t;
            lock.lock();
            try {
                connected = true;
                connectedSince = Instant.now();
                connectedCondition.signalAll();
            } finally {
                lock.unlock();
            }
            backoffMillis = s.reconnectMin().toMillis();
            LOG.info("head-end link {} connected to {} as {} (account {}, MQTT {})", s.id(), t.serverUri(), s.clientId(), s.account(),
                    s.version() == MqttTransport.Version.V5 ? "5" : "3.1.1");
            publishBirth();
        } catch (MqttTransportException | RuntimeException e) {
            if (t != null) {
                t.close();
            }
            if (stopped) {
                return;
            }
            LOG.warn("head-end link {}: {}; next attempt in {} ms", s.id(), e.getMessage(), backoffMillis);
            scheduleReconnect();
        }
    }

    private void scheduleReconnect() {
        if (stopped) {
            return;
        }
        long delay = backoffMillis;
        backoffMillis = Math.min(backoffMillis * 2, s.reconnectMax().toMillis());
        try {
            scheduler.schedule(this::connect, delay, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            // stopping
        }
    }

    private void onConnectionLost(Throwable cause) {
        lock.lock();
        try {
            if (!connected) {
                return;
            }
            connected = false;
        } finally {
            lock.unlock();
        }
        LOG.warn("head-end link {}: connection lost ({}); reconnecting", s.id(), cause == null ? "?" : cause.getMessage());
        MqttTransport t = transport;
        try {
            scheduler.execute(() -> {
                if (t != null) {
                    t.close();
                }
                scheduleReconnect();
            });
        } catch (RejectedExecutionException e) {
            // stopping
        }
    }

    /** Drops a connection that stopped acknowledging, so that it is made again. */
    private void dropConnection(String why) {
        MqttTransport t = transport;
        if (t != null && connected) {
            LOG.warn("head-end link {}: {}; dropping the connection", s.id(), why);
            onConnectionLost(new MqttTransportException(why));
        }
    }

    /** Waits until connected; throws when the link stops or the thread is interrupted. */
    private MqttTransport awaitConnection() throws InterruptedException {
        lock.lockInterruptibly();
        try {
            while (!connected && !stopped) {
                connectedCondition.await(1, TimeUnit.SECONDS);
            }
            if (stopped) {
                throw new InterruptedException("head-end link " + s.id() + " stopped");
            }
            return transport;
        } finally {
            lock.unlock();
        }
    }

    // ------------------------------------------------------------------ lifecycle

    private byte[] lifecyclePayload(Map<String, Object> metrics) {
        return PayloadCodec.encode(new KuraPayload(Instant.now(), null, metrics, null), s.format(), s.gzip());
    }

    private void publishBirth() {
        MqttTransport t = transport;
        if (t == null || !connected) {
            return;
        }
        Map<String, Object> metrics = BirthCertificate.birth(s, firmwareVersion, session, t.serverUri(), env.applicationIds(),
                env.platformMetrics(), env.keyTransport().map(k -> k.publicKeyBase64()).orElse(null));
        t.publish(Topics.lifecycle(s.account(), s.clientId(), Topics.BIRTH), lifecyclePayload(metrics), 1, s.retainLifecycle())
                .whenComplete((v, e) -> {
                    if (e != null) {
                        LOG.warn("head-end link {}: birth certificate not delivered: {}", s.id(), e.getMessage());
                    } else {
                        LOG.info("head-end link {}: birth certificate published (applications {})", s.id(), metrics.get("application_ids"));
                    }
                });
    }

    /** Publishes the birth certificate again soon (deployment or applications changed); changes within a second make one birth. */
    void birthChanged() {
        synchronized (this) {
            if (stopped || (birthPending != null && !birthPending.isDone())) {
                return;
            }
            try {
                birthPending = scheduler.schedule(this::publishBirth, 1, TimeUnit.SECONDS);
            } catch (RejectedExecutionException e) {
                // stopping
            }
        }
    }

    // ------------------------------------------------------------------ push (UplinkConsumer)

    @Override
    public void deliver(List<UplinkEntry> entries) throws Exception {
        List<PushBatcher.Message> todo = PushBatcher.messages(entries, s.batchMaxItems());
        while (!todo.isEmpty()) {
            MqttTransport t = awaitConnection();
            List<CompletableFuture<Void>> futures = new ArrayList<>(todo.size());
            for (PushBatcher.Message m : todo) {
                rate.acquire();
                inflight.acquire();
                CompletableFuture<Void> f;
                try {
                    f = t.publish(Topics.data(s.account(), s.clientId(), m.kind(), m.meterLevel()), payload(m), s.qos(), false);
                } catch (RuntimeException e) {
                    inflight.release();
                    throw e;
                }
                f.whenComplete((v, e) -> inflight.release());
                futures.add(f);
                if (f.isCompletedExceptionally()) {
                    break; // the connection is gone: the rest waits for the next one
                }
            }
            long deadline = System.nanoTime() + s.publishTimeout().toNanos();
            List<PushBatcher.Message> failed = new ArrayList<>();
            boolean timedOut = false;
            for (int i = 0; i < todo.size(); i++) {
                if (i >= futures.size()) {
                    failed.add(todo.get(i));
                    continue;
                }
                try {
                    futures.get(i).get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                    published.incrementAndGet();
                } catch (java.util.concurrent.TimeoutException e) {
                    timedOut = true;
                    failed.add(todo.get(i));
                } catch (java.util.concurrent.ExecutionException e) {
                    failed.add(todo.get(i));
                }
            }
            if (timedOut) {
                dropConnection("no PUBACK within " + s.publishTimeout().toSeconds() + " s");
            }
            if (!failed.isEmpty()) {
                LOG.info("head-end link {}: {} of {} push messages not acknowledged; sending them again when connected",
                        s.id(), failed.size(), todo.size());
            }
            todo = failed;
        }
        acknowledgedItems.addAndGet(entries.size());
    }

    private byte[] payload(PushBatcher.Message m) {
        Map<String, Object> metrics = new LinkedHashMap<>();
        metrics.put(Metrics.GATEWAY, s.clientId());
        metrics.put(Metrics.METER, m.meterLevel());
        metrics.put(Metrics.COUNT, m.entries().size());
        metrics.put(Metrics.FIRST_ID, m.firstId());
        metrics.put(Metrics.LAST_ID, m.lastId());
        return PayloadCodec.encode(new KuraPayload(Instant.now(), null, metrics, UplinkJson.body(m.meter(), m.entries())),
                s.format(), s.gzip());
    }

    // ------------------------------------------------------------------ requests

    private void onMessage(MqttTransport.Received m) {
        if (requests.isShutdown()) {
            return; // stopping: e.g. our own DC message coming back on the request subscription
        }
        try {
            requests.execute(() -> handle(m));
        } catch (RejectedExecutionException e) {
            badMessages.incrementAndGet();
            LOG.warn("head-end link {}: too many requests waiting; dropped one on {}", s.id(), m.topic());
        }
    }

    void handle(MqttTransport.Received m) {
        Optional<Topics.ControlTopic> ct = Topics.parseControl(m.topic());
        if (ct.isEmpty() || !ct.get().account().equals(s.account()) || !ct.get().client().equals(s.clientId())) {
            return;
        }
        String verb = ct.get().verb();
        RequestMethod method;
        try {
            method = RequestMethod.valueOf(verb);
        } catch (IllegalArgumentException e) {
            return; // REPLY, NOTIFY and other non-request verbs on our own topics
        }
        if (!METHODS.contains(method) || m.retained()) {
            return; // a retained request would be executed again on every reconnect
        }
        PayloadCodec.Decoded decoded;
        try {
            decoded = PayloadCodec.decode(m.payload());
        } catch (PayloadException e) {
            badMessages.incrementAndGet();
            LOG.warn("head-end link {}: request on {} dropped: {}", s.id(), m.topic(), e.getMessage());
            return;
        }
        KuraPayload p = decoded.payload();
        String requestId = p.string(Metrics.REQUEST_ID);
        String requester = p.string(Metrics.REQUESTER);
        if (!Topics.isLevel(requestId) || !Topics.isLevel(requester)) {
            badMessages.incrementAndGet();
            LOG.warn("head-end link {}: request on {} dropped: {} and {} must be valid topic levels", s.id(), m.topic(),
                    Metrics.REQUEST_ID, Metrics.REQUESTER);
            return;
        }
        Reply reply = new Reply(ct.get().app(), requester, requestId, decoded.format(), decoded.gzipped(),
                replyTopic(m.responseTopic(), requester), m.correlationData());
        long now = System.nanoTime();
        String requestKey = "r|" + requester + "|" + requestId;
        RequestMemory.Entry earlier = memory.begin(requestKey, now);
        if (earlier != null) {
            if (earlier.response() != null) {
                LOG.info("head-end link {}: request {} of {} seen before: answered again, not executed", s.id(), requestId, requester);
                send(reply, earlier.response());
            }
            return;
        }
        String jobId = p.string(Metrics.JOB_ID);
        String jobKey = jobId == null || jobId.isEmpty() ? null : "j|" + jobId;
        if (jobKey != null) {
            RequestMemory.Entry job = memory.begin(jobKey, now);
            if (job != null) {
                HeadEndResponse r = job.response() != null ? job.response()
                        : HeadEndResponse.error(409, "job " + jobId + " is being executed");
                finish(requestKey, null, reply, r, job.response() != null);
                return;
            }
        }
        HeadEndResponse response;
        try {
            response = execute(ct.get(), method, p, requester, requestId);
        } catch (RuntimeException e) {
            response = HeadEndResponse.error(500, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
        finish(requestKey, jobKey, reply, response, true);
    }

    private void finish(String requestKey, String jobKey, Reply reply, HeadEndResponse response, boolean remember) {
        long now = System.nanoTime();
        memory.answer(requestKey, response, now);
        if (jobKey != null && remember) {
            memory.answer(jobKey, response, now);
        }
        send(reply, response);
    }

    private HeadEndResponse execute(Topics.ControlTopic ct, RequestMethod method, KuraPayload p, String requester, String requestId) {
        Map<String, Object> metrics = new LinkedHashMap<>();
        p.metrics().forEach((k, v) -> {
            if (!k.startsWith(RequestStatement.RESERVED_PREFIX)) {
                metrics.put(k, v);
            }
        });
        Optional<HeadEndAuthoriser> authoriser = env.authoriser();
        if (authoriser.isEmpty()) {
            requestsRefused.incrementAndGet();
            return HeadEndResponse.error(403, "the gateway has no authorisation service: every request is refused");
        }
        AuthorisationDecision d = authoriser.get().authorise(requester, ct.app(), method, ct.resource());
        String what = method + " " + ct.app() + "/" + String.join("/", ct.resource());
        if (!d.allowed()) {
            return refuse(d, ct, requester, what, d.reason());
        }
        if (d.signatureRequired()) {
            SignatureCheck sc = env.signatures()
                    .map(v -> v.verify(s.account(), s.clientId(), ct.app(), method, ct.resource(), metrics, p.body()))
                    .orElse(SignatureCheck.refused("", "the gateway has no signature verification service"));
            if (!sc.valid()) {
                return refuse(d, ct, requester, what, sc.reason());
            }
            metrics.put(SIGNER, sc.keyId());
            metrics.put(SIGNER_ROLE, sc.signerRole().map(Enum::name).orElse(""));
        }
        Optional<HeadEndApplication> app = env.application(ct.app());
        if (app.isEmpty()) {
            return HeadEndResponse.error(404, "no application " + ct.app() + " on this gateway");
        }
        metrics.put(ROLE, d.role().map(Enum::name).orElse(""));
        metrics.put(ACCOUNT, s.account());
        metrics.put(GATEWAY, s.clientId());
        HeadEndRequest request = new HeadEndRequest(method, ct.resource(), requestId, requester, metrics, p.body());
        try {
            HeadEndResponse r = app.get().handle(request);
            requestsAnswered.incrementAndGet();
            return r == null ? HeadEndResponse.error(500, "the application gave no answer") : r;
        } catch (Exception e) {
            LOG.warn("head-end link {}: {} from {} failed in the application: {}", s.id(), what, requester, e.toString());
            return HeadEndResponse.error(500, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    private HeadEndResponse refuse(AuthorisationDecision d, Topics.ControlTopic ct, String requester, String what, String reason) {
        requestsRefused.incrementAndGet();
        LOG.warn("head-end link {}: refused {} from {}: {}", s.id(), what, requester, reason);
        if (d.audited()) {
            recordRefusal(ct, requester, what, reason);
        }
        return HeadEndResponse.error(403, reason);
    }

    /** Journals a COMMAND_REFUSED event (it reaches the head-end through the push like every event). */
    private void recordRefusal(Topics.ControlTopic ct, String requester, String what, String reason) {
        MeterAddress meter = null;
        Optional<org.metergate.api.meter.MeterRegistry> registry = env.registry();
        for (String segment : ct.resource()) {
            try {
                MeterId id = MeterId.parse(segment);
                if (registry.isPresent()) {
                    for (Meter mt : registry.get().meters()) {
                        if (mt.address().meterId().equals(id)) {
                            meter = mt.address();
                            break;
                        }
                    }
                }
            } catch (IllegalArgumentException notAMeter) {
                // not a meter id segment
            }
        }
        String detail = what + " from " + requester + " refused: " + reason;
        MeterEvent event = new MeterEvent(EventType.COMMAND_REFUSED, meter, "headend-" + s.id(), Instant.now(), detail);
        try {
            if (env.journal().isPresent()) {
                env.journal().get().append(List.of(event));
            } else {
                LOG.warn("head-end link {}: no journal to record: {}", s.id(), detail);
            }
        } catch (Exception e) {
            LOG.error("head-end link {}: the refusal could not be journaled: {} ({})", s.id(), detail, e.toString());
        }
    }

    /** Where a reply goes: the Kura REPLY topic, or an MQTT 5 response topic inside the requester's own namespace. */
    private String replyTopic(String responseTopic, String requester) {
        String own = Topics.CONTROL_PREFIX + "/" + s.account() + "/" + requester + "/";
        if (responseTopic != null && responseTopic.startsWith(own) && !responseTopic.contains("+") && !responseTopic.contains("#")) {
            return responseTopic;
        }
        return null;
    }

    private record Reply(String app, String requester, String requestId, PayloadFormat format, boolean gzip, String responseTopic,
                         byte[] correlation) {
    }

    private void send(Reply r, HeadEndResponse response) {
        Map<String, Object> metrics = new LinkedHashMap<>();
        metrics.put(Metrics.RESPONSE_CODE, response.code());
        metrics.put(Metrics.REQUEST_ID, r.requestId());
        response.metrics().forEach(metrics::put);
        byte[] payload;
        try {
            payload = PayloadCodec.encode(new KuraPayload(Instant.now(), null, metrics, response.body()), r.format(), r.gzip());
        } catch (IllegalArgumentException e) {
            payload = PayloadCodec.encode(new KuraPayload(Instant.now(), null, Map.of(Metrics.RESPONSE_CODE, 500,
                    Metrics.REQUEST_ID, r.requestId(), Metrics.RESPONSE_MESSAGE, "the application's answer cannot be encoded: "
                            + e.getMessage()), null), r.format(), r.gzip());
        }
        String topic = r.responseTopic() != null ? r.responseTopic() : Topics.reply(s.account(), r.requester(), r.app(), r.requestId());
        MqttTransport t = transport;
        if (t == null || !connected) {
            LOG.warn("head-end link {}: reply to {} not sent: not connected (a repeated request gets it)", s.id(), r.requestId());
            return;
        }
        t.publish(topic, payload, 1, false, null, r.correlation()).whenComplete((v, e) -> {
            if (e != null) {
                LOG.warn("head-end link {}: reply {} not delivered: {} (a repeated request gets it)", s.id(), r.requestId(), e.getMessage());
            }
        });
    }

    // ------------------------------------------------------------------ HeadEndLink

    @Override
    public String id() {
        return s.id();
    }

    @Override
    public boolean connected() {
        return connected;
    }

    @Override
    public Optional<Instant> connectedSince() {
        return connected ? Optional.ofNullable(connectedSince) : Optional.empty();
    }

    @Override
    public boolean notify(String appId, String requester, String resource, Map<String, Object> metrics) {
        MqttTransport t = transport;
        String to = requester == null || requester.isEmpty() ? s.clientId() : requester;
        if (t == null || !connected || !Topics.isLevel(appId) || !Topics.isLevel(to)) {
            return false;
        }
        List<String> res = resource == null || resource.isEmpty() ? List.of() : List.of(resource.split("/"));
        try {
            t.publish(Topics.notification(s.account(), to, s.clientId(), appId, res),
                    PayloadCodec.encode(new KuraPayload(Instant.now(), null, metrics, null), s.format(), s.gzip()), 1, false);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** Counters for statistics and logs. */
    Map<String, Object> statistics() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("connected", connected);
        m.put("published", published.get());
        m.put("acknowledged.items", acknowledgedItems.get());
        m.put("requests.answered", requestsAnswered.get());
        m.put("requests.refused", requestsRefused.get());
        m.put("messages.dropped", badMessages.get());
        return m;
    }

    String describe() {
        return s.id() + " (" + s.account().toLowerCase(Locale.ROOT) + "/" + s.clientId() + ")";
    }
}
