package org.metergate.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.Reader;
import java.io.StringWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.metergate.api.meter.DeviceType;
import org.metergate.api.meter.DiscoveredMeter;
import org.metergate.api.meter.Meter;
import org.metergate.api.meter.MeterAddress;
import org.metergate.api.meter.MeterId;
import org.metergate.api.meter.MeterRegistry;
import org.metergate.api.reading.EventType;
import org.metergate.api.reading.FunctionField;
import org.metergate.api.reading.MeterEvent;
import org.metergate.api.reading.ObisCode;
import org.metergate.api.reading.Reading;
import org.metergate.api.reading.ReadingQuery;
import org.metergate.api.reading.Unit;
import org.metergate.api.security.MeterKey;
import org.metergate.api.security.MeterKeyStore;
import org.metergate.api.stats.CommunicationStatistics;
import org.metergate.api.stats.ErrorKind;
import org.metergate.api.stats.LinkStatistics;
import org.metergate.api.stats.MeterStatistics;
import org.metergate.api.stats.PipelineStatistics;
import org.metergate.api.stats.RssiSummary;

class MeterCommandsTest {

    private final MeterAddress water = MeterAddress.of("KAM", "12345678", 0x1B, DeviceType.WATER);
    private final MeterAddress heard = MeterAddress.of("ELS", "00000042", 1, DeviceType.GAS);
    private final Instant t = Instant.parse("2026-11-21T10:00:00Z");

    private final class Registry implements MeterRegistry {
        final Map<MeterAddress, Meter> meters = new TreeMap<>();
        final List<DiscoveredMeter> discovered = new ArrayList<>(List.of(
                new DiscoveredMeter(heard, "wmbus", OptionalInt.of(-88), t, t, 3)));

        @Override public Optional<Meter> find(MeterAddress a) { return Optional.ofNullable(meters.get(a)); }
        @Override public Collection<Meter> meters() { return meters.values(); }
        @Override public int size() { return meters.size(); }
        @Override public void install(Meter m) { meters.put(m.address(), m); discovered.removeIf(d -> d.address().equals(m.address())); }
        @Override public void installAll(Collection<Meter> ms) { ms.forEach(this::install); }
        @Override public boolean remove(MeterAddress a) { return meters.remove(a) != null; }
        @Override public List<DiscoveredMeter> discovered() { return discovered; }
    }

    private final CommunicationStatistics stats = new CommunicationStatistics() {
        final MeterStatistics s = new MeterStatistics(water, t, t.plusSeconds(60), 5, 7, new RssiSummary(7, -90, -60, -75.4),
                Map.of(ErrorKind.WRONG_KEY, 1L), Set.of("wmbus/stick"));

        @Override public Optional<MeterStatistics> meter(MeterAddress m) { return m.equals(water) ? Optional.of(s) : Optional.empty(); }
        @Override public List<MeterStatistics> meters() { return List.of(s); }
        @Override public List<LinkStatistics> links() {
            return List.of(new LinkStatistics("wmbus/stick", Optional.of(t), 7, 2, new RssiSummary(7, -90, -60, -75.4), Map.of()));
        }
        @Override public PipelineStatistics pipeline() { return new PipelineStatistics(9, 2, 6, 1, 12, 3, 0); }
    };

    private final ReadingQuery query = new ReadingQuery() {
        @Override public List<Reading> latest(MeterAddress m) {
            return m.equals(water) ? List.of(new Reading(water, "volume", new BigDecimal("12.345"), Unit.CUBIC_METRE, 0, 0, 0,
                    FunctionField.INSTANTANEOUS, t, ObisCode.parse("8-0:1.0.0*255"))) : List.of();
        }
        @Override public List<MeterEvent> recentEvents(int max) {
            return List.of(new MeterEvent(EventType.POWER_LOW, water, "wmbus", t, "status byte 0x04: power low"));
        }
    };

    private final class Keys implements MeterKeyStore {
        final SortedSet<MeterId> ids = new TreeSet<>();
        @Override public Optional<MeterKey> keyFor(MeterId m) { return Optional.empty(); }
        @Override public void put(MeterId m, MeterKey k) { ids.add(m); }
        @Override public boolean remove(MeterId m) { return ids.remove(m); }
        @Override public void putDefault(MeterKey k) { }
        @Override public boolean removeDefault() { return false; }
        @Override public boolean hasDefault() { return false; }
        @Override public SortedSet<MeterId> meters() { return ids; }
        @Override public int importKeys(Reader r) throws java.io.IOException {
            int n = 0;
            for (String line : new java.io.BufferedReader(r).lines().toList()) {
                put(MeterId.parse(line.substring(0, 12)), MeterKey.ofHex(line.substring(13)));
                n++;
            }
            return n;
        }
        @Override public void exportKeys(Writer w) { }
    }

    private final Registry registry = new Registry();
    private final Keys keys = new Keys();
    private final MeterCommands commands = new MeterCommands(registry, () -> Optional.of(stats), () -> Optional.of(query),
            () -> Optional.of(keys), List::of, List::of);

    @Test
    void metersListsTheInstalledOnesWithTheirCommunication() {
        registry.install(new Meter(water, "cold water", "flat 3", "", Duration.ofHours(4), t));
        String out = commands.meters();
        assertThat(out).contains("KAM-12345678 v1B water", "cold water", "flat 3", "2026-11-21T10:01:00Z", "-90/-75/-60 dBm");
        assertThat(out).contains("1 meters installed, 1 heard but not installed");
    }

    @Test
    void aMeterIsFoundByManufacturerAndIdentification() {
        registry.install(new Meter(water, "cold water", "flat 3", "", Duration.ofHours(4), t));
        assertThat(commands.meter("kam-12345678")).contains("label       cold water", "every PT4H", "5 (7 receptions)",
                "WRONG_KEY=1", "wmbus/stick");
        assertThat(commands.meter("KAM-12345678-1B-07")).contains("KAM-12345678 v1B water");
        assertThat(commands.meter("KAM-12345678-1C-07")).contains("no meter");
        assertThat(commands.meter("KAM-99999999")).contains("no meter KAM-99999999");
    }

    @Test
    void readingsShowTheLatestValuesExactly() {
        registry.install(new Meter(water, "", "", "", Duration.ZERO, t));
        assertThat(commands.readings("KAM-12345678")).contains("volume", "12.345", "m3", "8-0:1.0.0*255");
        assertThat(commands.readings("ELS-00000042")).contains("no readings since start");
    }

    @Test
    void aHeardMeterCanBeAdopted() {
        assertThat(commands.discovered()).contains("ELS-00000042 v01 gas", "-88 dBm");
        assertThat(commands.adopt("ELS-00000042", "gas", "flat 1", 3600)).isEqualTo("installed ELS-00000042 v01 gas\n");
        assertThat(registry.find(heard)).get().satisfies(m -> {
            assertThat(m.label()).isEqualTo("gas");
            assertThat(m.expectedInterval()).isEqualTo(Duration.ofHours(1));
        });
        assertThat(commands.adopt("ELS-00000042", "", "", 0)).contains("no meter ELS-00000042 among the meters heard");
    }

    @Test
    void eventsAndStatsAreShown() {
        assertThat(commands.events(10)).contains("POWER_LOW", "status byte 0x04: power low");
        assertThat(commands.stats()).contains("telegrams received 9, duplicates 2, accepted 6, failed 1; journaled 12 readings, 3 events")
                .contains("wmbus/stick");
    }

    @Test
    void keysAreImportedFromAFile(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("keys.txt");
        Files.writeString(f, "KAM-12345678 000102030405060708090A0B0C0D0E0F\n");
        assertThat(commands.keys("import", f.toString())).isEqualTo("imported 1 keys from " + f + "\n");
        assertThat(keys.ids).containsExactly(MeterId.parse("KAM-12345678"));
        assertThat(commands.keys("export", f.toString())).startsWith("usage");
        assertThat(commands.keys("import", dir.resolve("nope").toString())).startsWith("no file");
    }
}
