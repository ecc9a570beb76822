package org.metergate.provisioning.internal;

import java.util.Dictionary;
import java.util.Optional;
import java.util.Set;

/** What the installer does to Configuration Admin; {@link OsgiConfigurations} is the real one. */
interface ConfigPort {

    /** The properties of a configuration ({@code pid} or {@code factoryPid~name}) without the framework's own keys. */
    Optional<Dictionary<String, Object>> get(String pid) throws Exception;

    /** Creates or replaces a configuration. */
    void put(String pid, Dictionary<String, Object> properties) throws Exception;

    void delete(String pid) throws Exception;

    /** PIDs the gateway's own features configure (the Configurator's initial configurations): units may not touch them. */
    Set<String> basePids();
}
