package org.metergate.api.meter;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The gateway's register of installed metering end devices (TR 50572 "meter registration" and "new
 * meter identification"). Lookups are by address and never scan the whole register.
 */
@ProviderType
public interface MeterRegistry {

    /** The installed meter with exactly this address. */
    Optional<Meter> find(MeterAddress address);

    /** All installed meters, in address order. */
    Collection<Meter> meters();

    /** Number of installed meters. */
    int size();

    /** Installs (adopts) a meter, replacing an entry with the same address; persisted before it returns. */
    void install(Meter meter);

    /** Installs many meters with one durable write (commissioning a building, importing a list). */
    void installAll(Collection<Meter> meters);

    /**
     * Meters heard but not installed, most recently heard first (bounded: the oldest are forgotten
     * when the list is full). Adopting one is {@link #install(Meter)}.
     */
    List<DiscoveredMeter> discovered();

    /** Removes a meter; returns false when it was not installed. */
    boolean remove(MeterAddress address);
}
