/**
 * Plain-Java cryptography of the G interface, shared by the gateway and the operator CLI: PEM files,
 * EC keys and ECDSA, the canonical statement of signed requests, key envelopes for meter key import,
 * and TLS contexts from PEM files. Bouncy Castle provides the curves the JDK lacks (brainpool), in
 * signatures and in TLS (BCJSSE).
 */
@Export
@Version("1.1.0")
package org.metergate.headend.security.crypto;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
