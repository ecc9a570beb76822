/**
 * Raw telegrams as they come off the physical layer of the M (and C) interface, with the metadata
 * of their reception, and the sink through which links hand them to the gateway's uplink pipeline.
 */
@Export
@Version("1.0.0")
package org.metergate.api.telegram;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
