package org.metergate.core.registry;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Metergate meter registry",
        description = "The installed metering end devices and the meters heard but not installed.")
public @interface RegistryConfig {

    @AttributeDefinition(name = "Registry file", description = "Empty: <metergate.data>/registry/meters.jsonl")
    String file() default "";

    @AttributeDefinition(name = "Discovered meters kept", description = "How many heard-but-not-installed meters to remember")
    int discovered_max() default 10_000;
}
