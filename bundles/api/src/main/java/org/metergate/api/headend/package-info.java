/**
 * The G interface (TR 50572 G1/G2): the link from the gateway to the head-end system, and the
 * applications that answer the head-end's requests over it (resource style of Eclipse Kura/Kapua:
 * GET, PUT, POST, DEL, EXEC on an application's resources).
 */
@Export
@Version("2.0.0")
package org.metergate.api.headend;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
