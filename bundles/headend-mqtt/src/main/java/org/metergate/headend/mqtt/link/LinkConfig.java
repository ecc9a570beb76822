package org.metergate.headend.mqtt.link;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

/** Configuration of one head-end link (factory PID {@value MqttHeadEndComponent#PID}). */
@ObjectClassDefinition(name = "Metergate head-end link (MQTT)",
        description = "The G interface to a head-end system over MQTT in the Kura/Kapua namespace: lifecycle messages,"
                + " push of readings and events, request/response with the head-end applications.")
@interface LinkConfig {

    @AttributeDefinition(name = "Link id", description = "Unique id of this link on the gateway; names its journal cursor (headend-<id>)")
    String metergate_headend_id() default "hes";

    @AttributeDefinition(name = "Broker URIs",
            description = "tcp://host:1883 or ssl://host:8883, tried in order. Empty: the link waits unconfigured"
                    + " (the demo's launcher fills in its embedded broker).")
    String[] broker_uris() default {};

    @AttributeDefinition(name = "MQTT version", options = {
        @org.osgi.service.metatype.annotations.Option(label = "MQTT 3.1.1", value = "3.1.1"),
        @org.osgi.service.metatype.annotations.Option(label = "MQTT 5", value = "5")})
    String mqtt_version() default "3.1.1";

    @AttributeDefinition(name = "Account", description = "The account (Kapua tenant) in every topic")
    String account() default "metergate";

    @AttributeDefinition(name = "Client id", description = "The gateway's MQTT client id; empty: metergate-<host name>")
    String client_id() default "";

    @AttributeDefinition(name = "User name", description = "MQTT user name, empty for none")
    String username() default "";

    @AttributeDefinition(name = "Password", type = AttributeType.PASSWORD, description = "MQTT password, empty for none")
    String password() default "";

    @AttributeDefinition(name = "TLS CA file", description = "PEM CA certificates that sign the broker's certificate; empty: the JDK's CAs")
    String tls_ca_file() default "";

    @AttributeDefinition(name = "TLS client certificate", description = "PEM certificate chain of this gateway, empty for none")
    String tls_cert_file() default "";

    @AttributeDefinition(name = "TLS client key", description = "PEM private key of the client certificate")
    String tls_key_file() default "";

    @AttributeDefinition(name = "TLS key password", type = AttributeType.PASSWORD, description = "Password of an encrypted client key")
    String tls_key_password() default "";

    @AttributeDefinition(name = "TLS versions", description = "TLSv1.3 and/or TLSv1.2")
    String[] tls_protocols() default {"TLSv1.3", "TLSv1.2"};

    @AttributeDefinition(name = "TLS implementation", description = "auto: Bouncy Castle's TLS when a certificate or key"
            + " of these files is on a curve the JDK cannot negotiate (brainpool, RFC 7027), else the JDK's; jdk; bouncycastle",
            options = {@Option(value = "auto", label = "auto"), @Option(value = "jdk", label = "JDK (SunJSSE)"),
                @Option(value = "bouncycastle", label = "Bouncy Castle (BCJSSE)")})
    String tls_provider() default "auto";

    @AttributeDefinition(name = "Verify the broker's host name", description = "Check the broker certificate's name against the URI (RFC 6125)")
    boolean tls_hostname_verification() default true;

    @AttributeDefinition(name = "Data QoS", description = "QoS of pushed data: 1 (default) acknowledges the journal only on PUBACK; 0 on sending (may lose data)")
    int qos() default 1;

    @AttributeDefinition(name = "Keep-alive (s)")
    int keepalive_s() default 30;

    @AttributeDefinition(name = "Connect timeout (s)")
    int connect_timeout_s() default 10;

    @AttributeDefinition(name = "Reconnect back-off, first (ms)")
    long reconnect_min_ms() default 1000;

    @AttributeDefinition(name = "Reconnect back-off, longest (ms)")
    long reconnect_max_ms() default 30_000;

    @AttributeDefinition(name = "Messages in flight", description = "Unacknowledged QoS 1 messages at most")
    int max_inflight() default 100;

    @AttributeDefinition(name = "Items per message", description = "Readings or events of one meter in one push message at most")
    int batch_max_items() default 50;

    @AttributeDefinition(name = "Rate (messages/s)", description = "Push messages per second at most; 0: unlimited")
    double rate_messages_per_second() default 50;

    @AttributeDefinition(name = "Rate burst", description = "Messages that may go out at once before the rate applies")
    int rate_burst() default 100;

    @AttributeDefinition(name = "Publish timeout (s)", description = "A PUBACK later than this counts the connection as broken")
    int publish_timeout_s() default 30;

    @AttributeDefinition(name = "Payload format", options = {
        @org.osgi.service.metatype.annotations.Option(label = "JSON", value = "json"),
        @org.osgi.service.metatype.annotations.Option(label = "Kura protobuf", value = "kura-protobuf")},
            description = "Format of pushed and lifecycle messages; replies use the format of their request")
    String payload_format() default "json";

    @AttributeDefinition(name = "gzip", description = "Compress pushed and lifecycle messages with gzip")
    boolean payload_gzip() default false;

    @AttributeDefinition(name = "Retain lifecycle messages", description = "Publish BIRTH, DC and LWT retained, so a head-end sees every gateway's state when it subscribes")
    boolean lifecycle_retain() default true;

    @AttributeDefinition(name = "Display name", description = "display_name of the birth certificate; empty: the client id")
    String display_name() default "";

    @AttributeDefinition(name = "Model name")
    String model_name() default "Metergate gateway";

    @AttributeDefinition(name = "Serial number")
    String serial_number() default "";

    @AttributeDefinition(name = "Request threads", description = "Requests handled at the same time at most")
    int request_threads() default 4;

    @AttributeDefinition(name = "Request memory (min)", description = "How long answered request ids and job ids are remembered, so a repeated request is answered again, never executed twice")
    int request_memory_min() default 30;
}
