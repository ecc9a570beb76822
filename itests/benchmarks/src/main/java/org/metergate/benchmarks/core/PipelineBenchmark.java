package org.metergate.benchmarks.core;

import java.lang.annotation.Annotation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import org.metergate.api.journal.Journal;
import org.metergate.api.meter.Meter;
import org.metergate.api.meter.MeterAddress;
import org.metergate.api.meter.MeterId;
import org.metergate.api.security.MeterKey;
import org.metergate.api.telegram.RawTelegram;
import org.metergate.api.telegram.ReceiveInfo;
import org.metergate.api.telegram.TelegramFormat;
import org.metergate.core.codec.CodecTelegramDecoder;
import org.metergate.core.codec.DecoderConfig;
import org.metergate.core.pipeline.PipelineEngine;
import org.metergate.core.pipeline.PipelineSettings;
import org.metergate.core.registry.MeterRegistryService;
import org.metergate.core.registry.RegistryConfig;
import org.metergate.store.log.Durability;
import org.metergate.store.log.JournalOptions;
import org.metergate.store.log.SegmentJournal;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The uplink pipeline end to end - de-duplication, registry lookup, decoding and decryption (security
 * mode 5), readings, alarms, durable journal append with group commit - with the same traffic from
 * one meter and a registry of 1 or of 100,000 installed meters: the registry is looked up by
 * address, so the rate must not depend on its size. One operation is one telegram decoded and
 * journaled.
 *
 * <pre>java -jar itests/benchmarks/target/benchmarks.jar PipelineBenchmark -f 1 -wi 3 -i 5</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class PipelineBenchmark {

    static final int BATCH = 20_000;
    static final int SENDING = 1;

    @Param({"1", "100000"})
    public int installedMeters;

    private Path dir;
    private SegmentJournal journal;
    private MeterRegistryService registry;
    private PipelineEngine engine;
    private Traffic traffic;
    private List<RawTelegram> next;
    private long accepted;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        dir = Files.createTempDirectory("metergate-pipeline-bench");
        int sending = SENDING;
        traffic = new Traffic(sending, true);
        registry = new MeterRegistryService(registryConfig(dir.resolve("meters.jsonl")));
        List<Meter> install = new ArrayList<>();
        for (MeterAddress a : traffic.meters()) {
            install.add(new Meter(a, "", "", "", Duration.ZERO, Instant.now()));
        }
        for (int i = sending; i < installedMeters; i++) { // meters that are installed but quiet
            install.add(new Meter(MeterAddress.of("QUI", String.format("%08d", i), 1, org.metergate.api.meter.DeviceType.WATER),
                    "", "", "", Duration.ZERO, Instant.now()));
        }
        registry.installAll(install);
        journal = SegmentJournal.open(JournalOptions.builder(dir.resolve("journal")).durability(Durability.GROUP_COMMIT)
                .retentionMaxBytes(0).retentionMaxAge(null).build());
        Map<MeterId, MeterKey> keys = new HashMap<>();
        for (int i = 0; i < sending; i++) {
            if (traffic.key(i) != null) {
                keys.put(traffic.meters().get(i).meterId(), traffic.key(i));
            }
        }
        CodecTelegramDecoder decoder = new CodecTelegramDecoder(decoderConfig());
        decoder.useKeyStore(new KeyMap(keys));
        engine = new PipelineEngine(PipelineSettings.defaults(), journal, registry, registry, decoder, Clock.systemUTC());
        engine.start();
        prepare();
    }

    @Setup(Level.Invocation)
    public void prepare() {
        next = new ArrayList<>(BATCH);
        Instant now = Instant.now();
        for (int n = 0; n < BATCH; n++) {
            next.add(new RawTelegram(traffic.next(n % traffic.meters().size()), TelegramFormat.WMBUS_NO_CRC,
                    new ReceiveInfo(now, OptionalInt.of(-70), "wmbus", "T1", "bench")));
        }
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public long decodeAndJournal() throws InterruptedException {
        for (RawTelegram t : next) {
            engine.accept(t);
        }
        accepted += BATCH;
        while (engine.stats().pipeline().accepted() < accepted) {
            Thread.onSpinWait();
        }
        if (engine.stats().pipeline().failed() > 0) {
            throw new IllegalStateException(engine.stats().pipeline().failed() + " telegrams failed: the measurement is void");
        }
        return accepted;
    }

    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
        engine.close();
        journal.close();
        registry.close();
    }

    static RegistryConfig registryConfig(Path file) {
        return new RegistryConfig() {
            @Override public Class<? extends Annotation> annotationType() { return RegistryConfig.class; }
            @Override public String file() { return file.toString(); }
            @Override public int discovered_max() { return 1000; }
        };
    }

    static DecoderConfig decoderConfig() {
        return new DecoderConfig() {
            @Override public Class<? extends Annotation> annotationType() { return DecoderConfig.class; }
            @Override public String meter_time_zone() { return "UTC"; }
            @Override public boolean replay_detection() { return true; }
            @Override public int access_number_window() { return 16; }
            @Override public long message_counter_window() { return 0; }
        };
    }

    /** Keys in a map, as the key store hands them out. */
    static final class KeyMap implements org.metergate.api.security.MeterKeyStore {
        private final Map<MeterId, MeterKey> keys;

        KeyMap(Map<MeterId, MeterKey> keys) {
            this.keys = keys;
        }

        @Override public Optional<MeterKey> keyFor(MeterId m) { return Optional.ofNullable(keys.get(m)); }
        @Override public void put(MeterId m, MeterKey k) throws java.io.IOException { throw readOnly(); }
        @Override public boolean remove(MeterId m) throws java.io.IOException { throw readOnly(); }
        @Override public void putDefault(MeterKey k) throws java.io.IOException { throw readOnly(); }
        @Override public boolean removeDefault() throws java.io.IOException { throw readOnly(); }
        @Override public boolean hasDefault() { return false; }
        @Override public java.util.SortedSet<MeterId> meters() { return new java.util.TreeSet<>(keys.keySet()); }
        @Override public int importKeys(java.io.Reader r) throws java.io.IOException { throw readOnly(); }
        @Override public void exportKeys(java.io.Writer w) throws java.io.IOException { throw readOnly(); }

        private static java.io.IOException readOnly() {
            return new java.io.IOException("the benchmark's keys are fixed");
        }
    }
}
