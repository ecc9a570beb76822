package org.metergate.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code metergate decode} on wired and wireless frames. The wireless telegram and its key are from
 * the public test data of the wmbusmeters project (driver kadenwater); the wired frame is the
 * EN 13757-3 style example of the README.
 */
class DecodeCommandTest {

    static final String WIRED = "68 1F 1F 68 08 02 72 78 56 34 12 24 40 01 07 55 00 00 00 03 13 15 31 00 DA 02 3B 13 01 8B 60 04 37 18 02 18 16";
    static final String KADEN = "4E448E2C6179221901077AB50040054D008A1AD5270D9CF92952500BD3938EA37FCAC71A45D4349FB13C89"
            + "CFA4AAEBD6ECF9CAAF1C0710C1D6B4D98F23109CEF5FA6FEC93FD6A148730EA51102DBCC";
    static final String KADEN_KEY = "82B0551191F51D66EFCDAB8967452301";

    record Run(int code, String out) {
    }

    static Run run(String... args) {
        StringWriter sw = new StringWriter();
        CommandLine cl = new CommandLine(new Metergate());
        cl.setOut(new PrintWriter(sw));
        int code = cl.execute(args);
        return new Run(code, sw.toString());
    }

    @Test
    void wiredAndWirelessFramesAreToldApartByTheirFraming() {
        assertThat(WirelessFrames.looksWired(HexFormat.of().parseHex(WIRED.replace(" ", "")))).isTrue();
        assertThat(WirelessFrames.looksWired(new byte[] {(byte) 0xE5})).isTrue();
        assertThat(WirelessFrames.looksWired(HexFormat.of().parseHex("105BFE5916"))).isTrue();
        assertThat(WirelessFrames.looksWired(HexFormat.of().parseHex(KADEN))).isFalse();
    }

    @Test
    void anEncryptedTelegramWithoutItsKeySaysSoAndCountsAsNotDecoded() throws Exception {
        Run r = run("decode", "--json", KADEN);
        assertThat(r.code()).isEqualTo(1);
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertThat(j.at("/security/mode").asInt()).isEqualTo(5);
        assertThat(j.at("/security/decrypted").asBoolean()).isFalse();
        assertThat(j.at("/security/error/kind").asText()).isEqualTo("NO_KEY");
        assertThat(j.at("/security/error/reason").asText()).isEqualTo("no key for meter KDN-19227961");
        assertThat(j.at("/records")).isEmpty();
    }

    @Test
    void withItsKeyTheRecordsAreThereInTheSameSchemaAsWiredFrames(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("keys.txt"), "KDN-19227961 " + KADEN_KEY + "\n");
        Run r = run("decode", "--json", "--keys", dir.resolve("keys.txt").toString(), KADEN);
        assertThat(r.code()).isZero();
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertThat(j.at("/link/type").asText()).isEqualTo("wireless");
        assertThat(j.at("/link/c").asText()).isEqualTo("44");
        assertThat(j.at("/link/function").asText()).isEqualTo("SND_NR");
        assertThat(j.at("/link/m").asText()).isEqualTo("KDN");
        assertThat(j.at("/link/a/id").asText()).isEqualTo("19227961");
        assertThat(j.at("/link/ciChain/0").asText()).isEqualTo("7A");
        assertThat(j.at("/meter/manufacturer").asText()).isEqualTo("KDN");
        assertThat(j.at("/accessNumber").asInt()).isEqualTo(0xB5);
        assertThat(j.at("/security/decrypted").asBoolean()).isTrue();
        assertThat(j.at("/security/error").isNull()).isTrue();
        JsonNode volume = j.at("/records/2");
        assertThat(volume.at("/quantity").asText()).isEqualTo("volume");
        assertThat(volume.at("/unit").asText()).isEqualTo("m3");
        assertThat(volume.at("/value").decimalValue()).isEqualByComparingTo("22.761");
        assertThat(volume.at("/dif").asText()).isEqualTo("04");
        // the same key as a default for every meter
        assertThat(run("decode", "--key", KADEN_KEY, KADEN).out()).contains("volume = 22.7610 m3");
        // the output never repeats the key
        assertThat(r.out()).doesNotContain(KADEN_KEY);
    }

    @Test
    void wiredFramesKeepTheirSchemaAndFramingCanBeForced() throws Exception {
        Run wired = run("decode", "--json", WIRED);
        assertThat(wired.code()).isZero();
        JsonNode j = new ObjectMapper().readTree(wired.out());
        assertThat(j.at("/link/type").asText()).isEqualTo("long");
        assertThat(j.at("/records/0/value").decimalValue()).isEqualByComparingTo("12.565");
        Run forced = run("decode", "--wmbus", WIRED);
        assertThat(forced.code()).as("a wired frame read as wireless does not decode").isEqualTo(1);
        assertThat(run("decode", "--mbus", "--wmbus", WIRED).code()).isEqualTo(2);
    }

    @Test
    void aBadKeyIsAUsageErrorThatDoesNotEchoTheKey() {
        StringWriter err = new StringWriter();
        CommandLine cl = new CommandLine(new Metergate());
        cl.setErr(new PrintWriter(err));
        cl.setOut(new PrintWriter(new StringWriter()));
        int code = cl.execute("decode", "--key", "82B0551191F51D66EFCDAB896745230Z", KADEN);
        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("keys:").doesNotContain("82B0551191F51D66");
    }
}
