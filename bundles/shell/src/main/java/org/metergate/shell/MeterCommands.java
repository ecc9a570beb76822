package org.metergate.shell;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.metergate.api.link.LinkStatus;
import org.metergate.api.link.MeterLink;
import org.metergate.api.meter.DiscoveredMeter;
import org.metergate.api.meter.Meter;
import org.metergate.api.meter.MeterAddress;
import org.metergate.api.meter.MeterId;
import org.metergate.api.meter.MeterRegistry;
import org.metergate.api.radio.Transceiver;
import org.metergate.api.reading.FunctionField;
import org.metergate.api.reading.MeterEvent;
import org.metergate.api.reading.Reading;
import org.metergate.api.reading.ReadingQuery;
import org.metergate.api.security.MeterKeyStore;
import org.metergate.api.stats.CommunicationStatistics;
import org.metergate.api.stats.LinkStatistics;
import org.metergate.api.stats.MeterStatistics;
import org.metergate.api.stats.PipelineStatistics;
import org.metergate.api.stats.RssiSummary;

/**
 * The commands themselves, on plain services so they are tested without a shell; each returns the
 * text to print. Meters are named as {@code MAN-12345678} (every version and device type with that
 * identification) or {@code MAN-12345678-VV-TT} (one exact address, version and type in hex).
 */
final class MeterCommands {

    private final MeterRegistry registry;
    private final Supplier<Optional<CommunicationStatistics>> stats;
    private final Supplier<Optional<ReadingQuery>> query;
    private final Supplier<Optional<MeterKeyStore>> keys;
    private final Supplier<Collection<MeterLink>> links;
    private final Supplier<Collection<Transceiver>> transceivers;

    MeterCommands(MeterRegistry registry, Supplier<Optional<CommunicationStatistics>> stats,
                  Supplier<Optional<ReadingQuery>> query, Supplier<Optional<MeterKeyStore>> keys,
                  Supplier<Collection<MeterLink>> links, Supplier<Collection<Transceiver>> transceivers) {
        this.registry = registry;
        this.stats = stats;
        this.query = query;
        this.keys = keys;
        this.links = links;
        this.transceivers = transceivers;
    }

    String meters() {
        Table t = new Table("METER", "LABEL", "OWNER", "LAST SEEN", "TELEGRAMS", "RSSI");
        for (Meter m : registry.meters()) {
            Optional<MeterStatistics> s = stats.get().flatMap(c -> c.meter(m.address()));
            t.row(m.address(), m.label(), m.owner(), s.map(x -> x.lastSeen().toString()).orElse("never"),
                    s.map(MeterStatistics::telegrams).orElse(0L), s.map(x -> rssi(x.rssi())).orElse(""));
        }
        int discovered = registry.discovered().size();
        return t.toString() + t.size() + " meters installed" + (discovered > 0 ? ", " + discovered + " heard but not installed (see 'discovered')" : "") + "\n";
    }

    String discovered() {
        Table t = new Table("METER", "LINK", "RSSI", "FIRST HEARD", "LAST HEARD", "TELEGRAMS");
        for (DiscoveredMeter d : registry.discovered()) {
            t.row(d.address(), d.link(), d.rssiDbm().isPresent() ? d.rssiDbm().getAsInt() + " dBm" : "", d.firstHeard(),
                    d.lastHeard(), d.telegrams());
        }
        return t.toString() + t.size() + " meters heard but not installed; 'adopt MAN-12345678' installs one\n";
    }

    String adopt(String name, String label, String owner, long expectedSeconds) {
        List<MeterAddress> candidates = new ArrayList<>();
        for (DiscoveredMeter d : registry.discovered()) {
            if (matches(name, d.address())) {
                candidates.add(d.address());
            }
        }
        if (candidates.isEmpty()) {
            return "no meter " + name + " among the meters heard but not installed\n";
        }
        if (candidates.size() > 1) {
            return name + " names " + candidates.size() + " heard meters; give the full address: " + candidates + "\n";
        }
        Meter m = new Meter(candidates.get(0), label, owner, "", Duration.ofSeconds(expectedSeconds), Instant.now());
        registry.install(m);
        return "installed " + m.address() + "\n";
    }

    String meter(String name) {
        Set<MeterAddress> found = find(name);
        if (found.isEmpty()) {
            return "no meter " + name + " is installed or was heard\n";
        }
        StringBuilder sb = new StringBuilder();
        for (MeterAddress a : found) {
            sb.append(a).append('\n');
            Optional<Meter> m = registry.find(a);
            if (m.isPresent()) {
                Meter x = m.get();
                sb.append("  installed   ").append(x.installed()).append('\n');
                sb.append("  label       ").append(x.label()).append('\n');
                sb.append("  owner       ").append(x.owner()).append('\n');
                sb.append("  expected    ").append(x.expectedInterval().isZero() ? "not checked" : "every " + x.expectedInterval()).append('\n');
            } else {
                sb.append("  not installed (heard)\n");
            }
            Optional<MeterStatistics> s = stats.get().flatMap(c -> c.meter(a));
            if (s.isPresent()) {
                MeterStatistics st = s.get();
                sb.append("  first seen  ").append(st.firstSeen()).append('\n');
                sb.append("  last seen   ").append(st.lastSeen()).append('\n');
                sb.append("  telegrams   ").append(st.telegrams()).append(" (").append(st.receptions()).append(" receptions)\n");
                sb.append("  RSSI        ").append(rssi(st.rssi())).append('\n');
                sb.append("  receivers   ").append(String.join(", ", st.receivers())).append('\n');
                sb.append("  errors      ").append(st.errors().isEmpty() ? "none" : st.errors().toString()).append('\n');
            }
        }
        return sb.toString();
    }

    String readings(String name) {
        Set<MeterAddress> found = find(name);
        if (found.isEmpty()) {
            return "no meter " + name + " is installed or was heard\n";
        }
        Optional<ReadingQuery> q = query.get();
        if (q.isEmpty()) {
            return "the gateway core is not running\n";
        }
        StringBuilder sb = new StringBuilder();
        for (MeterAddress a : found) {
            List<Reading> list = q.get().latest(a);
            sb.append(a).append(list.isEmpty() ? ": no readings since start\n" : "\n");
            if (!list.isEmpty()) {
                Table t = new Table("QUANTITY", "VALUE", "UNIT", "STORAGE", "TARIFF", "SUBUNIT", "FUNCTION", "TIME", "OBIS");
                for (Reading r : list) {
                    t.row(r.quantity(), r.value().toPlainString(), r.unit().symbol(), r.storage(), r.tariff(), r.subunit(),
                            r.function() == FunctionField.INSTANTANEOUS ? "" : r.function().name().toLowerCase(java.util.Locale.ROOT),
                            r.time(), r.obis() == null ? "" : r.obis());
                }
                sb.append(t);
            }
        }
        return sb.toString();
    }

    String events(int max) {
        Optional<ReadingQuery> q = query.get();
        if (q.isEmpty()) {
            return "the gateway core is not running\n";
        }
        Table t = new Table("TIME", "EVENT", "METER", "LINK", "DETAIL");
        for (MeterEvent e : q.get().recentEvents(max)) {
            t.row(e.time(), e.type(), e.meter() == null ? "" : e.meter(), e.link(), e.detail());
        }
        return t.toString();
    }

    String stats() {
        Optional<CommunicationStatistics> c = stats.get();
        if (c.isEmpty()) {
            return "the gateway core is not running\n";
        }
        PipelineStatistics p = c.get().pipeline();
        StringBuilder sb = new StringBuilder();
        sb.append(String.format("telegrams received %d, duplicates %d, accepted %d, failed %d; journaled %d readings, %d events; queued %d%n",
                p.received(), p.duplicates(), p.accepted(), p.failed(), p.readings(), p.events(), p.queued()));
        Table t = new Table("LINK/RECEIVER", "RECEPTIONS", "DUPLICATES", "RSSI", "LAST", "ERRORS");
        for (LinkStatistics l : c.get().links()) {
            t.row(l.link(), l.receptions(), l.duplicates(), rssi(l.rssi()), l.lastSeen().map(Instant::toString).orElse(""),
                    l.errors().isEmpty() ? "" : l.errors().toString());
        }
        sb.append(t);
        sb.append(c.get().meters().size()).append(" meters heard\n");
        return sb.toString();
    }

    String links() {
        Table t = new Table("KIND", "ID", "INTERFACE/MODES", "STATE", "RECEIVED", "ERRORS", "DROPPED", "DETAIL");
        for (MeterLink l : links.get()) {
            LinkStatus s = l.status();
            t.row("link", l.id(), l.interfaceTag(), s.state(), s.received(), s.errors(), s.dropped(), s.detail());
        }
        for (Transceiver x : transceivers.get()) {
            LinkStatus s = x.status();
            t.row("transceiver", x.id(), x.activeModes(), s.state(), s.received(), s.errors(), s.dropped(), s.detail());
        }
        return t.toString();
    }

    String keys(String action, String file) throws IOException {
        if (!"import".equals(action)) {
            return "usage: keys import <file>\n";
        }
        Optional<MeterKeyStore> store = keys.get();
        if (store.isEmpty()) {
            return "no key store is deployed\n";
        }
        try (Reader r = Files.newBufferedReader(Path.of(file), StandardCharsets.UTF_8)) {
            int n = store.get().importKeys(r);
            return "imported " + n + " keys from " + file + "\n";
        } catch (NoSuchFileException e) {
            return "no file " + file + "\n";
        }
    }

    private Set<MeterAddress> find(String name) {
        Set<MeterAddress> out = new LinkedHashSet<>();
        for (Meter m : registry.meters()) {
            if (matches(name, m.address())) {
                out.add(m.address());
            }
        }
        stats.get().ifPresent(c -> c.meters().forEach(s -> {
            if (matches(name, s.meter())) {
                out.add(s.meter());
            }
        }));
        for (DiscoveredMeter d : registry.discovered()) {
            if (matches(name, d.address())) {
                out.add(d.address());
            }
        }
        return out;
    }

    /** {@code MAN-12345678} matches every version and type; {@code MAN-12345678-VV-TT} one address. */
    static boolean matches(String name, MeterAddress a) {
        String n = name.trim().toUpperCase(java.util.Locale.ROOT);
        if (n.length() == 12) {
            try {
                return MeterId.parse(n).equals(a.meterId());
            } catch (IllegalArgumentException e) {
                return false;
            }
        }
        if (n.length() == 18 && n.charAt(12) == '-' && n.charAt(15) == '-') {
            try {
                MeterId id = MeterId.parse(n.substring(0, 12));
                return id.equals(a.meterId()) && Integer.parseInt(n.substring(13, 15), 16) == a.version()
                        && Integer.parseInt(n.substring(16, 18), 16) == a.deviceType();
            } catch (IllegalArgumentException e) {
                return false;
            }
        }
        return false;
    }

    private static String rssi(RssiSummary r) {
        return r.count() == 0 ? "" : String.format("%d/%.0f/%d dBm", r.min(), r.average(), r.max());
    }
}
