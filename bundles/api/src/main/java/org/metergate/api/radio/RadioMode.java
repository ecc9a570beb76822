package org.metergate.api.radio;

import java.util.Set;
import org.osgi.annotation.versioning.ProviderType;

/**
 * A radio mode of EN 13757-4 as a deployable service: a gateway can receive a mode only while the
 * bundle that provides this service for it is deployed. Registered with the service property
 * {@value #MODE} holding the mode label.
 */
@ProviderType
public interface RadioMode {

    /** Service property: the mode's label, e.g. {@code T1}. */
    String MODE = "metergate.radio.mode";

    RadioModeId id();

    /** The frame formats (A, B) a meter may use in this mode. */
    Set<FrameFormat> frameFormats();

    /** The EN 13757-4 frame formats. */
    enum FrameFormat {
        /** Format A: first block 10 bytes, then blocks of 16, each followed by a CRC. */
        A,
        /** Format B: first block 10 bytes, second block up to 118 bytes incl. its CRC, optional third block. */
        B
    }
}
