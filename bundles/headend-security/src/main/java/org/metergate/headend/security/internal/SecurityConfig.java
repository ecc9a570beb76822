package org.metergate.headend.security.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration of the G interface's security (PID {@value HeadEndSecurityComponent#PID}). */
@ObjectClassDefinition(name = "Metergate head-end security",
        description = "Market roles of head-end requesters, operator keys trusted to sign commands, the authorisation"
                + " policy, and the key-transport key for encrypted meter key import.")
@interface SecurityConfig {

    @AttributeDefinition(name = "Requester roles",
            description = "REQUESTER=ROLE entries, first match wins; REQUESTER is a head-end client id or a prefix ending in *."
                    + " Roles: METER_SITE_OPERATOR (MSO), METERING_SERVICE_PROVIDER (MSP), DSO, SUPPLIER, CONSUMER."
                    + " A requester without a role may do nothing.")
    String[] roles() default {};

    @AttributeDefinition(name = "Operator keys (trust anchors)",
            description = "ROLE:FILE entries: PEM public keys or certificates of the operator keys that may sign requests"
                    + " (actuator commands), each acting in the given market role. Relative paths start at the gateway's home.")
    String[] operator_keys() default {};

    @AttributeDefinition(name = "Additional policy rules",
            description = "Rules added to the shipped policy: ROLES APP METHOD RESOURCE [signed] [audited], e.g."
                    + " 'MSO DEPLOY-V2 EXEC ** signed audited'. Rules only grant; they cannot remove a shipped rule.")
    String[] policy_rules() default {};

    @AttributeDefinition(name = "Maximum signature validity (s)",
            description = "A signed request whose signature.expires lies further in the future is refused")
    long signature_max_validity_s() default 900;

    @AttributeDefinition(name = "Key-transport key file",
            description = "PEM private key (EC P-256) that meter keys are encrypted to; generated when missing."
                    + " Empty: headend/transport-key.pem in the gateway's data directory.")
    String transport_key_file() default "";

    @AttributeDefinition(name = "Bouncy Castle for TLS",
            description = "Add the Bouncy Castle provider (last) to the JVM so TLS can verify certificates on curves"
                    + " the JDK lacks, such as brainpool (RFC 7027)")
    boolean tls_bouncycastle_provider() default true;
}
