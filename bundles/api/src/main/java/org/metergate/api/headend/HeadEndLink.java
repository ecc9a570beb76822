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
     * Publishes a notification of an application to the head-end client {@code requester} (progress of
     * a job it started, the late outcome of its command); {@code resource} is the path below the
     * gateway's id, e.g. {@code download}. An empty requester addresses the gateway's own topic space.
     * Returns false when it could not be queued.
     */
    boolean notify(String appId, String requester, String resource, Map<String, Object> metrics);
}
