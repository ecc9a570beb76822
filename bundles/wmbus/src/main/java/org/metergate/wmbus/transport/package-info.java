/**
 * EN 13757-7 / OMS transport: CI-fields, extended link layer, authentication and fragmentation layer, TPL headers and configuration field, OMS compact frames.
 */
@Export
@Version("1.0.0")
package org.metergate.wmbus.transport;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
