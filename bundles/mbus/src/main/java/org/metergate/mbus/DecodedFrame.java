package org.metergate.mbus;

import java.util.Objects;
import org.metergate.mbus.app.ApplicationMessage;
import org.metergate.mbus.link.LinkFrame;

/**
 * A wired M-Bus frame decoded through both layers.
 *
 * @param link the EN 13757-2 frame
 * @param application the EN 13757-3 message of a long or control frame; {@code null} for the single
 *        character and short frames, which carry none
 */
public record DecodedFrame(LinkFrame link, ApplicationMessage application) {

    public DecodedFrame {
        Objects.requireNonNull(link, "link");
    }
}
