package org.metergate.mbus.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.metergate.mbus.CorpusLocator;
import org.metergate.mbus.Hex;
import org.metergate.mbus.MBusDecodeException;
import org.metergate.mbus.MBusDecoder;
import org.metergate.mbus.app.ApplicationMessage;
import org.metergate.mbus.app.FixedDataResponse;
import org.metergate.mbus.app.LongHeader;
import org.metergate.mbus.app.VariableDataResponse;
import org.metergate.mbus.record.DataField;
import org.metergate.mbus.record.DataRecord;
import org.metergate.mbus.record.DataValue;
import org.metergate.mbus.record.MBusDate;
import org.metergate.mbus.record.MBusDateTime;
import org.metergate.mbus.record.VifTable;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Conformance with libmbus (rscada/libmbus test frames, {@code ../shared/corpus/mbus/libmbus}): every
 * test frame decodes, and its records' values, units, storage numbers, tariffs, subunits and
 * functions agree with libmbus's normalised decode ({@code *.norm.xml}). libmbus normalises units
 * (kWh to Wh, hours to seconds); the comparison converts ours the same way. Where libmbus is wrong,
 * {@link #DISAGREEMENTS} names the EN 13757-3 rule; each entry covers one field of one record of
 * one frame, nothing broader. Every error frame is rejected with {@link MBusDecodeException}.
 */
class LibmbusConformanceTest {

    /** One documented disagreement: frame, record index (as in the .norm.xml), the fields, and why libmbus is wrong. */
    record Disagreement(String frame, int record, Set<String> fields, String rule) {
    }

    private static final String BCD_DIGITS = "EN 13757-3 data type A (BCD): digits are 0-9; only hex F in the most"
            + " significant digit has a meaning (minus sign). libmbus adds A-F as if they were digits 10-15; we keep the"
            + " field as InvalidBcd";
    private static final String DATE_OF = "EN 13757-3 table 15, combinable VIFE E110 1f1b 'date (/time) of ...': the"
            + " record holds a date/time (type F here), not the quantity of the VIF; libmbus ignores the VIFE and reads"
            + " the date as a number in the VIF's unit";
    private static final String DURATION_OF = "EN 13757-3 table 15, combinable VIFE E101 ufnn 'duration of limit exceed':"
            + " the record holds a duration in the unit nn (00 = seconds), not the VIF's volume flow; libmbus ignores the VIFE";
    private static final String EVERY_YEAR = "EN 13757-3 annex A, date types F/G: year 127 means 'every year' (a"
            + " periodic date, here the yearly set day 01-01); libmbus reads it as the year 2027";

    static final List<Disagreement> DISAGREEMENTS = List.of(
            new Disagreement("ELS_Elster-F96-Plus", 4, Set.of("value"), BCD_DIGITS),
            new Disagreement("ELS_Elster-F96-Plus", 5, Set.of("value"), BCD_DIGITS),
            new Disagreement("abb_f95", 2, Set.of("value"), BCD_DIGITS),
            new Disagreement("abb_f95", 3, Set.of("value"), BCD_DIGITS),
            new Disagreement("SEN_Pollustat", 12, Set.of("unit"), DURATION_OF),
            new Disagreement("SEN_Pollustat", 13, Set.of("unit"), DURATION_OF),
            new Disagreement("landis+gyr_ultraheat_t230", 19, Set.of("unit", "value"), DATE_OF),
            new Disagreement("landis+gyr_ultraheat_t230", 20, Set.of("unit", "value"), DATE_OF),
            new Disagreement("landis+gyr_ultraheat_t230", 21, Set.of("unit", "value"), DATE_OF),
            new Disagreement("landis+gyr_ultraheat_t230", 22, Set.of("unit", "value"), DATE_OF),
            new Disagreement("landis+gyr_ultraheat_t230", 32, Set.of("value"), EVERY_YEAR),
            new Disagreement("manual_frame2", 1, Set.of("unit"), "fixed data structure (EN 13757-3 CI 73h, the"
                    + " M-Bus fixed structure's unit table): unit code 3Eh of counter 2 means 'same unit as counter 1,"
                    + " historic value' - 135 l stored at the fixed date; libmbus shows the code's name as the unit"),
            new Disagreement("sen_pollutherm", 2, Set.of("function", "unit", "value"), "EN 13757-3 DIF data field"
                    + " 1100: the value is 8 BCD digits whatever the VIF; VIF 7Bh without extension bit announces no"
                    + " table (no VIFE follows), so the record has a reserved VIF but a value; libmbus drops the record's"
                    + " contents")
    );

    @Test
    void everyTestFrameDecodesAndAgreesWithLibmbus() throws Exception {
        Optional<Path> corpus = CorpusLocator.corpus("mbus/libmbus");
        assumeTrue(corpus.isPresent(), "../shared/corpus/mbus/libmbus is not there");
        List<Path> frames = hexFiles(corpus.get().resolve("test-frames"));
        assertThat(frames).isNotEmpty();
        int match = 0;
        int viaDisagreement = 0;
        List<String> problems = new ArrayList<>();
        List<Disagreement> used = new ArrayList<>();
        for (Path hex : frames) {
            String name = hex.getFileName().toString().replaceFirst("\\.hex$", "");
            ApplicationMessage m;
            try {
                m = MBusDecoder.decodeReadout(Hex.parse(Files.readString(hex, StandardCharsets.ISO_8859_1)));
            } catch (MBusDecodeException e) {
                problems.add(name + ": does not decode: " + e.getMessage());
                continue;
            }
            List<String> diffs = compare(name, m, libmbus(hex.resolveSibling(name + ".norm.xml")), used);
            if (diffs.isEmpty()) {
                match++;
                if (used.stream().anyMatch(d -> d.frame().equals(name))) {
                    viaDisagreement++;
                }
            } else {
                problems.addAll(diffs);
            }
        }
        System.out.println("libmbus conformance: " + match + "/" + frames.size() + " frames match"
                + (viaDisagreement > 0 ? " (" + viaDisagreement + " of them where libmbus breaks an EN 13757-3 rule,"
                + " see LibmbusConformanceTest.DISAGREEMENTS)" : ""));
        problems.forEach(p -> System.out.println("  " + p));
        assertThat(problems).isEmpty();
        assertThat(used).as("every documented disagreement is still needed").containsExactlyInAnyOrderElementsOf(DISAGREEMENTS);
    }

    @Test
    void everyErrorFrameIsRejectedWithTheTypedError() throws Exception {
        Optional<Path> corpus = CorpusLocator.corpus("mbus/libmbus");
        assumeTrue(corpus.isPresent(), "../shared/corpus/mbus/libmbus is not there");
        List<Path> frames = hexFiles(corpus.get().resolve("error-frames"));
        assertThat(frames).isNotEmpty();
        for (Path hex : frames) {
            String text = Files.readString(hex, StandardCharsets.ISO_8859_1);
            assertThatThrownBy(() -> MBusDecoder.decodeReadout(Hex.parse(text)))
                    .as(hex.getFileName().toString())
                    .isInstanceOf(MBusDecodeException.class);
        }
    }

    // ---------------------------------------------------------------- comparison

    /** A record as libmbus's normalised XML shows it. */
    record Row(String function, String storage, String tariff, String device, String unit, String quantity, String value) {
    }

    record Slave(String id, String manufacturer, String version, String accessNumber, String status, List<Row> rows) {
    }

    private List<String> compare(String frame, ApplicationMessage m, Slave expected, List<Disagreement> used) {
        List<String> diffs = new ArrayList<>();
        List<Row> ours = rows(m);
        if (m instanceof VariableDataResponse v && v.header() instanceof LongHeader h) {
            check(diffs, used, frame, -1, "id", stripZeros(h.address().identification()), stripZeros(expected.id()));
            check(diffs, used, frame, -1, "manufacturer", h.address().manufacturer().code(), expected.manufacturer());
            check(diffs, used, frame, -1, "version", String.valueOf(h.address().version()), expected.version());
            check(diffs, used, frame, -1, "access number", String.valueOf(h.accessNumber()), expected.accessNumber());
            check(diffs, used, frame, -1, "status", Hex.byteHex(h.status().value()), expected.status());
        } else if (m instanceof FixedDataResponse f) {
            check(diffs, used, frame, -1, "id", stripZeros(f.identification()), stripZeros(expected.id()));
            check(diffs, used, frame, -1, "access number", String.valueOf(f.accessNumber()), expected.accessNumber());
        }
        if (ours.size() != expected.rows().size()) {
            diffs.add(frame + ": " + ours.size() + " records, libmbus has " + expected.rows().size());
            return diffs;
        }
        for (int i = 0; i < ours.size(); i++) {
            Row o = ours.get(i);
            Row e = expected.rows().get(i);
            check(diffs, used, frame, i, "function", o.function(), e.function());
            if (e.storage() != null) {
                check(diffs, used, frame, i, "storage", o.storage(), e.storage());
            }
            check(diffs, used, frame, i, "tariff", o.tariff(), e.tariff() == null ? "0" : e.tariff());
            check(diffs, used, frame, i, "subunit", o.device(), e.device() == null ? "0" : e.device());
            if (o.quantity() != null) { // plain-text unit: libmbus puts the text in Quantity
                check(diffs, used, frame, i, "unit", o.quantity(), e.quantity());
            } else {
                check(diffs, used, frame, i, "unit", noUnit(o.unit()), noUnit(e.unit()));
            }
            if (!sameValue(o.value(), e.value())) {
                check(diffs, used, frame, i, "value", o.value(), e.value());
            }
        }
        return diffs;
    }

    private static void check(List<String> diffs, List<Disagreement> used, String frame, int record, String field,
                              String ours, String theirs) {
        if (ours.equals(theirs == null ? "" : theirs)) {
            return;
        }
        for (Disagreement d : DISAGREEMENTS) {
            if (d.frame().equals(frame) && d.record() == record && d.fields().contains(field)) {
                if (!used.contains(d)) {
                    used.add(d);
                }
                return;
            }
        }
        diffs.add(frame + (record >= 0 ? " record " + record : "") + " " + field + ": ours '" + ours + "', libmbus '" + theirs + "'");
    }

    private static boolean sameValue(String ours, String theirs) {
        if (theirs == null) {
            theirs = "";
        }
        if (ours.equals(theirs)) {
            return true;
        }
        try {
            BigDecimal a = new BigDecimal(ours);
            BigDecimal b = new BigDecimal(theirs);
            // libmbus prints doubles with %f: six decimals, double rounding for large values
            BigDecimal tolerance = new BigDecimal("0.0000005").add(b.abs().multiply(new BigDecimal("1e-12")));
            return a.subtract(b).abs().compareTo(tolerance) <= 0;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static String noUnit(String unit) {
        return unit == null || unit.equals("-") ? "" : unit;
    }

    private static String stripZeros(String s) {
        String t = s.replaceFirst("^0+", "");
        return t.isEmpty() ? "0" : t;
    }

    /** Our decode in libmbus's normalised terms. */
    private static List<Row> rows(ApplicationMessage m) {
        List<Row> rows = new ArrayList<>();
        if (m instanceof FixedDataResponse f) {
            // libmbus does not normalise the fixed structure: it names the unit code (kWh, l, ...)
            for (FixedDataResponse.Counter c : f.counters()) {
                String name = FIXED_UNITS.getOrDefault(c.unitCode(), c.unit().symbol());
                String value = c.value().text();
                if (c.value() instanceof DataValue.Numeric n && FIXED_FACTORS.containsKey(c.unitCode())) {
                    value = n.value().divide(FIXED_FACTORS.get(c.unitCode())).stripTrailingZeros().toPlainString();
                } else if (c.value() instanceof DataValue.Numeric n && c.unitCode() == 0x3E) {
                    value = n.value().divide(FIXED_FACTORS.get(f.counters().get(0).unitCode())).stripTrailingZeros().toPlainString();
                    name = FIXED_UNITS.get(f.counters().get(0).unitCode());
                }
                rows.add(new Row("Actual value", null, "0", "0", name, null, value));
            }
            return rows;
        }
        VariableDataResponse v = (VariableDataResponse) m;
        for (DataRecord r : v.data().records()) {
            String function = FUNCTIONS.get(r.function().name());
            String quantity = null;
            String[] uv;
            String unit = r.unit().symbol();
            if (r.valueInformation().table() == VifTable.PLAIN_TEXT) {
                quantity = unit;
                unit = "";
            }
            if (r.valueInformation().table() == VifTable.MANUFACTURER_SPECIFIC
                    && r.value() instanceof DataValue.Bytes b) {
                // we keep a manufacturer-specific VIF's data as bytes; libmbus reads them by the DIF's coding
                uv = new String[] {"", byDataField(r.dataField(), b.value())};
            } else if (r.dataField() == DataField.VARIABLE_LENGTH && r.value() instanceof DataValue.Bytes b) {
                // a binary number, least significant byte first on the wire; libmbus prints it most significant first
                byte[] wire = b.value();
                byte[] reversed = new byte[wire.length];
                for (int k = 0; k < wire.length; k++) {
                    reversed[k] = wire[wire.length - 1 - k];
                }
                uv = new String[] {unit, Hex.format(reversed, 0, reversed.length, true)};
            } else {
                uv = normalise(unit, r.value());
            }
            if (r.quantity().equals("reserved")) {
                uv[0] = "Reserved"; // libmbus names the unit of reserved VIF codes so
            }
            rows.add(new Row(function, String.valueOf(r.storage()), String.valueOf(r.tariff()), String.valueOf(r.subunit()),
                    uv[0], quantity, uv[1]));
        }
        if (v.data().manufacturerDataOffset() >= 0) {
            byte[] md = v.data().manufacturerData();
            rows.add(new Row(v.data().moreRecordsFollow() ? "More records follow" : "Manufacturer specific", "0", "0", "0",
                    "", null, Hex.format(md, 0, md.length, true)));
        }
        return rows;
    }

    /** Raw data read the way libmbus reads a manufacturer-specific VIF's data: by the DIF's coding. */
    private static String byDataField(DataField field, byte[] b) {
        if (field.isInteger()) {
            long v = 0;
            for (int i = b.length - 1; i >= 0; i--) {
                v = v << 8 | (b[i] & 0xFF);
            }
            int shift = 64 - 8 * b.length;
            return String.valueOf(v << shift >> shift);
        }
        if (field.isBcd()) {
            StringBuilder digits = new StringBuilder();
            for (int i = b.length - 1; i >= 0; i--) {
                digits.append(Hex.byteHex(b[i] & 0xFF));
            }
            return new BigDecimal(digits.toString()).toPlainString();
        }
        return Hex.format(b, 0, b.length, true);
    }

    private static final Map<Integer, String> FIXED_UNITS = Map.of(0x05, "kWh", 0x29, "l");
    private static final Map<Integer, BigDecimal> FIXED_FACTORS = Map.of(0x05, new BigDecimal("1000"), 0x29, new BigDecimal("0.001"));

    private static final Map<String, String> FUNCTIONS = Map.of("INSTANTANEOUS", "Instantaneous value", "MAXIMUM",
            "Maximum value", "MINIMUM", "Minimum value", "VALUE_DURING_ERROR", "Value during error state");

    /** Unit and value converted to libmbus's normalised units. */
    private static String[] normalise(String unit, DataValue value) {
        BigDecimal factor = BigDecimal.ONE;
        String u = unit;
        switch (unit) {
            case "m3": u = "m^3"; break;
            case "m3/h": u = "m^3/h"; break;
            case "m3/min": u = "m^3/min"; break;
            case "m3/s": u = "m^3/s"; break;
            case "HCA": u = "Units for H.C.A."; break;
            case "min": u = "s"; factor = BigDecimal.valueOf(60); break;
            case "h": u = "s"; factor = BigDecimal.valueOf(3600); break;
            case "d": u = "s"; factor = BigDecimal.valueOf(86400); break;
            case "month": u = "s"; factor = new BigDecimal("2629743.83"); break;
            case "a": u = "s"; factor = BigDecimal.valueOf(31556926); break;
            default: break;
        }
        String text;
        if (value instanceof DataValue.Numeric n) {
            text = n.value().multiply(factor).toPlainString();
        } else if (value instanceof MBusDate d) {
            text = String.format("%04d-%02d-%02d", d.year(), d.month(), d.day());
        } else if (value instanceof MBusDateTime t) {
            // libmbus leaves a time marked invalid (IV) as an all-zero struct tm
            text = t.invalid() ? "1900-01-00T00:00:00Z"
                    : String.format("%04d-%02d-%02dT%02d:%02d:%02dZ", t.year(), t.month(), t.day(), t.hour(), t.minute(), t.second());
        } else if (value instanceof DataValue.Text t) {
            text = t.value().trim(); // libmbus's XML output is trimmed like the parsed expectation
        } else {
            text = value.text();
        }
        return new String[] {u, text};
    }

    // ---------------------------------------------------------------- libmbus XML

    private static Slave libmbus(Path xml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Document doc = f.newDocumentBuilder().parse(xml.toFile());
        Element slave = (Element) doc.getElementsByTagName("SlaveInformation").item(0);
        List<Row> rows = new ArrayList<>();
        for (Node n = doc.getDocumentElement().getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals("DataRecord")) {
                rows.add(new Row(text(e, "Function"), text(e, "StorageNumber"), text(e, "Tariff"), text(e, "Device"),
                        text(e, "Unit"), text(e, "Quantity"), text(e, "Value")));
            }
        }
        return new Slave(text(slave, "Id"), text(slave, "Manufacturer"), text(slave, "Version"), text(slave, "AccessNumber"),
                text(slave, "Status"), rows);
    }

    /** The element's text; the files are UTF-8 although they declare ISO-8859-1, hence the repair of the degree sign. */
    private static String text(Element parent, String tag) {
        var list = parent.getElementsByTagName(tag);
        if (list.getLength() == 0) {
            return null;
        }
        return list.item(0).getTextContent().trim().replace("Â°", "°");
    }

    private static List<Path> hexFiles(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.toString().endsWith(".hex")).sorted().toList();
        }
    }
}
