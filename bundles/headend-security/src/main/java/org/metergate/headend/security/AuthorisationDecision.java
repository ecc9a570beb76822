package org.metergate.headend.security;

import java.util.Objects;
import java.util.Optional;

/**
 * The authorisation policy's answer for one head-end request.
 *
 * @param allowed whether the requester's role may make the request
 * @param role the requester's market role, empty when the requester is not mapped to any
 * @param signatureRequired the request must also carry a valid operator signature (actuator commands)
 * @param audited a refusal of this request is recorded as a {@code COMMAND_REFUSED} event
 * @param reason why it was refused (empty when allowed)
 */
public record AuthorisationDecision(boolean allowed, Optional<MarketRole> role, boolean signatureRequired, boolean audited,
                                    String reason) {

    public AuthorisationDecision {
        Objects.requireNonNull(role, "role");
        reason = reason == null ? "" : reason;
    }
}
