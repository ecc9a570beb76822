package org.metergate.headend.security;

import java.util.List;
import java.util.Map;
import org.metergate.api.headend.RequestMethod;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Verifies operator signatures over head-end requests (actuator commands must be signed) against the
 * gateway's trust anchors: ECDSA over the canonical statement of
 * {@link org.metergate.headend.security.crypto.RequestStatement}, carried in the request metrics
 * {@value org.metergate.headend.security.crypto.RequestStatement#SIGNATURE},
 * {@value org.metergate.headend.security.crypto.RequestStatement#KEY_ID} and
 * {@value org.metergate.headend.security.crypto.RequestStatement#EXPIRES}.
 */
@ProviderType
public interface RequestSignatures {

    SignatureCheck verify(String account, String gateway, String appId, RequestMethod method, List<String> resource,
                          Map<String, Object> metrics, byte[] body);
}
