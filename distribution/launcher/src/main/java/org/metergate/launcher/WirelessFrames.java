package org.metergate.launcher;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.Locale;
import org.metergate.api.meter.MeterAddress;
import org.metergate.mbus.Hex;
import org.metergate.mbus.app.StatusByte;
import org.metergate.security.MeterKeys;
import org.metergate.wmbus.DecoderOptions;
import org.metergate.wmbus.WMBusDecoder;
import org.metergate.wmbus.WMBusTelegram;
import org.metergate.wmbus.link.LinkLayer;
import org.metergate.wmbus.security.SecurityInfo;

/** The wireless half of {@code metergate decode}: framing detection, and a telegram as JSON and as text. */
final class WirelessFrames {

    private WirelessFrames() {
    }

    /** A decoder for a run of frames: no replay detection (frames may come in any order), compact frames resolved. */
    static WMBusDecoder decoder(MeterKeys keys) {
        return new WMBusDecoder(keys::keyFor, DecoderOptions.defaults().withReplayDetection(false));
    }

    /**
     * True for the framings of EN 13757-2: the single character E5, a short frame (10 C A CS 16), a
     * control or long frame (68 L L 68 ... CS 16). Anything else is taken for a wireless frame, whose
     * first byte is its L-field.
     */
    static boolean looksWired(byte[] f) {
        int n = f.length;
        if (n == 1) {
            return (f[0] & 0xFF) == 0xE5;
        }
        if (n == 5 && (f[0] & 0xFF) == 0x10 && (f[4] & 0xFF) == 0x16) {
            return true;
        }
        return n >= 9 && (f[0] & 0xFF) == 0x68 && (f[3] & 0xFF) == 0x68 && f[1] == f[2] && (f[n - 1] & 0xFF) == 0x16
                && (f[1] & 0xFF) + 6 == n;
    }

    static ObjectNode json(ObjectMapper mapper, int n, WMBusTelegram t) {
        ObjectNode o = mapper.createObjectNode();
        o.put("frame", n);
        LinkLayer l = t.link();
        ObjectNode link = o.putObject("link");
        link.put("type", "wireless");
        link.put("format", l.format().name());
        link.put("c", Hex.byteHex(l.c().value()));
        link.put("function", l.c().function().name());
        link.put("m", l.address().manufacturer().code());
        ObjectNode a = link.putObject("a");
        a.put("id", l.address().identification());
        a.put("version", l.address().version());
        a.put("deviceType", l.address().deviceType());
        a.put("medium", l.address().medium().name());
        ArrayNode chain = link.putArray("ciChain");
        t.ciChain().forEach(ci -> chain.add(Hex.byteHex(ci)));
        link.put("relayed", t.relayed());
        o.set("meter", meter(mapper, t.meter()));
        if (t.transport().isPresent()) {
            o.put("accessNumber", t.accessNumber());
        } else {
            o.putNull("accessNumber");
        }
        if (t.status().isPresent()) {
            StatusByte s = t.status().get();
            ObjectNode st = o.putObject("status");
            st.put("byte", s.value());
            st.put("application", s.applicationStatus().name());
            st.put("powerLow", s.powerLow());
            st.put("permanentError", s.permanentError());
            st.put("temporaryError", s.temporaryError());
            st.put("manufacturerBits", s.manufacturerBits());
        } else {
            o.putNull("status");
        }
        SecurityInfo sec = t.security();
        ObjectNode security = o.putObject("security");
        security.put("mode", sec.modeCode());
        security.put("status", sec.status().name());
        security.put("decrypted", sec.decrypted());
        security.put("authenticated", sec.authenticated());
        if (sec.error().isPresent()) {
            ObjectNode e = security.putObject("error");
            e.put("kind", sec.error().get().kind().name());
            e.put("reason", sec.error().get().message());
        } else {
            security.putNull("error");
        }
        return o;
    }

    private static ObjectNode meter(ObjectMapper mapper, MeterAddress a) {
        ObjectNode m = mapper.createObjectNode();
        m.put("manufacturer", a.manufacturer().code());
        m.put("id", a.identification());
        m.put("version", a.version());
        m.put("medium", a.medium().name());
        m.put("deviceType", a.deviceType());
        return m;
    }

    static void text(int n, WMBusTelegram t, PrintWriter out) {
        LinkLayer l = t.link();
        StringBuilder head = new StringBuilder("frame ").append(n).append(": wireless, format ").append(l.format())
                .append(", C ").append(Hex.byteHex(l.c().value())).append(" ").append(l.c().function())
                .append(", from ").append(l.address()).append(", CI");
        t.ciChain().forEach(ci -> head.append(' ').append(Hex.byteHex(ci)));
        if (t.relayed()) {
            head.append(", relayed");
        }
        out.println(head);
        MeterAddress m = t.meter();
        if (!m.equals(l.address())) {
            out.println("  meter " + m);
        }
        if (t.transport().isPresent()) {
            out.println("  access number " + t.accessNumber() + t.status().map(s -> ", status " + s).orElse(""));
        }
        SecurityInfo sec = t.security();
        out.println("  security mode " + sec.modeCode() + ": " + sec.status().name().toLowerCase(Locale.ROOT).replace('_', ' ')
                + (sec.authenticated() ? ", authenticated" : "") + sec.error().map(e -> ": " + e.message()).orElse(""));
    }
}
