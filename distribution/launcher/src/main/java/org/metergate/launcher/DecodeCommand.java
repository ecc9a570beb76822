package org.metergate.launcher;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.metergate.api.meter.MeterAddress;
import org.metergate.mbus.DecodedFrame;
import org.metergate.mbus.Hex;
import org.metergate.mbus.MBusDecodeException;
import org.metergate.mbus.MBusDecoder;
import org.metergate.mbus.app.ApplicationErrorResponse;
import org.metergate.mbus.app.ApplicationMessage;
import org.metergate.mbus.app.ApplicationReset;
import org.metergate.mbus.app.BaudRateSwitch;
import org.metergate.mbus.app.CiField;
import org.metergate.mbus.app.DataSend;
import org.metergate.mbus.app.FixedDataResponse;
import org.metergate.mbus.app.LongHeader;
import org.metergate.mbus.app.ShortHeader;
import org.metergate.mbus.app.SlaveSelect;
import org.metergate.mbus.app.StatusByte;
import org.metergate.mbus.app.VariableDataResponse;
import org.metergate.mbus.link.ControlField;
import org.metergate.mbus.link.ControlFrame;
import org.metergate.mbus.link.LinkFrame;
import org.metergate.mbus.link.LongFrame;
import org.metergate.mbus.link.ShortFrame;
import org.metergate.mbus.record.DataRecord;
import org.metergate.mbus.record.DataRecords;
import org.metergate.mbus.record.DataValue;
import org.metergate.mbus.record.MBusDate;
import org.metergate.mbus.record.MBusDateTime;
import org.metergate.mbus.record.MBusTime;
import org.metergate.api.security.MeterKey;
import org.metergate.security.MeterKeyText;
import org.metergate.security.MeterKeys;
import org.metergate.wmbus.WMBusDecoder;
import org.metergate.wmbus.WMBusException;
import org.metergate.wmbus.WMBusTelegram;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code metergate decode}: decodes wired M-Bus frames (EN 13757-2 / EN 13757-3) given as hex, as
 * text for people or as one JSON object per frame (schema in README.md, "Decoding frames").
 */
@Command(name = "decode",
        mixinStandardHelpOptions = true,
        description = {
            "Decode M-Bus frames given as hex: wired (EN 13757-2 link layer, EN 13757-3 application layer) and wireless",
            "(EN 13757-4 frame format A or B with or without CRCs, ELL/AFL/TPL, OMS security modes 5 and 7), told apart",
            "by their framing unless --mbus or --wmbus says which.",
            "Each HEX argument is one frame; a frame typed as separate two-digit bytes is also one frame. Without arguments, one frame per line is read from standard input (blank lines and lines starting with # are skipped).",
            "A frame that cannot be decoded prints its error (byte offset and reason) and decoding goes on with the next.",
            "Exit status: 0 when every frame decoded; 1 when at least one did not (an application error reported by the meter, CI 70h, counts as not decoded); 2 for a usage error."},
        footer = {"", "Examples: metergate decode 10 5B FE 59 16", "          metergate decode --json < frames.txt",
            "          metergate decode --wmbus --keys keys.txt 2E44931578563412330333637A2A0020055923C95AAA26D1B2E7493B013EC4A6F6D3529B520EDFF0EA6DEFC99D6D69EBF3"})
final class DecodeCommand implements Callable<Integer> {

    @Option(names = "--json", description = "One JSON object per frame and line (stable schema, see README.md)")
    boolean json;

    @Option(names = "--wmbus", description = "Every frame is a wireless M-Bus frame (EN 13757-4)")
    boolean wireless;

    @Option(names = "--mbus", description = "Every frame is a wired M-Bus frame (EN 13757-2)")
    boolean wired;

    @Option(names = "--key", paramLabel = "HEX", description = "AES-128 key (32 hex digits) for every encrypted wireless telegram")
    String key;

    @Option(names = "--keys", paramLabel = "FILE", description = "Meter keys in the key store's text format (MAN-12345678 <32 hex>, default <32 hex>)")
    java.nio.file.Path keysFile;

    @Parameters(paramLabel = "HEX", arity = "0..*", description = "Frames in hex; spaces inside a quoted frame are allowed")
    List<String> frames = new ArrayList<>();

    @Spec
    CommandSpec spec;

    // made when the command runs: picocli builds every subcommand at start, and Jackson takes a while to load
    private ObjectMapper mapper;

    @Override
    public Integer call() throws IOException {
        mapper = new ObjectMapper().enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);
        wirelessDecoder = WirelessFrames.decoder(MeterKeys.empty());
        PrintWriter out = spec.commandLine().getOut();
        if (wired && wireless) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--mbus and --wmbus exclude each other");
        }
        if (key != null || keysFile != null) {
            MeterKeys keys = MeterKeys.empty();
            try {
                if (keysFile != null) {
                    try (java.io.Reader r = java.nio.file.Files.newBufferedReader(keysFile, StandardCharsets.UTF_8)) {
                        keys = MeterKeyText.read(r);
                    }
                }
                if (key != null) {
                    keys = keys.withDefault(MeterKey.ofHex(key));
                }
            } catch (IOException | IllegalArgumentException e) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(), "keys: " + e.getMessage());
            }
            this.wirelessDecoder = WirelessFrames.decoder(keys);
        }
        List<String> inputs = frames.isEmpty() ? readStandardInput() : argumentsAsFrames(frames);
        int failed = 0;
        int n = 0;
        for (String input : inputs) {
            n++;
            if (!decodeOne(n, input, out)) {
                failed++;
            }
        }
        out.flush();
        return failed == 0 ? 0 : 1;
    }

    /** Each argument is a frame, unless all are two hex digits: then they are the bytes of one frame. */
    static List<String> argumentsAsFrames(List<String> args) {
        boolean bytes = args.size() > 1 && args.stream().allMatch(a -> a.matches("[0-9A-Fa-f]{2}"));
        return bytes ? List.of(String.join(" ", args)) : args;
    }

    private static List<String> readStandardInput() throws IOException {
        List<String> lines = new ArrayList<>();
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            String t = line.trim();
            if (!t.isEmpty() && !t.startsWith("#")) {
                lines.add(t);
            }
        }
        return lines;
    }

    /** One decoder for the whole run: compact frames need the full frame of their meter seen before. */
    private WMBusDecoder wirelessDecoder;

    private boolean decodeOne(int n, String hex, PrintWriter out) throws JsonProcessingException {
        byte[] bytes;
        try {
            bytes = Hex.parse(hex);
        } catch (MBusDecodeException e) {
            print(out, n, e.offset(), e.reason(), hex);
            return false;
        }
        if (wireless || (!wired && !WirelessFrames.looksWired(bytes))) {
            return decodeWireless(n, bytes, hex, out);
        }
        DecodedFrame frame;
        try {
            frame = MBusDecoder.decode(bytes);
        } catch (MBusDecodeException e) {
            print(out, n, e.offset(), e.reason(), hex);
            return false;
        }
        if (frame.application() instanceof ApplicationErrorResponse e) {
            // the meter answered, but with an error instead of data: offset of the CI
            print(out, n, 6, e.describe(), hex);
            return false;
        }
        if (json) {
            out.println(mapper.writeValueAsString(json(n, frame)));
        } else {
            text(n, frame, out);
        }
        return true;
    }

    private boolean decodeWireless(int n, byte[] bytes, String hex, PrintWriter out) throws JsonProcessingException {
        WMBusTelegram t;
        try {
            t = wirelessDecoder.decode(bytes);
        } catch (WMBusException e) {
            print(out, n, e.offset(), e.reason(), hex);
            return false;
        }
        if (json) {
            ObjectNode o = WirelessFrames.json(mapper, n, t);
            ArrayNode records = o.putArray("records");
            t.records().forEach(r -> records.add(record(r)));
            out.println(mapper.writeValueAsString(o));
        } else {
            WirelessFrames.text(n, t, out);
            if (t.readable() && t.dataRecords() != null) {
                records(t.dataRecords(), out);
            }
        }
        return t.readable();
    }

    private void print(PrintWriter out, int n, int offset, String reason, String hex) throws JsonProcessingException {
        if (json) {
            ObjectNode o = mapper.createObjectNode();
            o.put("frame", n);
            ObjectNode error = o.putObject("error");
            error.put("offset", offset);
            error.put("reason", reason);
            out.println(mapper.writeValueAsString(o));
        } else {
            out.println("frame " + n + ": error at byte " + offset + ": " + reason);
            out.println("  " + hex);
        }
    }

    // ------------------------------------------------------------------------------------ JSON

    private ObjectNode json(int n, DecodedFrame frame) {
        ObjectNode o = mapper.createObjectNode();
        o.put("frame", n);
        o.set("link", link(frame.link()));
        ApplicationMessage m = frame.application();
        if (m == null) {
            return o;
        }
        o.put("ci", Hex.byteHex(m.ci()));
        o.put("message", CiField.describe(m.ci()));
        ObjectNode meter = null;
        Integer access = null;
        StatusByte status = null;
        ArrayNode records = mapper.createArrayNode();
        DataRecords data = null;
        if (m instanceof VariableDataResponse v) {
            if (v.header() instanceof LongHeader h) {
                meter = meter(h.address());
                access = h.accessNumber();
                status = h.status();
            } else if (v.header() instanceof ShortHeader h) {
                access = h.accessNumber();
                status = h.status();
            }
            data = v.data();
        } else if (m instanceof FixedDataResponse f) {
            meter = mapper.createObjectNode();
            meter.putNull("manufacturer");
            meter.put("id", f.identification());
            meter.putNull("version");
            meter.put("medium", f.mediumDescription());
            access = f.accessNumber();
            status = f.status();
            for (FixedDataResponse.Counter c : f.counters()) {
                ObjectNode r = records.addObject();
                r.put("storage", c.historic() ? 1 : 0);
                r.put("tariff", 0);
                r.put("subunit", 0);
                r.put("function", "instantaneous");
                r.put("quantity", c.quantity());
                r.put("unit", c.unit().symbol());
                value(r, c.value());
                r.put("description", "fixed data structure counter, unit code " + Hex.byteHex(c.unitCode()));
                r.putNull("dif");
                r.putNull("vif");
                r.putNull("obis");
            }
        } else if (m instanceof DataSend d) {
            data = d.data();
        } else if (m instanceof SlaveSelect s) {
            ObjectNode sel = o.putObject("selection");
            sel.put("id", s.identification());
            sel.put("manufacturer", s.manufacturer());
            sel.put("version", s.version());
            sel.put("deviceType", s.deviceType());
        } else if (m instanceof ApplicationReset r) {
            if (r.subcode() >= 0) {
                o.put("subcode", r.subcode());
            } else {
                o.putNull("subcode");
            }
        } else if (m instanceof BaudRateSwitch b) {
            o.put("baud", b.baud());
        }
        if (meter == null) {
            o.putNull("meter");
        } else {
            o.set("meter", meter);
        }
        if (access == null) {
            o.putNull("accessNumber");
        } else {
            o.put("accessNumber", access);
        }
        if (status == null) {
            o.putNull("status");
        } else {
            o.set("status", status(status));
        }
        if (data != null) {
            for (DataRecord r : data.records()) {
                records.add(record(r));
            }
            if (data.manufacturerDataOffset() >= 0) {
                byte[] md = data.manufacturerData();
                o.put("manufacturerData", Hex.format(md));
            } else {
                o.putNull("manufacturerData");
            }
            o.put("moreRecordsFollow", data.moreRecordsFollow());
        }
        o.set("records", records);
        return o;
    }

    private ObjectNode link(LinkFrame link) {
        ObjectNode l = mapper.createObjectNode();
        if (link instanceof ShortFrame s) {
            l.put("type", "short");
            control(l, s.control());
            l.put("address", s.address());
        } else if (link instanceof ControlFrame c) {
            l.put("type", "control");
            control(l, c.control());
            l.put("address", c.address());
        } else if (link instanceof LongFrame f) {
            l.put("type", "long");
            control(l, f.control());
            l.put("address", f.address());
        } else {
            l.put("type", "ack");
        }
        return l;
    }

    private static void control(ObjectNode l, ControlField c) {
        l.put("control", Hex.byteHex(c.value()));
        l.put("function", c.function().name());
    }

    private ObjectNode meter(MeterAddress a) {
        ObjectNode meter = mapper.createObjectNode();
        meter.put("manufacturer", a.manufacturer().code());
        meter.put("id", a.identification());
        meter.put("version", a.version());
        meter.put("medium", a.medium().name());
        meter.put("deviceType", a.deviceType());
        return meter;
    }

    private ObjectNode status(StatusByte s) {
        ObjectNode o = mapper.createObjectNode();
        o.put("byte", s.value());
        o.put("application", s.applicationStatus().name());
        o.put("powerLow", s.powerLow());
        o.put("permanentError", s.permanentError());
        o.put("temporaryError", s.temporaryError());
        o.put("manufacturerBits", s.manufacturerBits());
        return o;
    }

    private ObjectNode record(DataRecord r) {
        ObjectNode o = mapper.createObjectNode();
        o.put("storage", r.storage());
        o.put("tariff", r.tariff());
        o.put("subunit", r.subunit());
        o.put("function", r.function().name().toLowerCase(Locale.ROOT));
        o.put("quantity", r.quantity());
        o.put("unit", r.unit().symbol());
        value(o, r.value());
        o.put("description", r.description());
        o.put("dif", r.difHex());
        o.put("vif", r.vifHex());
        if (r.obis() == null) {
            o.putNull("obis");
        } else {
            o.put("obis", r.obis().toString());
        }
        return o;
    }

    /** {@code value}: a JSON number (exact, plain notation) for numbers, else a string; {@code valueType} says which. */
    private static void value(ObjectNode o, DataValue v) {
        if (v instanceof DataValue.Numeric n) {
            o.put("value", n.value());
            o.put("valueType", "number");
        } else if (v instanceof DataValue.NoData) {
            o.putNull("value");
            o.put("valueType", "none");
        } else {
            String type;
            String text = v.text();
            if (v instanceof MBusDate d) {
                type = "date";
                text = d.toLocalDate().map(Object::toString).orElse(text);
            } else if (v instanceof MBusDateTime t) {
                type = "dateTime";
                text = t.toLocalDateTime().map(Object::toString).orElse(text);
                o.put("invalid", t.invalid());
                o.put("summerTime", t.summerTime());
            } else if (v instanceof MBusTime) {
                type = "time";
            } else if (v instanceof DataValue.Text) {
                type = "text";
            } else if (v instanceof DataValue.Bytes b) {
                type = "bytes";
                text = Hex.format(b.value());
            } else if (v instanceof DataValue.InvalidBcd b) {
                type = "invalidBcd";
                text = b.digits();
            } else {
                type = "daylightSaving";
            }
            o.put("value", text);
            o.put("valueType", type);
        }
    }

    // ------------------------------------------------------------------------------------ text

    private static void text(int n, DecodedFrame frame, PrintWriter out) {
        LinkFrame link = frame.link();
        StringBuilder head = new StringBuilder("frame ").append(n).append(": ");
        if (link instanceof ShortFrame s) {
            head.append("short frame ").append(s.control()).append(" to address ").append(s.address());
        } else if (link instanceof ControlFrame c) {
            head.append("control frame ").append(c.control()).append(", address ").append(c.address());
        } else if (link instanceof LongFrame f) {
            head.append("long frame ").append(f.control()).append(", address ").append(f.address());
        } else {
            head.append("acknowledgement (E5)");
        }
        ApplicationMessage m = frame.application();
        if (m != null) {
            head.append(", CI ").append(Hex.byteHex(m.ci())).append(": ").append(CiField.describe(m.ci()));
        }
        out.println(head);
        if (m instanceof VariableDataResponse v) {
            if (v.header() instanceof LongHeader h) {
                MeterAddress a = h.address();
                out.println("  meter " + a.manufacturer().code() + " " + a.identification() + ", version " + a.version()
                        + ", " + a.medium().description() + " (device type " + Hex.byteHex(a.deviceType()) + ")");
                out.println("  access number " + h.accessNumber() + ", status " + h.status());
            } else if (v.header() instanceof ShortHeader h) {
                out.println("  access number " + h.accessNumber() + ", status " + h.status());
            }
            records(v.data(), out);
        } else if (m instanceof FixedDataResponse f) {
            out.println("  meter " + f.identification() + ", " + f.mediumDescription() + ", access number "
                    + f.accessNumber() + ", status " + f.status());
            int i = 0;
            for (FixedDataResponse.Counter c : f.counters()) {
                out.println("  counter " + (++i) + ": " + c.quantity() + " = " + c.value().text()
                        + (c.unit().symbol().isEmpty() ? "" : " " + c.unit()) + (c.historic() ? " (historic)" : ""));
            }
        } else if (m instanceof DataSend d) {
            records(d.data(), out);
        } else if (m instanceof SlaveSelect s) {
            out.println("  select id " + s.identification() + ", manufacturer " + Hex.byteHex(s.manufacturer() >> 8)
                    + Hex.byteHex(s.manufacturer() & 0xFF) + ", version " + Hex.byteHex(s.version()) + ", device type "
                    + Hex.byteHex(s.deviceType()));
        } else if (m instanceof ApplicationReset r && r.subcode() >= 0) {
            out.println("  subcode " + Hex.byteHex(r.subcode()));
        }
    }

    private static void records(DataRecords data, PrintWriter out) {
        int i = 0;
        for (DataRecord r : data.records()) {
            StringBuilder s = new StringBuilder("  [").append(i++).append("] ").append(r.description());
            if (r.storage() != 0) {
                s.append(", storage ").append(r.storage());
            }
            if (r.tariff() != 0) {
                s.append(", tariff ").append(r.tariff());
            }
            if (r.subunit() != 0) {
                s.append(", subunit ").append(r.subunit());
            }
            if (r.function() != org.metergate.api.reading.FunctionField.INSTANTANEOUS) {
                s.append(", ").append(r.function().name().toLowerCase(Locale.ROOT).replace('_', ' '));
            }
            s.append(" = ").append(r.value().text());
            if (!r.unit().symbol().isEmpty() && !(r.value() instanceof DataValue.NoData)) {
                s.append(' ').append(r.unit());
            }
            s.append("   (DIF ").append(r.difHex()).append(" VIF ").append(r.vifHex());
            if (r.obis() != null) {
                s.append(", OBIS ").append(r.obis());
            }
            out.println(s.append(')'));
        }
        if (data.manufacturerDataOffset() >= 0) {
            byte[] md = data.manufacturerData();
            out.println("  manufacturer data: " + (md.length == 0 ? "(none)" : Hex.format(md, 0, md.length, true)));
        }
        if (data.moreRecordsFollow()) {
            out.println("  more records follow");
        }
    }
}
