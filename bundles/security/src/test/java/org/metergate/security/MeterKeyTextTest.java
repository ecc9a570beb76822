package org.metergate.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.metergate.security.TestKeys.DEFAULT_HEX;
import static org.metergate.security.TestKeys.DEFAULT_KEY;
import static org.metergate.security.TestKeys.ELS;
import static org.metergate.security.TestKeys.ELS_KEY;
import static org.metergate.security.TestKeys.KAM;
import static org.metergate.security.TestKeys.KAM_HEX;
import static org.metergate.security.TestKeys.KAM_KEY;
import static org.metergate.security.TestKeys.LSE;
import static org.metergate.security.TestKeys.LSE_HEX;
import static org.metergate.security.TestKeys.LSE_KEY;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.metergate.api.meter.ManufacturerCode;
import org.metergate.api.meter.MeterId;

class MeterKeyTextTest {

    private static MeterKeys read(String text) throws IOException {
        return MeterKeyText.read(new StringReader(text));
    }

    private static String write(MeterKeys keys) throws IOException {
        StringWriter out = new StringWriter();
        MeterKeyText.write(keys, out);
        return out.toString();
    }

    @Test
    void readsKeysDefaultCommentsAndBlankLines() throws IOException {
        MeterKeys keys = read("""
                # keys of building 7

                KAM-12345678 %s
                   lse-0000ab12\t%s   # flat 3, lower case and a tab
                default %s
                # the end
                """.formatted(KAM_HEX, LSE_HEX.toLowerCase(), DEFAULT_HEX));

        assertThat(keys.meters()).containsExactly(KAM, LSE);
        assertThat(keys.ownKey(KAM)).contains(KAM_KEY);
        assertThat(keys.ownKey(LSE)).contains(LSE_KEY);
        assertThat(keys.defaultKey()).contains(DEFAULT_KEY);
        assertThat(keys.keyCount()).isEqualTo(3);
    }

    @Test
    void acceptsCrlfCrAndAByteOrderMark() throws IOException {
        MeterKeys keys = read("\uFEFFKAM-12345678 " + KAM_HEX + "\r\nLSE-0000AB12 " + LSE_HEX + "\rDEFAULT " + DEFAULT_HEX);
        assertThat(keys).isEqualTo(MeterKeys.of(Map.of(KAM, KAM_KEY, LSE, LSE_KEY), Optional.of(DEFAULT_KEY)));
    }

    @Test
    void emptyTextHasNoKeys() throws IOException {
        assertThat(read("")).isEqualTo(MeterKeys.empty());
        assertThat(read("# nothing\n\n   \n")).isEqualTo(MeterKeys.empty());
    }

    @Test
    void writesTheDocumentedLayout() throws IOException {
        MeterKeys keys = MeterKeys.of(Map.of(LSE, LSE_KEY, KAM, KAM_KEY), Optional.of(DEFAULT_KEY));
        assertThat(write(keys)).isEqualTo("""
                # Metergate meter keys, text format 1: 'MAN-IDENTIFICATION KEY' per meter, 'default KEY'.
                # This file holds AES keys in clear: keep it no longer than needed, readable by no one else.
                default %s
                KAM-12345678 %s
                LSE-0000AB12 %s
                """.formatted(DEFAULT_HEX, KAM_HEX, LSE_HEX));
    }

    @Test
    void roundTrips() throws IOException {
        MeterKeys keys = MeterKeys.of(Map.of(KAM, KAM_KEY, LSE, LSE_KEY, ELS, ELS_KEY), Optional.of(DEFAULT_KEY));
        assertThat(read(write(keys))).isEqualTo(keys);
        MeterKeys noDefault = MeterKeys.of(Map.of(ELS, ELS_KEY), Optional.empty());
        assertThat(read(write(noDefault))).isEqualTo(noDefault);
    }

    @Test
    void roundTripsMetersWhoseManufacturerFieldIsNoLetterCode() throws IOException {
        // 0x0000 prints as "@@@", 0x7FFF as "___": both must come back as the same field
        MeterId zero = new MeterId(new ManufacturerCode(0x0000), "00000001");
        MeterId high = new MeterId(new ManufacturerCode(0x7FFF), "00000002");
        MeterKeys keys = MeterKeys.of(Map.of(zero, KAM_KEY, high, LSE_KEY), Optional.empty());
        String text = write(keys);
        assertThat(text).contains("@@@-00000001 ", "___-00000002 ");
        assertThat(read(text)).isEqualTo(keys);
    }

    @Test
    void refusesMetersThatTheTextCannotName() {
        MeterId bit15 = new MeterId(new ManufacturerCode(0x8000 | ManufacturerCode.of("KAM").id()), "12345678");
        assertThatThrownBy(() -> MeterKeys.empty().with(bit15, KAM_KEY))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("bit 15");
    }

    @Test
    void namesTheLineOfEachKindOfError() {
        assertLineError("KAM-12345678\n", 1, "found 1 field");
        assertLineError("# ok\nKAM-12345678 " + KAM_HEX + " extra\n", 2, "found 3 fields");
        assertLineError("\n\nKAM 12345678 " + KAM_HEX + "\n", 3, "found 3 fields");
        assertLineError("KAM_12345678 " + KAM_HEX + "\n", 1, "the first field must be 'default' or a meter");
        assertLineError("KA1-12345678 " + KAM_HEX + "\n", 1, "the first field must be 'default' or a meter");
        assertLineError("KAM-1234567G " + KAM_HEX + "\n", 1, "the first field must be 'default' or a meter");
        assertLineError("KAM-12345678 " + KAM_HEX.substring(1) + "\n", 1, "32 hex digits, found 31 characters");
        assertLineError("KAM-12345678 " + KAM_HEX + "0\n", 1, "32 hex digits, found 33 characters");
        assertLineError("KAM-12345678 " + KAM_HEX.substring(0, 31) + "G\n", 1, "only hex digits");
        // Arabic-Indic digit one: Character.digit accepts it, the format does not
        assertLineError("KAM-12345678 " + KAM_HEX.substring(0, 31) + "\u0661\n", 1, "only hex digits");
        assertLineError("KAM-12345678 " + KAM_HEX + "\nkam-12345678 " + LSE_HEX + "\n", 2,
                "a second key for meter KAM-12345678 (the first is on line 1)");
        assertLineError("default " + KAM_HEX + "\n#\nDefault " + LSE_HEX + "\n", 3, "a second default key (the first is on line 1)");
        assertLineError("# ok\n" + "x".repeat(MeterKeyText.MAX_LINE_LENGTH + 1) + "\n", 2, "longer than 1024 characters");
    }

    private static void assertLineError(String text, int line, String reason) {
        assertThatThrownBy(() -> read(text))
                .isInstanceOfSatisfying(MeterKeyTextException.class, e -> assertThat(e.line()).isEqualTo(line))
                .hasMessageStartingWith("meter key text, line " + line + ": ")
                .hasMessageContaining(reason);
    }

    @Test
    void errorsNeverRepeatTheKey() {
        String[] bad = {
            KAM_HEX + " " + KAM_HEX,                       // key where the meter belongs
            "KAM-12345678 " + KAM_HEX.substring(0, 30),      // truncated key
            "KAM-12345678 " + KAM_HEX + "FF",                // too long
            "KAM-12345678 " + KAM_HEX.replace('A', 'Z'),     // not hex
            "KAM-12345678 " + KAM_HEX + " " + LSE_HEX,       // extra field
            KAM_HEX,                                         // key alone
        };
        for (String line : bad) {
            assertThatThrownBy(() -> read("# x\n" + line + "\n"))
                    .isInstanceOf(MeterKeyTextException.class)
                    .satisfies(e -> LeakCheck.assertNoSecret(e.getMessage(), TestKeys.SECRETS));
        }
    }
}
