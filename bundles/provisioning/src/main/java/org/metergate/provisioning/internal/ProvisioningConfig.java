package org.metergate.provisioning.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Metergate provisioning",
        description = "Installs signed update packages (features, bundles, firmware) transactionally, with health check and rollback.")
@interface ProvisioningConfig {

    @AttributeDefinition(name = "Gateway id", description = "This gateway's id for package targets; empty: the system "
            + "property metergate.gateway.id, else the host name. Use the head-end client id.")
    String gateway_id() default "";

    @AttributeDefinition(name = "Gateway model", description = "This gateway's model for package targets")
    String gateway_model() default "metergate";

    @AttributeDefinition(name = "Trust directory", description = "Directory of trust anchors (*.pem, *.crt, *.pub: public "
            + "keys or X.509 certificates of the package signers); relative paths are below the distribution "
            + "(system property metergate.home). Read for every package, so anchors added there count at once.")
    String trust_dir() default "conf/trust";

    @AttributeDefinition(name = "Trust anchor files", description = "More trust anchor files (PEM), relative paths as above")
    String[] trust_files() default {};

    @AttributeDefinition(name = "State directory", description = "Where the installed units, the transaction journal and "
            + "the artifacts are kept; empty: <metergate.data>/provisioning")
    String state_dir() default "";

    @AttributeDefinition(name = "Health check timeout (s)", description = "How long a deployment may take until every bundle "
            + "is active and every component satisfied; after that it is rolled back")
    int health_timeout_seconds() default 30;

    @AttributeDefinition(name = "Refresh timeout (s)", description = "How long a package refresh may take")
    int refresh_timeout_seconds() default 30;

    @AttributeDefinition(name = "Firmware boots", description = "Boots a new firmware gets to pass its health check before "
            + "the launcher falls back to the previous one")
    int firmware_max_boots() default 1;

    @AttributeDefinition(name = "Restart for firmware", description = "Stop the framework after a firmware was written, so the "
            + "launcher restarts into it")
    boolean firmware_restart() default true;

    @AttributeDefinition(name = "Restart delay (s)", description = "Time between writing a firmware and the restart, for "
            + "notifications to go out")
    int firmware_restart_delay_seconds() default 3;
}
