/**
 * Security of the G interface (TR 50572 G1/G2 to the head-end system): market roles and the
 * authorisation of requests, operator signatures over requests, and the gateway's key-transport key.
 * The services are provided by this bundle's component (configuration PID
 * {@code org.metergate.headend.security}); the head-end link and applications use them.
 */
@Export
@Version("1.0.0")
package org.metergate.headend.security;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
