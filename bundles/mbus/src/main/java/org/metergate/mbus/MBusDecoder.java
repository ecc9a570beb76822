package org.metergate.mbus;

import org.metergate.mbus.app.ApplicationErrorResponse;
import org.metergate.mbus.app.ApplicationLayer;
import org.metergate.mbus.app.ApplicationMessage;
import org.metergate.mbus.app.FixedDataResponse;
import org.metergate.mbus.app.VariableDataResponse;
import org.metergate.mbus.link.ControlField;
import org.metergate.mbus.link.LinkFrame;
import org.metergate.mbus.link.LinkFunction;
import org.metergate.mbus.link.LinkLayer;
import org.metergate.mbus.record.Direction;

/** Decodes whole wired M-Bus frames: the link layer, then the application layer of long and control frames. */
public final class MBusDecoder {

    private MBusDecoder() {
    }

    /** Decodes any EN 13757-2 frame that fills {@code frame} exactly. */
    public static DecodedFrame decode(byte[] frame) throws MBusDecodeException {
        LinkFrame link = LinkLayer.decode(frame);
        if (frame[0] != 0x68) {
            return new DecodedFrame(link, null);
        }
        int l = frame[1] & 0xFF;
        ControlField c = new ControlField(frame[4] & 0xFF);
        Direction direction = c.fromMaster() ? Direction.MASTER_TO_SLAVE : Direction.SLAVE_TO_MASTER;
        return new DecodedFrame(link, ApplicationLayer.decode(frame, 6, 4 + l, direction));
    }

    /**
     * Decodes a slave's readout: an RSP_UD long frame with the variable or the fixed data structure.
     * Anything else is refused with the reason: another frame type or function, and an application
     * error the slave reports with CI 0x70 (offset: the CI).
     *
     * @return a {@link VariableDataResponse} or a {@link FixedDataResponse}
     */
    public static ApplicationMessage decodeReadout(byte[] frame) throws MBusDecodeException {
        int l = LinkLayer.verifyLongFrame(frame, 0, frame.length);
        ControlField c = new ControlField(frame[4] & 0xFF);
        if (c.function() != LinkFunction.RSP_UD) {
            throw new MBusDecodeException(4, "C-field " + c + " is not RSP_UD: not a readout");
        }
        ApplicationMessage m = ApplicationLayer.decode(frame, 6, 4 + l, Direction.SLAVE_TO_MASTER);
        if (m instanceof ApplicationErrorResponse e) {
            throw new MBusDecodeException(6, e.describe());
        }
        if (!(m instanceof VariableDataResponse) && !(m instanceof FixedDataResponse)) {
            throw new MBusDecodeException(6, "CI " + Hex.byteHex(m.ci()) + " is not a response with data");
        }
        return m;
    }
}
