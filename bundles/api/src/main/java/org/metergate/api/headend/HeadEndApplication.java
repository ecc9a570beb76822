package org.metergate.api.headend;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * An application on the gateway that the head-end system (TR 50572 HES, over G) can talk to (a Kura "cloudlet"): meters, commands, configuration,
 * deploy. Registered with {@value #APP_ID}; the head-end link routes requests for that id here.
 */
@ConsumerType
public interface HeadEndApplication {

    /** Service property: the application id in topics, e.g. {@code METERS-V1}. */
    String APP_ID = "metergate.headend.app";

    /** Answers a request; exceptions become a 500 reply. */
    HeadEndResponse handle(HeadEndRequest request) throws Exception;
}
