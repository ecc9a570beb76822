package org.metergate.core.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.lang.annotation.Annotation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.metergate.api.meter.DeviceType;
import org.metergate.api.meter.ManufacturerCode;
import org.metergate.api.meter.Meter;
import org.metergate.api.meter.MeterAddress;

class MeterRegistryServiceTest {

    static RegistryConfig config(Path file, int discoveredMax) {
        return new RegistryConfig() {
            @Override public Class<? extends Annotation> annotationType() { return RegistryConfig.class; }
            @Override public String file() { return file.toString(); }
            @Override public int discovered_max() { return discoveredMax; }
        };
    }

    static Meter meter(String id, String label) {
        return new Meter(MeterAddress.of("KAM", id, 0x1B, DeviceType.WATER), label, "flat 3", "", Duration.ofHours(4),
                Instant.parse("2026-11-21T10:00:00Z"));
    }

    @Test
    void installedMetersSurviveARestartAndRemovalsToo(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("meters.jsonl");
        MeterRegistryService r = new MeterRegistryService(config(file, 10));
        r.install(meter("00000001", "cold water"));
        r.install(meter("00000002", "hot water"));
        r.install(meter("00000001", "cold water, kitchen")); // replaces
        assertThat(r.remove(meter("00000002", "").address())).isTrue();
        assertThat(r.remove(meter("00000003", "").address())).isFalse();
        r.close();

        MeterRegistryService again = new MeterRegistryService(config(file, 10));
        assertThat(again.size()).isEqualTo(1);
        Meter m = again.find(meter("00000001", "").address()).orElseThrow();
        assertThat(m.label()).isEqualTo("cold water, kitchen");
        assertThat(m.owner()).isEqualTo("flat 3");
        assertThat(m.expectedInterval()).isEqualTo(Duration.ofHours(4));
        assertThat(m.installed()).isEqualTo(Instant.parse("2026-11-21T10:00:00Z"));
        again.close();
    }

    @Test
    void aTornLastLineFromACrashIsCutOff(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("meters.jsonl");
        MeterRegistryService r = new MeterRegistryService(config(file, 10));
        r.install(meter("00000001", "a"));
        r.install(meter("00000002", "b"));
        r.close();
        byte[] all = Files.readAllBytes(file);
        Files.write(file, java.util.Arrays.copyOf(all, all.length - 7)); // half of the last line

        MeterRegistryService again = new MeterRegistryService(config(file, 10));
        assertThat(again.meters()).extracting(Meter::label).containsExactly("a");
        again.install(meter("00000003", "c")); // appends after the cut, not after the garbage
        again.close();
        assertThat(new MeterRegistryService(config(file, 10)).meters()).extracting(Meter::label).containsExactly("a", "c");
    }

    @Test
    void aFileWithManyMoreLinesThanMetersIsCompactedAtStart(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("meters.jsonl");
        MeterRegistryService r = new MeterRegistryService(config(file, 10));
        for (int i = 0; i < 1500; i++) {
            r.install(meter("00000001", "label " + i));
        }
        r.close();
        assertThat(Files.readAllLines(file)).hasSize(1500);
        MeterRegistryService again = new MeterRegistryService(config(file, 10));
        assertThat(again.size()).as("loaded (and compacted) before the first answer").isEqualTo(1);
        assertThat(Files.readAllLines(file)).hasSize(1);
        assertThat(again.meters()).extracting(Meter::label).containsExactly("label 1499");
        again.close();
    }

    @Test
    void manyMetersAreInstalledWithOneWriteAndFoundByAddress(@TempDir Path dir) throws Exception {
        MeterRegistryService r = new MeterRegistryService(config(dir.resolve("m.jsonl"), 10));
        List<Meter> many = new ArrayList<>();
        for (int i = 0; i < 100_000; i++) {
            many.add(meter(String.format("%08d", i), ""));
        }
        r.installAll(many);
        assertThat(r.size()).isEqualTo(100_000);
        assertThat(r.lookup(meter("00054321", "").address())).isNotNull();
        assertThat(r.lookup(MeterAddress.of("KAM", "00054321", 0x1C, DeviceType.WATER))).as("version is part of the address").isNull();
        r.close();
        assertThat(new MeterRegistryService(config(dir.resolve("m.jsonl"), 10)).size()).isEqualTo(100_000);
    }

    @Test
    void unknownMetersAreDiscoveredOnceAndForgottenWhenInstalled(@TempDir Path dir) throws Exception {
        MeterRegistryService r = new MeterRegistryService(config(dir.resolve("m.jsonl"), 2));
        MeterAddress a = meter("00000001", "").address();
        MeterAddress b = meter("00000002", "").address();
        MeterAddress c = new MeterAddress(ManufacturerCode.of("ELS"), "00000003", 1, 3);
        Instant t = Instant.parse("2026-11-21T10:00:00Z");
        assertThat(r.heardUninstalled(a, "wmbus", OptionalInt.of(-70), t)).isTrue();
        assertThat(r.heardUninstalled(a, "wmbus", OptionalInt.of(-60), t.plusSeconds(10))).isFalse();
        assertThat(r.heardUninstalled(b, "wmbus", OptionalInt.empty(), t.plusSeconds(20))).isTrue();
        assertThat(r.discovered()).extracting(d -> d.address()).containsExactly(b, a);
        assertThat(r.discovered().get(1).telegrams()).isEqualTo(2);
        assertThat(r.discovered().get(1).rssiDbm()).hasValue(-60);
        // bounded: a third meter pushes out the one heard longest ago
        r.heardUninstalled(c, "wmbus", OptionalInt.empty(), t.plusSeconds(30));
        assertThat(r.discovered()).extracting(d -> d.address()).containsExactly(c, b);
        r.install(meter("00000002", ""));
        assertThat(r.discovered()).extracting(d -> d.address()).containsExactly(c);
        r.close();
    }

    @Test
    void aRegistryThatCannotBeReadSaysSoOnEveryUseInsteadOfActingEmpty(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("meters.jsonl");
        Files.createDirectories(file); // a directory where the file should be
        MeterRegistryService r = new MeterRegistryService(config(file, 10));
        assertThatThrownBy(() -> r.lookup(meter("00000001", "").address()))
                .isInstanceOf(UncheckedIOException.class).hasMessageStartingWith("meter registry could not be read: ");
        assertThatThrownBy(() -> r.install(meter("00000001", "a"))).isInstanceOf(UncheckedIOException.class);
        r.close();
    }
}
