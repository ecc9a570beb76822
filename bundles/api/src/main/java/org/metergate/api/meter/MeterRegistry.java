package org.metergate.api.meter;

import java.util.Collection;
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

    /** Removes a meter; returns false when it was not installed. */
    boolean remove(MeterAddress address);
}
