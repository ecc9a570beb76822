package org.metergate.core.registry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;
import org.metergate.api.meter.DiscoveredMeter;
import org.metergate.api.meter.Meter;
import org.metergate.api.meter.MeterAddress;
import org.metergate.api.meter.MeterRegistry;
import org.metergate.core.DataDirectory;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The meter registry: installed meters in a hash map keyed by address (lookups never scan), every
 * change appended to the registry file and synced before it returns.
 */
@Component(service = {MeterRegistry.class, MeterDirectory.class}, configurationPid = "org.metergate.core.registry")
@Designate(ocd = RegistryConfig.class)
public final class MeterRegistryService implements MeterRegistry, MeterDirectory {

    private static final Logger LOG = LoggerFactory.getLogger(MeterRegistryService.class);

    private final Map<MeterAddress, Meter> meters;
    private final DiscoveredMeters discovered;
    private final RegistryLog log;

    @Activate
    public MeterRegistryService(RegistryConfig config) throws IOException {
        this.log = new RegistryLog(DataDirectory.fileOrDefault(config.file(), "registry/meters.jsonl"));
        Map<MeterAddress, Meter> loaded = log.load();
        this.meters = new ConcurrentHashMap<>(loaded);
        if (log.lines() > 2L * meters.size() + 1000) {
            log.compact(loaded.values());
        }
        this.discovered = new DiscoveredMeters(config.discovered_max());
        LOG.info("meter registry: {} meters installed", meters.size());
    }

    @Deactivate
    public void close() throws IOException {
        log.close();
    }

    @Override
    public Optional<Meter> find(MeterAddress address) {
        return Optional.ofNullable(meters.get(address));
    }

    @Override
    public Meter lookup(MeterAddress address) {
        return meters.get(address);
    }

    @Override
    public Collection<Meter> meters() {
        List<Meter> all = new ArrayList<>(meters.values());
        all.sort((a, b) -> a.address().compareTo(b.address()));
        return all;
    }

    @Override
    public int size() {
        return meters.size();
    }

    @Override
    public void install(Meter meter) {
        installAll(List.of(meter));
    }

    @Override
    public void installAll(Collection<Meter> list) {
        List<RegistryLog.Line> lines = new ArrayList<>(list.size());
        list.forEach(m -> lines.add(RegistryLog.Line.install(m)));
        write(lines);
        for (Meter m : list) {
            meters.put(m.address(), m);
            discovered.forget(m.address());
        }
    }

    @Override
    public boolean remove(MeterAddress address) {
        if (!meters.containsKey(address)) {
            return false;
        }
        write(List.of(RegistryLog.Line.remove(address)));
        return meters.remove(address) != null;
    }

    private void write(List<RegistryLog.Line> lines) {
        try {
            log.append(lines);
        } catch (IOException e) {
            throw new UncheckedIOException("meter registry could not be written: " + e.getMessage(), e);
        }
    }

    @Override
    public List<DiscoveredMeter> discovered() {
        return discovered.list();
    }

    @Override
    public boolean heardUninstalled(MeterAddress address, String link, OptionalInt rssi, Instant time) {
        return discovered.heard(address, link, rssi, time);
    }
}
