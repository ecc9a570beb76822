package org.metergate.security.component;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Configuration of the meter key store, PID {@value MeterKeyStoreComponent#PID}. There is deliberately
 * no property that holds the key-encryption key itself: configuration is stored and published in
 * clear.
 */
@ObjectClassDefinition(name = "Metergate meter key store",
        description = "The meter keys (OMS AES-128, per meter and a default key), encrypted at rest with AES-GCM under a "
                + "key-encryption key (KEK) from a file or an environment variable. Without a KEK the store does not start.")
@interface KeyStoreConfig {

    @AttributeDefinition(name = "Store file",
            description = "The encrypted key store: an absolute path, or a path relative to the gateway's data directory "
                    + "(system property metergate.data). Created empty on first start if allowed below.")
    String store_file() default MeterKeyStoreComponent.DEFAULT_STORE_FILE;

    @AttributeDefinition(name = "Create if missing",
            description = "When the store file does not exist: create an empty store (first start), or refuse to start "
                    + "(for gateways that must already hold their keys)")
    boolean create_if_missing() default true;

    @AttributeDefinition(name = "KEK file",
            description = "File holding the key-encryption key: 32 or 64 hex digits, or base64 of 16 or 32 bytes. An absolute "
                    + "path, or a path relative to the gateway's distribution (system property metergate.home), e.g. conf/kek. "
                    + "Takes precedence over the environment variable. Keep it readable by the gateway's user only.")
    String kek_file() default "";

    @AttributeDefinition(name = "KEK environment variable",
            description = "Name of the environment variable holding the key-encryption key, used when no KEK file is "
                    + "configured; empty to disable")
    String kek_env() default MeterKeyStoreComponent.DEFAULT_KEK_ENV;

    @AttributeDefinition(name = "Previous KEK file",
            description = "During a key-encryption key rotation: absolute path of a file holding the previous KEK. Used only "
                    + "when the current KEK cannot decrypt the store, which is then re-encrypted under the current KEK.")
    String kek_previous_file() default "";

    @AttributeDefinition(name = "Previous KEK environment variable",
            description = "During a rotation: name of the environment variable holding the previous KEK (when no previous "
                    + "KEK file is configured); empty to disable")
    String kek_previous_env() default "";

    @AttributeDefinition(name = "Keys to import at start",
            description = "A key file in the text format (MAN-12345678 <32 hex>, default <32 hex>) imported at every start, "
                    + "for commissioning and demos: absolute, or relative to the gateway's distribution. Empty: none. The "
                    + "import replaces the keys it names and keeps the others; a bad file stops the store from starting.")
    String import_file() default "";
}
