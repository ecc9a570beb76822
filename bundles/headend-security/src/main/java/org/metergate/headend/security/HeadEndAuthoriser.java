package org.metergate.headend.security;

import java.util.List;
import java.util.Optional;
import org.metergate.api.headend.RequestMethod;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Authorises the head-end system's requests on G (TR 50572 G, ARCHITECTURE "Security"): maps the
 * requester (its MQTT client id) to a {@link MarketRole} and checks the role against the policy of
 * application, verb and resource. The head-end link asks before it routes any request; a refusal is
 * answered with 403.
 */
@ProviderType
public interface HeadEndAuthoriser {

    /** The role of a requester, empty when it is not mapped (such a requester may do nothing). */
    Optional<MarketRole> roleOf(String requester);

    AuthorisationDecision authorise(String requester, String appId, RequestMethod method, List<String> resource);
}
