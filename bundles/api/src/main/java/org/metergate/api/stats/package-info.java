/**
 * TR 50572 "communication statistics": what the gateway observed per meter and per link - when a
 * meter was last heard, how many telegrams, how strong, and which errors of which kind.
 */
@Export
@Version("1.0.0")
package org.metergate.api.stats;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
