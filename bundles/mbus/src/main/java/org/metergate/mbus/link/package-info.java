/**
 * EN 13757-2 link layer of wired M-Bus: the single character E5, short frame, control frame and
 * long frame, with their C-field (function, FCB/FCV, ACD/DFC) and A-field (primary, secondary,
 * broadcast), decoded and encoded.
 */
@Export
@Version("1.0.0")
package org.metergate.mbus.link;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
