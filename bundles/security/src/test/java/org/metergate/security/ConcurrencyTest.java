package org.metergate.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.metergate.security.TestKeys.ELS_KEY;
import static org.metergate.security.TestKeys.KAM;
import static org.metergate.security.TestKeys.KAM_KEY;
import static org.metergate.security.TestKeys.LSE;
import static org.metergate.security.TestKeys.LSE_KEY;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.metergate.api.meter.ManufacturerCode;
import org.metergate.api.meter.MeterId;
import org.metergate.api.security.MeterKey;

/** Sanity checks of the snapshot design; not a timing test. */
class ConcurrencyTest {

    @TempDir
    Path dir;

    @Test
    void readersOnlyEverSeeKeysThatWerePut() throws Exception {
        try (EncryptedMeterKeyStore store = EncryptedMeterKeyStore.open(dir.resolve("k.store"), TestKeys.kek128())) {
            store.put(KAM, KAM_KEY);
            AtomicBoolean done = new AtomicBoolean();
            AtomicLong lookups = new AtomicLong();
            Queue<String> errors = new ConcurrentLinkedQueue<>();
            CountDownLatch started = new CountDownLatch(3);
            List<Thread> readers = new ArrayList<>();
            for (int r = 0; r < 3; r++) {
                Thread reader = new Thread(() -> {
                    started.countDown();
                    while (!done.get()) {
                        Optional<MeterKey> k = store.keyFor(KAM);
                        if (k.isEmpty() || !(k.get().equals(KAM_KEY) || k.get().equals(LSE_KEY))) {
                            errors.add("KAM: unexpected key state");
                        }
                        if (store.keyFor(LSE).isPresent()) {
                            errors.add("LSE: a key that was never put");
                        }
                        if (!store.meters().contains(KAM)) {
                            errors.add("meters() lost KAM");
                        }
                        lookups.incrementAndGet();
                    }
                });
                reader.start();
                readers.add(reader);
            }
            started.await();
            for (int i = 0; i < 60; i++) {
                store.put(KAM, i % 2 == 0 ? LSE_KEY : KAM_KEY);
                store.put(new MeterId(ManufacturerCode.of("ELS"), String.format("%08d", i)), ELS_KEY);
            }
            done.set(true);
            for (Thread reader : readers) {
                reader.join(10_000);
            }
            assertThat(errors).isEmpty();
            assertThat(lookups.get()).isPositive();
            assertThat(store.meters()).hasSize(61);
        }
    }

    @Test
    void concurrentWritersLoseNoUpdate() throws Exception {
        Path file = dir.resolve("k.store");
        int threads = 4;
        int perThread = 15;
        try (EncryptedMeterKeyStore store = EncryptedMeterKeyStore.open(file, TestKeys.kek128())) {
            Queue<Throwable> errors = new ConcurrentLinkedQueue<>();
            List<Thread> writers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                Thread writer = new Thread(() -> {
                    try {
                        for (int i = 0; i < perThread; i++) {
                            store.put(new MeterId(ManufacturerCode.of("KAM"), String.format("%02d%06d", thread, i)), KAM_KEY);
                        }
                    } catch (IOException | RuntimeException e) {
                        errors.add(e);
                    }
                });
                writer.start();
                writers.add(writer);
            }
            for (Thread writer : writers) {
                writer.join(30_000);
            }
            assertThat(errors).isEmpty();
            assertThat(store.meters()).hasSize(threads * perThread);
        }
        try (EncryptedMeterKeyStore store = EncryptedMeterKeyStore.open(file, TestKeys.kek128())) {
            assertThat(store.meters()).hasSize(threads * perThread);
        }
    }
}
