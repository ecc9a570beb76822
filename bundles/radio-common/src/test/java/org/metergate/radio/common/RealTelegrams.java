package org.metergate.radio.common;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.metergate.api.radio.RadioMode.FrameFormat;

/**
 * Real wireless M-Bus telegrams for bit-level tests: a handful copied from the wmbusmeters test data
 * (without link-layer CRCs, as wM-Bus sticks deliver them; the tests add the EN 13757-4 CRCs of format A
 * or B), one published frame with its CRCs, and a reader for the whole public corpus.
 */
public final class RealTelegrams {

    /** A telegram without CRCs, L-field counting the bytes after it, and where it comes from. */
    public record Telegram(String source, byte[] withoutCrcs) {

        public byte[] framed(FrameFormat format) {
            return FrameLayout.withCrcs(withoutCrcs, format);
        }

        @Override
        public String toString() {
            return source + " (" + withoutCrcs.length + " bytes)";
        }
    }

    /** ELV room sensor, wmbusmeters drivers/src/elvsense.xmq: 25 bytes, the shortest block structure. */
    public static final Telegram ELV_SENSE = of("wmbusmeters drivers/src/elvsense.xmq",
            "1844961557890080501B7AEA00012002656F0802FD46610E0F");

    /** Kamstrup water meter (compact frame), wmbusmeters drivers/src/kamwater.xmq: 43 bytes. */
    public static final Telegram KAMSTRUP_WATER = of("wmbusmeters drivers/src/kamwater.xmq",
            "2A442D2C998734761B168D2091D37CAC21576C7802FF207100041308190000441308190000615B7F616713");

    /** Diehl IZAR water meter, wmbusmeters src/driver_izar.cc: 26 bytes, manufacturer-scrambled payload. */
    public static final Telegram IZAR = of("wmbusmeters src/driver_izar.cc",
            "1944304C72242421D401A2013D4013DD8B46A4999C1293E582CC");

    /**
     * EFE HCAe2 heat cost allocator captured in T1 mode, wmbusmeters drivers/src/hcae2.xmq: 202 bytes, so
     * format B needs its block 3.
     */
    public static final Telegram EFE_HCAE2_T1 = of("wmbusmeters drivers/src/hcae2.xmq (captured in T1)",
            "C946C5141731425431087AD00B00002F2F046D14374535036E000000426C5E34436E00000082016C2F3283016E000000C201"
                    + "6E000082026E0000C2026E000082036E0000C2036E000082046E0000C2046E000082056E0000C2056E000082066E0000"
                    + "C2066E000082076E0000C2076E000082086E0000C2086E000082096E0000C2096E0000820A6E0000C20A6E0000820B6E"
                    + "0000C20B6E0000820C6E0000C20C6E0000820D6E0000C20D6E0000820E6E0000C20E6E0000820F6E0000C20F6E000031"
                    + "7F1A346D00335B34");

    /** The same device type captured in C1 mode, wmbusmeters drivers/src/hcae2.xmq: 207 bytes of real data. */
    public static final Telegram EFE_HCAE2_C1 = of("wmbusmeters drivers/src/hcae2.xmq (captured in C1)",
            "CE44C5146029412331087A6E00C0252F2F046D042C4635036EF20000426C3F3C436E75010082016C2F3283016EAD0000C201"
                    + "6E220082026E0C00C2026E1A0082036E0500C2036E000082046E0000C2046E000082056E0000C2056E000082066E0000"
                    + "C2066E000082076E0000C2076E000082086E0000C2086E000082096E0000C2096E0C00820A6E0D00C20A6E2200820B6E"
                    + "2900C20B6E1700820C6EB1FEC20C6E4300820D6E1E00C20D6E2800820E6E0200C20E6E2100820F6E1900C20F6E070031"
                    + "7F00346D002000002F2F2F2F2F");

    /**
     * The OMS Vol. 2 annex example telegram (security mode 7, ELS gas meter 12345678) in frame format A
     * with its CRCs, as published in the test suite of lvogt/wireless-mbus-parser (test/parser.spec.ts).
     */
    public static final String OMS_EXAMPLE_FORMAT_A = "434493157856341233037AC98C2075900F002C25B30A000021924D4FBA"
            + "372FB66E017A75002007109058475F4BC9D1281DF878B80A1B0F98B629024AAC7279429398BFC549233C0140829B93BAA1";
    /** The same telegram without its CRCs. */
    public static final String OMS_EXAMPLE_NO_CRC = "434493157856341233038C2075900F002C25B30A000021924D4F2FB66E017A"
            + "75002007109058475F4BC91DF878B80A1B0F98B629024AAC727942BFC549233C0140829B93";

    private static final Pattern TELEGRAM = Pattern.compile("\"telegram\": \"([0-9A-Fa-f]+)\"");
    private static final Pattern SOURCE = Pattern.compile("\"source\": \"([^\"]*)\"");
    private static final Pattern CASE = Pattern.compile("\"case\": (\\d+)");

    private RealTelegrams() {
    }

    public static Telegram of(String source, String hex) {
        return new Telegram(source, HexFormat.of().parseHex(hex));
    }

    public static byte[] hex(String hex) {
        return HexFormat.of().parseHex(hex);
    }

    /** The handful above, from 25 to 207 bytes. */
    public static List<Telegram> handful() {
        return List.of(ELV_SENSE, IZAR, KAMSTRUP_WATER, new Telegram("OMS Vol. 2 annex example", hex(OMS_EXAMPLE_NO_CRC)),
                EFE_HCAE2_T1, EFE_HCAE2_C1);
    }

    /**
     * Every wireless telegram of the public corpus (../shared/corpus/wmbus/wmbusmeters-public.jsonl next
     * to the project root) whose length matches its L-field and fits both frame formats. Skips the
     * calling test (JUnit assumption) when the corpus is not there.
     */
    public static List<Telegram> corpus() {
        Path file = corpusRoot().resolve("wmbus").resolve("wmbusmeters-public.jsonl");
        Assumptions.assumeTrue(Files.isRegularFile(file), "public corpus not present: " + file);
        List<Telegram> out = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                Matcher t = TELEGRAM.matcher(line);
                if (!t.find() || t.group(1).length() % 2 != 0) {
                    continue;
                }
                byte[] b = hex(t.group(1));
                int l = b[0] & 0xFF;
                if (b.length != l + 1 || l < FrameLayout.BLOCK1 - 1 || b.length > 252) {
                    continue; // wired frames and the like: not a wireless telegram without CRCs
                }
                Matcher s = SOURCE.matcher(line);
                Matcher c = CASE.matcher(line);
                out.add(new Telegram("corpus " + (s.find() ? s.group(1) : "?") + " case " + (c.find() ? c.group(1) : "?"),
                        b));
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + file, e);
        }
        return out;
    }

    /** The project root is the first directory up from the working directory holding features/ and bundles/. */
    static Path corpusRoot() {
        Path dir = Paths.get("").toAbsolutePath();
        while (dir != null && !(Files.isDirectory(dir.resolve("features")) && Files.isDirectory(dir.resolve("bundles")))) {
            dir = dir.getParent();
        }
        Assumptions.assumeTrue(dir != null && dir.getParent() != null, "project root not found");
        return dir.getParent().resolve("shared").resolve("corpus");
    }
}
