/**
 * The bit level of EN 13757-4 shared by the radio mode bundles: the link-layer CRC, the block layout of
 * frame formats A and B, the Manchester and NRZ line codes, a streaming decoder that finds frames in a
 * chip stream and an encoder from frames to chips. Plain Java; each mode bundle adds its facts (and
 * mode T its 3-out-of-6 code) and registers {@link org.metergate.radio.common.StandardRadioMode}s.
 */
@Export
@Version("1.0.0")
package org.metergate.radio.common;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
