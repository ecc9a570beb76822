package org.metergate.api.link;

import org.osgi.annotation.versioning.ProviderType;

/**
 * A link to metering end devices: one instance of the M interface (or C on an NNAP) - a wireless
 * M-Bus receiver set, a wired M-Bus master on a port, a DLMS or SML local port. Links register with
 * {@value InterfaceTag#PROPERTY} and {@value #LINK_ID}; they hand received telegrams to the
 * {@link org.metergate.api.telegram.TelegramSink}.
 */
@ProviderType
public interface MeterLink {

    /** Service property: the link's id, unique on the gateway. */
    String LINK_ID = "metergate.link.id";

    String id();

    InterfaceTag interfaceTag();

    LinkStatus status();
}
