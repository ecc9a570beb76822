package org.metergate.api.headend;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A request from the head-end system (TR 50572 HES) to one of the gateway's applications, received
 * on the G interface.
 *
 * @param method the verb
 * @param resource the resource path below the application, e.g. {@code [meters, KAM-12345678, readings]}
 * @param requestId the id the reply must carry
 * @param requester the head-end client that asked (authorisation maps it to a market role)
 * @param metrics the request's named parameters
 * @param body the request body, possibly empty
 */
public record HeadEndRequest(RequestMethod method, List<String> resource, String requestId, String requester,
                             Map<String, Object> metrics, byte[] body) {

    public HeadEndRequest {
        Objects.requireNonNull(method, "method");
        resource = List.copyOf(resource);
        Objects.requireNonNull(requestId, "requestId");
        requester = requester == null ? "" : requester;
        metrics = Map.copyOf(metrics);
        body = body == null ? new byte[0] : body.clone();
    }

    @Override
    public byte[] body() {
        return body.clone();
    }
}
