package org.metergate.core.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.lang.annotation.Annotation;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.metergate.api.journal.Journal;
import org.metergate.api.journal.JournalCursor;
import org.metergate.api.journal.JournalException;
import org.metergate.api.journal.JournalStatus;
import org.metergate.api.meter.DeviceType;
import org.metergate.api.meter.Meter;
import org.metergate.api.meter.MeterAddress;
import org.metergate.api.reading.EventType;
import org.metergate.api.reading.FunctionField;
import org.metergate.api.reading.MeterEvent;
import org.metergate.api.reading.Reading;
import org.metergate.api.reading.Unit;
import org.metergate.api.reading.Uplink;
import org.metergate.api.reading.UplinkEntry;
import org.metergate.api.stats.ErrorKind;
import org.metergate.api.telegram.RawTelegram;
import org.metergate.api.telegram.ReceiveInfo;
import org.metergate.api.telegram.TelegramFormat;
import org.metergate.core.registry.MeterRegistryService;
import org.metergate.core.registry.RegistryConfigs;

/**
 * The pipeline with a stand-in codec: frame byte 0 is the meter number, byte 1 the status byte,
 * byte 2 the value; a status of 0xEE makes the codec fail with the error kind numbered by byte 2.
 */
class PipelineEngineTest {

    static MeterAddress meter(int n) {
        return MeterAddress.of("KAM", String.format("%08d", n), 1, DeviceType.WATER);
    }

    static final class FakeDecoder implements TelegramDecoder {
        @Override
        public byte[] transmissionKey(RawTelegram t) {
            return t.frame();
        }

        @Override
        public DecodeResult decode(RawTelegram t) {
            MeterAddress m = meter(t.byteAt(0));
            if (t.byteAt(1) == 0xEE) {
                return new DecodeResult.Failed(m, ErrorKind.values()[t.byteAt(2)], "failure " + ErrorKind.values()[t.byteAt(2)]);
            }
            Reading r = new Reading(m, "volume", BigDecimal.valueOf(t.byteAt(2), 3), Unit.CUBIC_METRE, 0, 0, 0,
                    FunctionField.INSTANTANEOUS, t.info().time(), null);
            List<DecodeResult.RecordAlarm> alarms = t.length() > 3 && t.byteAt(3) == 1
                    ? List.of(new DecodeResult.RecordAlarm(EventType.LEAK, "leak flag set")) : List.of();
            return new DecodeResult.Decoded(m, t.byteAt(1), List.of(r), alarms);
        }
    }

    /** A journal in memory that can fail and can be slow. */
    static final class MemoryJournal implements Journal {
        final List<Uplink> items = Collections.synchronizedList(new ArrayList<>());
        final AtomicInteger failuresLeft = new AtomicInteger();
        volatile long delayMillis;

        @Override
        public List<UplinkEntry> append(List<? extends Uplink> list) throws JournalException {
            if (failuresLeft.getAndDecrement() > 0) {
                throw new JournalException("disk full");
            }
            try {
                Thread.sleep(delayMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            List<UplinkEntry> out = new ArrayList<>();
            synchronized (items) {
                for (Uplink u : list) {
                    items.add(u);
                    out.add(new UplinkEntry(items.size() - 1, u));
                }
            }
            return out;
        }

        @Override
        public JournalCursor cursor(String consumerId) {
            throw new UnsupportedOperationException("the pipeline never reads");
        }

        @Override
        public JournalStatus status() {
            return new JournalStatus(0, items.size(), 0, 0);
        }

        List<Reading> readings() {
            synchronized (items) {
                return items.stream().filter(Reading.class::isInstance).map(Reading.class::cast).toList();
            }
        }

        List<MeterEvent> events() {
            synchronized (items) {
                return items.stream().filter(MeterEvent.class::isInstance).map(MeterEvent.class::cast).toList();
            }
        }
    }

    @TempDir
    Path dir;
    private final Instant t0 = Instant.parse("2026-11-21T10:00:00Z");
    private final MemoryJournal journal = new MemoryJournal();
    private MeterRegistryService registry;
    private PipelineEngine engine;

    private PipelineEngine start(PipelineSettings settings) throws Exception {
        registry = new MeterRegistryService(RegistryConfigs.of(dir.resolve("meters.jsonl"), 100));
        engine = new PipelineEngine(settings, journal, registry, registry, new FakeDecoder(), Clock.systemUTC());
        engine.start();
        return engine;
    }

    @AfterEach
    void stop() throws Exception {
        if (engine != null) {
            engine.close();
        }
    }

    private void install(int... meters) {
        for (int m : meters) {
            registry.install(new Meter(meter(m), "", "", "", Duration.ZERO, t0));
        }
    }

    private RawTelegram telegram(String receiver, int rssi, long atSecond, int... bytes) {
        byte[] b = new byte[bytes.length];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) bytes[i];
        }
        return new RawTelegram(b, TelegramFormat.WMBUS_NO_CRC,
                new ReceiveInfo(t0.plusSeconds(atSecond), OptionalInt.of(rssi), "wmbus", "T1", receiver));
    }

    @Test
    void readingsOfInstalledMetersAreJournaledAndCountedAsAccepted() throws Exception {
        start(PipelineSettings.defaults());
        install(1);
        engine.accept(telegram("stick", -70, 0, 1, 0, 42));
        await().until(() -> engine.stats().pipeline().accepted() == 1);
        assertThat(journal.readings()).singleElement().satisfies(r -> {
            assertThat(r.meter()).isEqualTo(meter(1));
            assertThat(r.value()).isEqualByComparingTo("0.042");
        });
        assertThat(engine.latest(meter(1))).hasSize(1);
        assertThat(engine.stats().pipeline().readings()).isEqualTo(1);
    }

    @Test
    void aTransmissionHeardByTwoReceiversIsKeptOnceWithBothReceptionsCounted() throws Exception {
        start(PipelineSettings.defaults());
        install(1);
        engine.accept(telegram("stick-a", -80, 0, 1, 0, 42));
        engine.accept(telegram("stick-b", -60, 1, 1, 0, 42));
        engine.accept(telegram("stick-a", -75, 2, 1, 0, 43)); // the next transmission
        await().until(() -> engine.stats().pipeline().received() == 3 && engine.stats().pipeline().accepted() == 2);
        assertThat(journal.readings()).hasSize(2);
        var m = engine.stats().meter(meter(1)).orElseThrow();
        assertThat(m.telegrams()).isEqualTo(2);
        assertThat(m.receptions()).isEqualTo(3);
        assertThat(m.rssi().min()).isEqualTo(-80);
        assertThat(m.rssi().max()).isEqualTo(-60);
        assertThat(m.receivers()).containsExactlyInAnyOrder("wmbus/stick-a", "wmbus/stick-b");
        assertThat(engine.stats().pipeline().duplicates()).isEqualTo(1);
        assertThat(engine.stats().links()).filteredOn(l -> l.link().equals("wmbus/stick-b"))
                .singleElement().satisfies(l -> assertThat(l.duplicates()).isEqualTo(1));
    }

    @Test
    void anUnknownMeterIsDiscoveredOnceAndItsReadingsAreNotJournaled() throws Exception {
        start(PipelineSettings.defaults());
        engine.accept(telegram("stick", -70, 0, 7, 0, 1));
        engine.accept(telegram("stick", -71, 10, 7, 0, 2));
        await().until(() -> engine.stats().pipeline().received() == 2 && engine.stats().pipeline().accepted() == 2);
        assertThat(journal.readings()).isEmpty();
        assertThat(journal.events()).singleElement().satisfies(e -> {
            assertThat(e.type()).isEqualTo(EventType.METER_DISCOVERED);
            assertThat(e.meter()).isEqualTo(meter(7));
            assertThat(e.detail()).contains("medium water", "RSSI -70 dBm", "mode T1", "receiver stick");
        });
        assertThat(registry.discovered()).extracting(d -> d.address()).containsExactly(meter(7));
    }

    @Test
    void inInstallationModeAHeardMeterIsInstalledAndItsReadingsKept() throws Exception {
        PipelineSettings d = PipelineSettings.defaults();
        start(new PipelineSettings(d.queueCapacity(), d.batchTelegrams(), d.dedupWindow(), d.dedupCapacity(), false, true,
                d.securityEventInterval(), d.linkErrorWindow(), d.linkErrorThreshold(), d.silenceCheck(), d.silenceGrace(), 100));
        engine.accept(telegram("stick", -70, 0, 7, 0, 1));
        await().until(() -> engine.stats().pipeline().accepted() == 1);
        assertThat(registry.find(meter(7))).isPresent();
        assertThat(journal.readings()).hasSize(1);
        assertThat(journal.events()).extracting(MeterEvent::type).containsExactly(EventType.METER_DISCOVERED);
    }

    @Test
    void alarmsFromTheStatusByteAndFromRecordsAreJournaledWhenTheyAppear() throws Exception {
        start(PipelineSettings.defaults());
        install(1);
        engine.accept(telegram("s", -70, 0, 1, 0x04, 1, 0));
        engine.accept(telegram("s", -70, 1, 1, 0x04, 2, 1));
        engine.accept(telegram("s", -70, 2, 1, 0x04, 3, 1));
        await().until(() -> engine.stats().pipeline().accepted() == 3);
        assertThat(journal.events()).extracting(MeterEvent::type).containsExactly(EventType.POWER_LOW, EventType.LEAK);
        assertThat(engine.recentEvents(10)).extracting(MeterEvent::type).containsExactly(EventType.LEAK, EventType.POWER_LOW);
    }

    @Test
    void decryptionFailuresOfInstalledMetersAreEventsButANeighboursEncryptedMeterIsNot() throws Exception {
        start(PipelineSettings.defaults());
        install(1);
        engine.accept(telegram("s", -70, 0, 1, 0xEE, ErrorKind.WRONG_KEY.ordinal()));
        engine.accept(telegram("s", -70, 1, 1, 0xEE, ErrorKind.WRONG_KEY.ordinal(), 9)); // another transmission, limited
        engine.accept(telegram("s", -70, 2, 1, 0xEE, ErrorKind.REPLAY.ordinal()));
        engine.accept(telegram("s", -70, 3, 9, 0xEE, ErrorKind.NO_KEY.ordinal()));
        await().until(() -> engine.stats().pipeline().failed() == 4 && journal.events().size() == 3);
        assertThat(journal.events()).extracting(MeterEvent::type)
                .containsExactly(EventType.DECRYPTION_FAILED, EventType.REPLAY_DETECTED, EventType.METER_DISCOVERED);
        assertThat(journal.events().get(0).detail()).isEqualTo("failure WRONG_KEY");
        assertThat(engine.stats().meter(meter(1)).orElseThrow().errors())
                .containsEntry(ErrorKind.WRONG_KEY, 2L).containsEntry(ErrorKind.REPLAY, 1L);
        assertThat(engine.stats().pipeline().failed()).isEqualTo(4);
    }

    @Test
    void aFailingJournalIsRetriedAndNothingTakenIsLost() throws Exception {
        start(PipelineSettings.defaults());
        install(1);
        journal.failuresLeft.set(2);
        for (int i = 0; i < 10; i++) {
            engine.accept(telegram("s", -70, i, 1, 0, i));
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> engine.stats().pipeline().accepted() == 10);
        assertThat(journal.readings()).extracting(r -> r.value().unscaledValue().intValue())
                .containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
    }

    @Test
    void aSlowJournalFillsTheBoundedQueueSoRadioLinksDropAndCountWhatTheyCannotHandOver() throws Exception {
        PipelineSettings d = PipelineSettings.defaults();
        start(new PipelineSettings(8, 2, d.dedupWindow(), d.dedupCapacity(), false, false, d.securityEventInterval(),
                d.linkErrorWindow(), d.linkErrorThreshold(), d.silenceCheck(), d.silenceGrace(), 100));
        install(1);
        journal.delayMillis = 200;
        int offered = 0;
        int taken = 0;
        for (int i = 0; i < 200; i++) {
            offered++;
            if (engine.offer(telegram("s", -70, i, 1, 0, i))) {
                taken++;
            }
        }
        assertThat(taken).isLessThan(offered);
        int dropped = offered - taken;
        assertThat(engine.stats().links()).singleElement()
                .satisfies(l -> assertThat(l.errors()).containsEntry(ErrorKind.DROPPED, (long) dropped));
        journal.delayMillis = 0;
        int expected = taken;
        await().atMost(Duration.ofSeconds(20)).until(() -> engine.stats().pipeline().accepted() == expected);
        assertThat(journal.readings()).hasSize(expected);
    }

    @Test
    void stoppingFinishesEverythingAlreadyTaken() throws Exception {
        start(PipelineSettings.defaults());
        install(1, 2);
        journal.delayMillis = 5;
        for (int i = 0; i < 2000; i++) {
            engine.accept(telegram("s", -70, i, 1 + i % 2, 0, i % 256, i >> 8));
        }
        engine.close();
        engine = null;
        assertThat(journal.readings()).hasSize(2000);
    }
}
