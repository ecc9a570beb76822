package org.metergate.link.wmbus;

import java.util.Optional;
import org.metergate.api.meter.MeterAddress;
import org.metergate.api.radio.ResponseDelay;
import org.metergate.api.telegram.RawTelegram;
import org.metergate.api.telegram.TelegramFormat;
import org.metergate.wmbus.WMBusException;
import org.metergate.wmbus.link.FrameFormat;
import org.metergate.wmbus.link.LinkFrames;
import org.metergate.wmbus.link.LinkLayer;
import org.metergate.wmbus.transport.CiField;
import org.metergate.wmbus.transport.ExtendedLinkLayer;
import org.metergate.wmbus.transport.HeaderType;
import org.metergate.wmbus.transport.TransportHeader;

/**
 * What a meter's frame says about talking back to it (EN 13757-4 / EN 13757-7): who sent it, with
 * which C-field, whether the meter listens after it (bidirectional) and accepts a command now
 * (accessibility, from the ELL communication control or the TPL configuration field, or an access
 * demand), and with which response delay. Read from the clear headers only, nothing is decrypted.
 *
 * @param meter the transmitter
 * @param cField the frame's C-field
 * @param bidirectional the meter opens a receive window after its frames
 * @param accessible the meter accepts a command in the window after this frame
 * @param delay the response delay it asks for (fast / slow in mode C and N, standard otherwise)
 */
record AccessSignal(MeterAddress meter, int cField, boolean bidirectional, boolean accessible, ResponseDelay delay) {

    static final int RSP_UD = 0x08;
    static final int ACK = 0x00;
    static final int ACC_DMD = 0x48;

    /** True for the frames a meter answers a command with: RSP_UD (data) or ACK. */
    boolean isAnswer() {
        return (cField & 0x0F) == RSP_UD || (cField & 0x0F) == ACK;
    }

    static Optional<AccessSignal> of(RawTelegram t) {
        try {
            byte[] in = t.frame();
            byte[] f;
            FrameFormat format;
            if (t.format() == TelegramFormat.WMBUS_NO_CRC) {
                f = in;
                format = FrameFormat.NO_CRC;
            } else if (t.format() == TelegramFormat.MBUS_FRAME) {
                return Optional.empty();
            } else {
                LinkFrames.Deframed d = LinkFrames.deframe(in, 0, in.length, t.format());
                f = d.frame();
                format = d.format();
            }
            LinkLayer link = LinkLayer.read(f, format, in[0] & 0xFF);
            int c = link.c().value();
            boolean bidirectional = false;
            boolean accessible = c == ACC_DMD;
            ResponseDelay delay = ResponseDelay.STANDARD;
            int at = LinkLayer.LENGTH;
            if (at < f.length) {
                int ci = f[at] & 0xFF;
                if (ci >= 0x8C && ci <= 0x8F) {
                    ExtendedLinkLayer ell = ExtendedLinkLayer.readHeader(f, at, f.length);
                    bidirectional |= ell.cc().bidirectional();
                    accessible |= ell.cc().accessible();
                    delay = ell.cc().fastResponse() ? ResponseDelay.FAST : ResponseDelay.SLOW;
                    at = ExtendedLinkLayer.payloadOffset(ci, at);
                    if (ell.encrypted()) {
                        at = f.length; // the rest is ciphertext
                    } else if (ExtendedLinkLayer.hasSessionNumber(ci)) {
                        at += 2; // the payload CRC
                    }
                }
                if (at < f.length && CiField.header(f[at] & 0xFF) != HeaderType.NONE) {
                    TransportHeader h = TransportHeader.read(f, at, f.length);
                    if (h.configuration() != null) {
                        bidirectional |= h.configuration().bidirectional();
                        accessible |= h.configuration().accessibility();
                    }
                }
            }
            return Optional.of(new AccessSignal(link.address(), c, bidirectional, accessible, delay));
        } catch (WMBusException | RuntimeException e) {
            return Optional.empty(); // a broken frame says nothing; the pipeline reports it
        }
    }
}
