package org.metergate.api.security;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.util.Optional;
import java.util.SortedSet;
import org.metergate.api.meter.MeterId;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The gateway's store of meter keys (OMS key management): one AES-128 key per meter (manufacturer +
 * identification) and optionally a default key, encrypted at rest.
 */
@ProviderType
public interface MeterKeyStore {

    /** The meter's own key, else the default key, else empty. */
    Optional<MeterKey> keyFor(MeterId meter);

    /** Stores the key of a meter, replacing an older one; persisted before it returns. */
    void put(MeterId meter, MeterKey key) throws IOException;

    /** Removes a meter's key; false when there was none. */
    boolean remove(MeterId meter) throws IOException;

    /** Sets the default key, used for meters without a key of their own; persisted before it returns. */
    void putDefault(MeterKey key) throws IOException;

    /** Removes the default key; false when there was none. */
    boolean removeDefault() throws IOException;

    /** True when the store has a default key. */
    boolean hasDefault();

    /** The meters that have a key of their own. */
    SortedSet<MeterId> meters();

    /** Imports keys from the store's documented text format; returns how many were imported. */
    int importKeys(Reader text) throws IOException;

    /** Exports every key in the documented text format (this output holds the keys in clear). */
    void exportKeys(Writer text) throws IOException;
}
