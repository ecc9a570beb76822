package org.metergate.provisioning.deploy;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Metergate DEPLOY-V2 application",
        description = "Remote deployment over the head-end link: downloads (chunks over MQTT or HTTPS), installs, removals, rollbacks.")
@interface DeployConfig {

    @AttributeDefinition(name = "State directory", description = "Jobs and downloads; empty: <metergate.data>/deploy")
    String state_dir() default "";

    @AttributeDefinition(name = "Largest package (bytes)", description = "Downloads larger than this are refused")
    long max_bytes() default 256L * 1024 * 1024;

    @AttributeDefinition(name = "Chunk size (bytes)", description = "The chunk size suggested to head-ends sending over MQTT")
    int chunk_size() default 64 * 1024;

    @AttributeDefinition(name = "Download trust file", description = "PEM file of the CA certificates HTTPS download servers "
            + "are verified against; empty: the JDK's trusted CAs. Relative paths are below the distribution (metergate.home).")
    String download_trust_file() default "";

    @AttributeDefinition(name = "Allow plain HTTP", description = "Accept http:// download URIs (the package is signed, but the "
            + "transfer is not private)")
    boolean download_allow_http() default false;

    @AttributeDefinition(name = "Download timeout (s)", description = "Connect and read timeout of an HTTPS download")
    int download_timeout_seconds() default 60;

    @AttributeDefinition(name = "Download retries", description = "How often a broken HTTPS download is resumed before it fails")
    int download_retries() default 8;
}
