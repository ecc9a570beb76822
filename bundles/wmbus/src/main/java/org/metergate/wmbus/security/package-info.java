/**
 * OMS / EN 13757-7 security: security modes, the outcome of decryption and authentication, the OMS key derivation.
 */
@Export
@Version("1.0.0")
package org.metergate.wmbus.security;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
