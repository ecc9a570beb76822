package org.metergate.security.component;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.metergate.security.TestKeys.DEFAULT_HEX;
import static org.metergate.security.TestKeys.DEFAULT_KEY;
import static org.metergate.security.TestKeys.ELS;
import static org.metergate.security.TestKeys.ELS_HEX;
import static org.metergate.security.TestKeys.ELS_KEY;
import static org.metergate.security.TestKeys.KAM;
import static org.metergate.security.TestKeys.KAM_HEX;
import static org.metergate.security.TestKeys.KAM_KEY;
import static org.metergate.security.TestKeys.KEK128_HEX;
import static org.metergate.security.TestKeys.KEK256_HEX;
import static org.metergate.security.TestKeys.LSE;
import static org.metergate.security.TestKeys.LSE_HEX;
import static org.metergate.security.TestKeys.OTHER_KEK_HEX;
import static org.metergate.security.component.Configs.config;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.StackTraceElementProxy;
import ch.qos.logback.core.read.ListAppender;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.metergate.security.KeyEncryptionKey;
import org.metergate.security.LeakCheck;
import org.metergate.security.MeterKeyText;
import org.metergate.security.TestKeys;
import org.slf4j.LoggerFactory;

/**
 * Keys never reach logs (at every level, TRACE included), exception messages, causes or text forms:
 * this drives every operation, the successful and the failing ones, and then searches everything
 * that was said for any 8-character piece of any key or KEK, in hex of either case and in base64.
 */
class NoKeyLeakTest {

    @TempDir
    Path data;

    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
    private final Logger logger = (Logger) LoggerFactory.getLogger("org.metergate");
    private Level levelBefore;
    private final List<String> said = new ArrayList<>();

    @BeforeEach
    void captureLogs() {
        appender.start();
        logger.addAppender(appender);
        levelBefore = logger.getLevel();
        logger.setLevel(Level.TRACE);
    }

    @AfterEach
    void restoreLogs() {
        logger.detachAppender(appender);
        logger.setLevel(levelBefore);
    }

    private void failure(ThrowingRunnable action) {
        Throwable t = catchThrowable(action::run);
        assertThat(t).as("this action must fail").isNotNull();
        record(t);
    }

    private void record(Throwable t) {
        for (Throwable e = t; e != null; e = e.getCause()) {
            said.add(String.valueOf(e.getMessage()));
            said.add(e.toString());
            for (Throwable s : e.getSuppressed()) {
                record(s);
            }
        }
    }

    interface ThrowingRunnable {
        void run() throws Exception;
    }

    @Test
    void noOperationShowsAKey() throws Exception {
        Map<String, String> env = Map.of("METERGATE_KEK", KEK128_HEX, "OLD_KEK", KEK256_HEX);
        Path kekFile = data.resolve("kek");
        Files.writeString(kekFile, Base64.getEncoder().encodeToString(TestKeys.bytes(KEK256_HEX)));

        // successful operations
        MeterKeyStoreComponent component = new MeterKeyStoreComponent(config(), env, data.toString());
        component.put(KAM, KAM_KEY);
        component.put(KAM, ELS_KEY);
        component.put(ELS, ELS_KEY);
        component.putDefault(DEFAULT_KEY);
        component.importKeys(new StringReader("LSE-0000AB12 " + LSE_HEX + "\ndefault " + DEFAULT_HEX + "\nKAM-12345678 " + KAM_HEX + "\n"));
        component.remove(ELS);
        component.removeDefault();
        said.add(component.toString());
        said.add(String.valueOf(component.keyFor(KAM)));
        said.add(String.valueOf(component.keyFor(LSE)));
        said.add(component.meters().toString());

        // failing imports, each with key material where it does not belong
        failure(() -> component.importKeys(new StringReader("# x\nKAM-12345678 " + KAM_HEX.substring(0, 31) + "\n")));
        failure(() -> component.importKeys(new StringReader(KAM_HEX + " " + LSE_HEX + "\n")));
        failure(() -> component.importKeys(new StringReader("LSE-0000AB12 " + LSE_HEX + "Z\n")));
        failure(() -> component.importKeys(new StringReader("default " + DEFAULT_HEX + " " + ELS_HEX + "\n")));
        failure(() -> component.importKeys(new StringReader("KAM-12345678 " + KAM_HEX + "\nKAM-12345678 " + KAM_HEX + "\n")));
        failure(() -> component.importKeys(new StringReader(KAM_HEX.repeat(40) + "\n")));
        component.deactivate();

        // failing decryption: wrong KEK, wrong KEK with a wrong previous KEK, tampered file
        failure(() -> new MeterKeyStoreComponent(config(), Map.of("METERGATE_KEK", OTHER_KEK_HEX), data.toString()));
        failure(() -> new MeterKeyStoreComponent(config("kek.previous.env", "OLD_KEK"), Map.of("METERGATE_KEK", OTHER_KEK_HEX,
                "OLD_KEK", KEK256_HEX), data.toString()));
        Path store = data.resolve("keys/meter-keys.store");
        byte[] content = Files.readAllBytes(store);
        byte[] tampered = content.clone();
        tampered[30] ^= 1;
        Files.write(store, tampered);
        failure(() -> new MeterKeyStoreComponent(config(), env, data.toString()));
        Files.write(store, content);

        // rotation to the file KEK, which logs both sources
        MeterKeyStoreComponent rotated = new MeterKeyStoreComponent(config("kek.file", kekFile.toString(), "kek.previous.env",
                "METERGATE_KEK"), env, data.toString());
        said.add(rotated.toString());
        rotated.deactivate();

        // malformed KEKs
        failure(() -> new MeterKeyStoreComponent(config(), Map.of("METERGATE_KEK", KEK128_HEX.substring(0, 30)), data.toString()));
        failure(() -> new MeterKeyStoreComponent(config(), Map.of("METERGATE_KEK", KEK256_HEX + "00"), data.toString()));
        failure(() -> new MeterKeyStoreComponent(config(), Map.of("METERGATE_KEK", KEK128_HEX + " " + KEK256_HEX), data.toString()));
        Files.writeString(kekFile, KEK256_HEX.replace('A', '*'));
        failure(() -> new MeterKeyStoreComponent(config("kek.file", kekFile.toString()), env, data.toString()));
        KeyEncryptionKey kek = TestKeys.kek256();
        said.add(kek.toString());
        said.add(MeterKeyText.class.getName());

        // everything the logs said, with every level, argument, exception and stack frame
        assertThat(appender.list).isNotEmpty();
        for (ILoggingEvent event : appender.list) {
            said.add(event.getFormattedMessage());
            if (event.getArgumentArray() != null) {
                for (Object argument : event.getArgumentArray()) {
                    said.add(String.valueOf(argument));
                }
            }
            for (IThrowableProxy t = event.getThrowableProxy(); t != null; t = t.getCause()) {
                said.add(t.getClassName() + ": " + t.getMessage());
                for (StackTraceElementProxy frame : t.getStackTraceElementProxyArray()) {
                    said.add(frame.getSTEAsString());
                }
            }
        }
        assertThat(appender.list).anySatisfy(e -> {
            assertThat(e.getLevel()).isEqualTo(Level.WARN);
            assertThat(e.getFormattedMessage()).isEqualTo("meter key store: kek.file is configured, so the environment variable "
                    + "METERGATE_KEK is ignored");
        });
        String everything = String.join("\n", said);
        assertThat(everything).contains("cannot be decrypted", "meter key text, line 2", "KAM-12345678"); // it did say things
        LeakCheck.assertNoSecret(everything, TestKeys.SECRETS);
    }
}
