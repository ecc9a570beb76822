package org.metergate.api.headend;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The gateway's link to a head-end system (TR 50572 G1/G2), registered with
 * {@code metergate.interface=G2}. Applications use it to send notifications outside a reply.
 */
@ProviderType
public interface HeadEndLink {

    String id();

    /** True while connected to the head-end. */
    boolean connected();

    /** When the link last connected, if ever. */
    Optional<Instant> connectedSince();

    /**
     * Publishes an unsolicited notification of an application (progress of a job, a live event);
     * returns false when it could not be queued.
     */
    boolean notify(String appId, String resource, Map<String, Object> metrics);
}
