/**
 * Run-time provisioning of a gateway: features (bundles and configurations), single bundles and the
 * gateway's own distribution, from signed update packages ({@code org.metergate.pkg}).
 *
 * <p>Every change is one transaction: <b>stage</b> (the package is verified against the gateway's
 * trust anchors, target and sequence numbers, and its artifacts are copied into the gateway's store,
 * hashed again on the way) - <b>journal</b> (the step is written and fsynced before the framework is
 * touched) - <b>install/update</b> bundles and apply configurations - <b>start</b> - <b>health check</b>
 * (every bundle of the change active, every Declarative Services component of those bundles satisfied
 * through {@code ServiceComponentRuntime}, and every {@link org.metergate.provisioning.HealthCheck}
 * service content) - <b>commit</b>. When any step fails, the gateway is put back exactly as it was:
 * the previous bundles (content and state) and the previous values of every configuration the change
 * touched. A crash in the middle is found in the journal at the next start and rolled back the same way.
 */
@Export
@Version("1.0.0")
package org.metergate.provisioning;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
