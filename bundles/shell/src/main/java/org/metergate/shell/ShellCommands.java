package org.metergate.shell;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.felix.service.command.Descriptor;
import org.metergate.api.link.MeterLink;
import org.metergate.api.meter.MeterRegistry;
import org.metergate.api.radio.Transceiver;
import org.metergate.api.reading.ReadingQuery;
import org.metergate.api.security.MeterKeyStore;
import org.metergate.api.stats.CommunicationStatistics;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/** The {@code metergate:} commands of the Gogo shell (TR 50572 local operation at the LNAP). */
@Component(service = ShellCommands.class, property = {
    "osgi.command.scope=metergate",
    "osgi.command.function=meters", "osgi.command.function=meter", "osgi.command.function=readings",
    "osgi.command.function=events", "osgi.command.function=stats", "osgi.command.function=links",
    "osgi.command.function=discovered", "osgi.command.function=adopt", "osgi.command.function=keys"
})
public final class ShellCommands {

    private final MeterCommands commands;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    volatile CommunicationStatistics statistics;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    volatile ReadingQuery query;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    volatile MeterKeyStore keyStore;

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    final List<MeterLink> links = new CopyOnWriteArrayList<>();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    final List<Transceiver> transceivers = new CopyOnWriteArrayList<>();

    @Activate
    public ShellCommands(@Reference MeterRegistry registry) {
        this.commands = new MeterCommands(registry, () -> Optional.ofNullable(statistics), () -> Optional.ofNullable(query),
                () -> Optional.ofNullable(keyStore), () -> links, () -> transceivers);
    }

    @Descriptor("installed meters, when each was last heard and how well")
    public String meters() {
        return commands.meters();
    }

    @Descriptor("meters heard but not installed (new meter identification)")
    public String discovered() {
        return commands.discovered();
    }

    @Descriptor("install a meter that was heard")
    public String adopt(@Descriptor("MAN-12345678, or MAN-12345678-VV-TT") String meter) {
        return commands.adopt(meter, "", "", 0);
    }

    @Descriptor("install a meter that was heard, with a label, an owner and its expected transmission interval")
    public String adopt(@Descriptor("MAN-12345678, or MAN-12345678-VV-TT") String meter, @Descriptor("label") String label,
                        @Descriptor("owner / consumer") String owner, @Descriptor("expected interval in seconds, 0 = not checked") long seconds) {
        return commands.adopt(meter, label, owner, seconds);
    }

    @Descriptor("one meter: installation and communication statistics")
    public String meter(@Descriptor("MAN-12345678, or MAN-12345678-VV-TT") String meter) {
        return commands.meter(meter);
    }

    @Descriptor("the readings of a meter's latest telegram")
    public String readings(@Descriptor("MAN-12345678, or MAN-12345678-VV-TT") String meter) {
        return commands.readings(meter);
    }

    @Descriptor("the 20 most recent events")
    public String events() {
        return commands.events(20);
    }

    @Descriptor("the most recent events")
    public String events(@Descriptor("how many") int max) {
        return commands.events(max);
    }

    @Descriptor("communication statistics of the pipeline and of each link and receiver")
    public String stats() {
        return commands.stats();
    }

    @Descriptor("meter links and transceivers with their state")
    public String links() {
        return commands.links();
    }

    @Descriptor("keys import <file>: import meter keys into the key store (the key store's text format)")
    public String keys(@Descriptor("import") String action, @Descriptor("file") String file) throws IOException {
        return commands.keys(action, file);
    }
}
