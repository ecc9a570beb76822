/**
 * The TR 50572 interfaces (M, C, H1, H2, H3, L, N, G1, G2) as a service property, and the meter
 * links that implement the M and C interfaces.
 */
@Export
@Version("1.0.0")
package org.metergate.api.link;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
