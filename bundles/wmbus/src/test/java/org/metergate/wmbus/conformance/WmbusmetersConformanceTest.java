package org.metergate.wmbus.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.metergate.api.security.MeterKey;
import org.metergate.mbus.DecodedFrame;
import org.metergate.mbus.MBusDecodeException;
import org.metergate.mbus.MBusDecoder;
import org.metergate.mbus.app.VariableDataResponse;
import org.metergate.mbus.record.DataRecord;
import org.metergate.wmbus.WMBusDecoder;
import org.metergate.wmbus.WMBusException;
import org.metergate.wmbus.WMBusTelegram;
import org.metergate.wmbus.security.SecurityErrorKind;
import org.metergate.wmbus.security.SecurityStatus;
import org.metergate.wmbus.transport.ApplicationKind;

/**
 * Conformance over the wmbusmeters public corpus ({@code ../shared/corpus/wmbus/wmbusmeters-public.jsonl};
 * skipped when absent). Each telegram is decoded by a fresh decoder after its preceding telegrams, with
 * its key when it has one; wired M-Bus long frames of the corpus go to {@code org.metergate.mbus}.
 *
 * <p>What must hold: every telegram with a key whose payload is encrypted by a standard security layer
 * (TPL mode 5 or 7, ELL AES-CTR) decrypts; every expected value that comes from a standard EN 13757-3
 * record (see {@link ValueMapping} for the field-name mapping) is found among the decoded records; every
 * telegram that does not decode fails for one of the reasons below, each a rule of the standard on
 * which wmbusmeters is more lenient or has knowledge a generic decoder lacks:
 * <ul>
 * <li>LENGTH_MISMATCH - EN 13757-4: the L-field gives the frame length; wmbusmeters parses bytes beyond it.</li>
 * <li>APPLICATION_LAYER - EN 13757-3: a CI 0x72/0x7A/0x78 application layer is a sequence of complete data
 *   records; some stored telegrams end in a left-over link CRC or carry manufacturer-specific bytes after
 *   2F2F, which wmbusmeters' drivers skip or parse themselves.</li>
 * <li>COMPACT_FRAME_UNKNOWN_FORMAT - OMS: a compact frame needs the full frame of the same meter first;
 *   wmbusmeters ships the formats of some Kamstrup meters built in.</li>
 * <li>security UNSUPPORTED_MODE for modes 16-31 - manufacturer-specific security (EN 13757-7), which
 *   wmbusmeters implements for Diehl.</li>
 * <li>security NO_KEY - encrypted, and the test case has no key.</li>
 * </ul>
 * Telegrams stored decrypted although their security bits are set (the corpus README) are detected,
 * decoded and reported as such, never counted as decryptions.
 */
class WmbusmetersConformanceTest {

    private static final Set<String> NOT_VALUES = Set.of("_", "id", "media", "meter", "name", "timestamp");

    /** Where wmbusmeters and the standard disagree on a value: the rule the decoded value follows. */
    private static final Map<String, String> RULES = Map.of(
            "supercom587#1 total_m3", "EN 13757-3 annex A type A: BCD least significant byte first; 0C 13 48 56 00 00 is"
                    + " 00005648 * 10^-3 m3 = 5.648 m3 (wmbusmeters' test expects 6.548)",
            "hydroclimav2#1 total_consumption_hca", "EN 13757-3: the only HCA record of storage 0 is 03 6E 54 02 00 = 596;"
                    + " wmbusmeters' driver reads its total from the manufacturer-specific data after DIF 0F");

    /** Why a telegram did not decode, by reason. */
    private final Map<String, List<String>> undecoded = new TreeMap<>();
    /** Unmatched values whose name points at exactly one record of storage 0: a real disagreement. */
    private final List<String> mismatches = new ArrayList<>();
    /** Unmatched values whose name points at several records (e.g. numbered histories): listed. */
    private final List<String> ambiguous = new ArrayList<>();
    private final Map<String, Integer> withoutCandidates = new TreeMap<>();
    private final List<String> keyedNotDecrypted = new ArrayList<>();
    private int telegrams;
    private int decoded;
    private int wired;
    private int matched;
    private int values;
    private int decrypted;
    private int keyedEncrypted;
    private int plaintextDespiteFlag;
    private int keyedPlaintext;
    private int keyedProprietary;

    @Test
    void wmbusmetersCorpus() throws IOException {
        Optional<Path> corpus = Corpus.file("wmbus/wmbusmeters-public.jsonl");
        assumeTrue(corpus.isPresent(), "corpus ../shared/corpus/wmbus/wmbusmeters-public.jsonl not present");
        ObjectMapper json = new ObjectMapper();
        for (String line : Files.readAllLines(corpus.get())) {
            if (!line.isBlank()) {
                telegram(json.readTree(line));
            }
        }

        System.out.println("wmbusmeters conformance: decoded " + decoded + "/" + telegrams + " telegrams, matched "
                + matched + "/" + values + " values, decrypted " + decrypted + "/" + keyedEncrypted);
        System.out.println("  wired M-Bus frames (decoded by org.metergate.mbus): " + wired);
        System.out.println("  flagged encrypted but stored decrypted (detected, not counted as decryptions): "
                + plaintextDespiteFlag + ", of which " + keyedPlaintext + " with a key (refused: a meter whose key we hold"
                + " must send encrypted data; wmbusmeters refuses them too, its expected output is null)");
        System.out.println("  keys for manufacturer-specific payloads (CI 0xA0-0xB7, not a standard security layer): " + keyedProprietary);
        undecoded.forEach((reason, cases) -> System.out.println("  not decoded, " + reason + ": " + cases.size() + " " + cases));
        int listed = withoutCandidates.values().stream().mapToInt(Integer::intValue).sum();
        System.out.println("  values without a standard record of their class/storage/tariff (manufacturer-specific or computed): "
                + listed + " " + withoutCandidates);
        System.out.println("  values whose name points at several standard records, none with the value (the driver reads another, "
                + "manufacturer-specific value): " + ambiguous.size());
        ambiguous.forEach(m -> System.out.println("    " + m));
        mismatches.forEach(m -> System.out.println("  MISMATCH " + m + (RULES.containsKey(m.substring(0, m.indexOf('=')))
                ? " -- " + RULES.get(m.substring(0, m.indexOf('='))) : "")));
        keyedNotDecrypted.forEach(k -> System.out.println("  KEY DID NOT DECRYPT " + k));

        assertThat(keyedNotDecrypted).as("every telegram with a key decrypts").isEmpty();
        assertThat(decrypted).isEqualTo(keyedEncrypted);
        assertThat(mismatches).as("values of standard records").allMatch(m -> RULES.containsKey(m.substring(0, m.indexOf('='))));
        assertThat(matched + mismatches.size() + ambiguous.size()).isEqualTo(values);
        assertThat(undecoded.keySet()).as("only the documented reasons").allMatch(r -> r.startsWith("LENGTH_MISMATCH")
                || r.equals("security PLAINTEXT_REFUSED (meter with a key sent clear text)")
                || r.startsWith("APPLICATION_LAYER") || r.startsWith("COMPACT_FRAME_UNKNOWN_FORMAT")
                || r.equals("security UNSUPPORTED_MODE (manufacturer-specific mode)") || r.equals("security NO_KEY (no key in the test case)"));
    }

    private void telegram(JsonNode o) {
        telegrams++;
        String id = o.path("driver").asText("?") + "#" + o.path("case").asText();
        byte[] frame = HexFormat.of().parseHex(o.get("telegram").asText());
        String key = o.get("key").isNull() ? null : o.get("key").asText();
        if ((frame[0] & 0xFF) == 0x68) {
            wired(o, id, frame);
            return;
        }
        WMBusDecoder decoder = new WMBusDecoder(meter -> Optional.ofNullable(key).map(MeterKey::ofHex));
        WMBusTelegram t;
        try {
            for (JsonNode p : o.get("preceding_telegrams")) {
                try {
                    decoder.decode(HexFormat.of().parseHex(p.asText()));
                } catch (WMBusException e) {
                    // a preceding telegram that does not decode prepares nothing
                }
            }
            t = decoder.decode(frame);
        } catch (WMBusException e) {
            undecoded.computeIfAbsent(e.kind().name(), k -> new ArrayList<>()).add(id);
            if (key != null && e.kind() == WMBusException.Kind.APPLICATION_LAYER) {
                // the records are decoded only after the security layer passed: decrypted, then malformed records
                keyedEncrypted++;
                decrypted++;
            } else if (key != null) {
                keyedNotDecrypted.add(id + ": " + e.getMessage());
            }
            return;
        }
        SecurityStatus status = t.security().status();
        boolean standardPayload = t.applicationKind() != ApplicationKind.MANUFACTURER_SPECIFIC;
        boolean refusedClear = status == SecurityStatus.FAILED && t.security().failure().kind() == SecurityErrorKind.PLAINTEXT_REFUSED;
        if (status == SecurityStatus.PLAINTEXT_DESPITE_ENCRYPTION_FLAG || refusedClear) {
            plaintextDespiteFlag++;
            if (key != null) {
                keyedPlaintext++;
            }
        } else if (key != null && standardPayload) {
            keyedEncrypted++;
            if (status == SecurityStatus.DECRYPTED) {
                decrypted++;
            } else {
                keyedNotDecrypted.add(id + ": " + status + " " + t.security().failure());
            }
        } else if (key != null) {
            keyedProprietary++;
        }
        if (status == SecurityStatus.FAILED) {
            SecurityErrorKind kind = t.security().failure().kind();
            String reason = kind == SecurityErrorKind.UNSUPPORTED_MODE && t.security().modeCode() >= 16
                    ? "security UNSUPPORTED_MODE (manufacturer-specific mode)"
                    : kind == SecurityErrorKind.NO_KEY && key == null ? "security NO_KEY (no key in the test case)"
                    : kind == SecurityErrorKind.PLAINTEXT_REFUSED ? "security PLAINTEXT_REFUSED (meter with a key sent clear text)"
                    : "security " + kind;
            undecoded.computeIfAbsent(reason, k -> new ArrayList<>()).add(id);
            return;
        }
        decoded++;
        compare(id, o.get("expected_json"), t.records());
    }

    private void wired(JsonNode o, String id, byte[] frame) {
        wired++;
        try {
            DecodedFrame f = MBusDecoder.decode(frame);
            decoded++;
            if (f.application() instanceof VariableDataResponse v) {
                compare(id, o.get("expected_json"), v.data().records());
            }
        } catch (MBusDecodeException e) {
            undecoded.computeIfAbsent("APPLICATION_LAYER (wired, org.metergate.mbus)", k -> new ArrayList<>()).add(id);
        }
    }

    private void compare(String id, JsonNode expected, List<DataRecord> records) {
        if (expected == null || !expected.isObject()) {
            return;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = expected.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            if (NOT_VALUES.contains(field.getKey()) || !field.getValue().isNumber()) {
                continue;
            }
            ValueMapping.Target target = ValueMapping.target(field.getKey());
            if (target == null) {
                withoutCandidates.merge("suffix", 1, Integer::sum);
                continue;
            }
            double e = field.getValue().asDouble();
            String text = field.getValue().asText();
            boolean found = false;
            for (DataRecord r : records) {
                if (ValueMapping.sameClass(r, target) && ValueMapping.sameValue(ValueMapping.converted(r, target.unitClass()), e, text)) {
                    found = true;
                    break;
                }
            }
            List<DataRecord> candidates = records.stream().filter(r -> ValueMapping.candidate(r, target)).toList();
            if (found) {
                values++;
                matched++;
            } else if (candidates.isEmpty()) {
                withoutCandidates.merge(target.unitClass(), 1, Integer::sum);
            } else {
                values++;
                String line = id + " " + field.getKey() + "=" + text + " candidates " + candidates.stream()
                        .map(r -> r.description() + " st" + r.storage() + " t" + r.tariff() + " " + r.function() + " = "
                                + ValueMapping.converted(r, target.unitClass()).stripTrailingZeros().toPlainString())
                        .toList();
                if (candidates.size() == 1 && !target.pastStorage()) {
                    mismatches.add(line);
                } else {
                    ambiguous.add(line);
                }
            }
        }
    }
}
