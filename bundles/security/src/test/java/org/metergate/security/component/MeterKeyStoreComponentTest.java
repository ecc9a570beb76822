package org.metergate.security.component;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.metergate.security.TestKeys.DEFAULT_HEX;
import static org.metergate.security.TestKeys.DEFAULT_KEY;
import static org.metergate.security.TestKeys.ELS;
import static org.metergate.security.TestKeys.KAM;
import static org.metergate.security.TestKeys.KAM_HEX;
import static org.metergate.security.TestKeys.KAM_KEY;
import static org.metergate.security.TestKeys.KEK128_HEX;
import static org.metergate.security.TestKeys.KEK256_HEX;
import static org.metergate.security.TestKeys.OTHER_KEK_HEX;
import static org.metergate.security.component.Configs.config;

import java.io.StringReader;
import java.io.StringWriter;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.metergate.security.EncryptedMeterKeyStore;
import org.metergate.security.KeyEncryptionKeyException;
import org.metergate.security.KeyStoreFileException;
import org.metergate.security.KeyStoreFileException.Reason;
import org.metergate.security.TestKeys;

/** The DS component through its activation constructor and a configuration proxy; no framework. */
class MeterKeyStoreComponentTest {

    @TempDir
    Path data;

    private static final Map<String, String> ENV = Map.of("METERGATE_KEK", KEK128_HEX);

    private Path defaultStore() {
        return data.resolve("keys/meter-keys.store");
    }

    @Test
    void withDefaultsItKeepsTheStoreBelowTheDataDirectoryUnderTheEnvironmentKek() throws Exception {
        MeterKeyStoreComponent component = new MeterKeyStoreComponent(config(), ENV, data.toString());
        component.put(KAM, KAM_KEY);
        component.putDefault(DEFAULT_KEY);
        assertThat(component.keyFor(KAM)).contains(KAM_KEY);
        assertThat(component.keyFor(ELS)).contains(DEFAULT_KEY);
        assertThat(component.hasDefault()).isTrue();
        component.deactivate();
        assertThat(component.keyFor(KAM)).isEmpty(); // deactivated: keys forgotten

        assertThat(defaultStore()).isRegularFile();
        try (EncryptedMeterKeyStore store = EncryptedMeterKeyStore.open(defaultStore(), TestKeys.kek128(), false, null)) {
            assertThat(store.meters()).containsExactly(KAM);
        }
        MeterKeyStoreComponent again = new MeterKeyStoreComponent(config(), ENV, data.toString());
        assertThat(again.keyFor(KAM)).contains(KAM_KEY);
        assertThat(again.removeDefault()).isTrue();
        assertThat(again.remove(KAM)).isTrue();
        assertThat(again.meters()).isEmpty();
        again.deactivate();
    }

    @Test
    void importsAndExportsThroughTheService() throws Exception {
        MeterKeyStoreComponent component = new MeterKeyStoreComponent(config(), ENV, data.toString());
        try {
            assertThat(component.importKeys(new StringReader("KAM-12345678 " + KAM_HEX + "\ndefault " + DEFAULT_HEX + "\n"))).isEqualTo(2);
            StringWriter out = new StringWriter();
            component.exportKeys(out);
            assertThat(out.toString()).contains("KAM-12345678 " + KAM_HEX + "\n", "default " + DEFAULT_HEX + "\n");
        } finally {
            component.deactivate();
        }
    }

    @Test
    void refusesToStartWithoutAKek() {
        assertThatThrownBy(() -> new MeterKeyStoreComponent(config(), Map.of(), data.toString()))
                .isInstanceOf(KeyEncryptionKeyException.class)
                .hasMessage("meter key store: no key-encryption key: the environment variable METERGATE_KEK is not set and "
                        + "kek.file is not configured (PID org.metergate.security.keystore); meter keys are never stored in clear");
        assertThatThrownBy(() -> new MeterKeyStoreComponent(config("kek.env", ""), ENV, data.toString()))
                .isInstanceOf(KeyEncryptionKeyException.class)
                .hasMessage("meter key store: no key-encryption key: kek.file is not configured (PID org.metergate.security.keystore); "
                        + "meter keys are never stored in clear");
        assertThat(defaultStore()).doesNotExist();
    }

    @Test
    void takesTheKekFromAFileBeforeTheEnvironment() throws Exception {
        Path kekFile = data.resolve("kek");
        Files.writeString(kekFile, KEK256_HEX + "\n");
        MeterKeyStoreComponent component = new MeterKeyStoreComponent(config("kek.file", kekFile.toString()), ENV, data.toString());
        component.put(KAM, KAM_KEY);
        component.deactivate();
        try (EncryptedMeterKeyStore store = EncryptedMeterKeyStore.open(defaultStore(), TestKeys.kek256(), false, null)) {
            assertThat(store.meters()).containsExactly(KAM);
        }
        assertThatThrownBy(() -> new MeterKeyStoreComponent(config("kek.file", "relative/kek"), ENV, data.toString()))
                .isInstanceOf(KeyEncryptionKeyException.class)
                .hasMessageContaining("kek.file relative/kek is relative but the gateway's distribution directory is unknown");
        assertThatThrownBy(() -> new MeterKeyStoreComponent(config("kek.file", data.resolve("none").toString()), ENV, data.toString()))
                .isInstanceOf(KeyEncryptionKeyException.class)
                .hasMessageContaining("does not exist");
    }

    @Test
    void relativeKekAndImportFilesAreFoundInTheDistributionAndTheKeysAreImportedAtStart(@TempDir Path home) throws Exception {
        Files.createDirectories(home.resolve("conf"));
        Files.writeString(home.resolve("conf/demo.kek"), KEK256_HEX + "\n");
        Files.writeString(home.resolve("conf/demo-keys.txt"), "# demo\n" + KAM + " " + KAM_HEX + "\ndefault " + DEFAULT_HEX + "\n");
        MeterKeyStoreComponent c = new MeterKeyStoreComponent(
                config("kek.file", "conf/demo.kek", "import.file", "conf/demo-keys.txt"), Map.of(), data.toString(), home.toString());
        assertThat(c.keyFor(KAM)).contains(KAM_KEY);
        assertThat(c.hasDefault()).isTrue();
        c.deactivate();
        // imported again at the next start without harm
        MeterKeyStoreComponent again = new MeterKeyStoreComponent(
                config("kek.file", "conf/demo.kek", "import.file", "conf/demo-keys.txt"), Map.of(), data.toString(), home.toString());
        assertThat(again.meters()).containsExactly(KAM);
        again.deactivate();
        Files.writeString(home.resolve("conf/demo-keys.txt"), "KAM-1 nonsense\n");
        assertThatThrownBy(() -> new MeterKeyStoreComponent(
                config("kek.file", "conf/demo.kek", "import.file", "conf/demo-keys.txt"), Map.of(), data.toString(), home.toString()))
                .hasMessageContaining("line 1");
        // the failed start released the store
        new MeterKeyStoreComponent(config("kek.file", "conf/demo.kek"), Map.of(), data.toString(), home.toString()).deactivate();
    }

    @Test
    void resolvesTheStoreFile() {
        Path absolute = data.resolve("elsewhere/keys.store");
        assertThat(MeterKeyStoreComponent.storeFile(absolute.toString(), null)).isEqualTo(absolute);
        assertThat(MeterKeyStoreComponent.storeFile("keys/meter-keys.store", data.toString())).isEqualTo(defaultStore());
        assertThatThrownBy(() -> MeterKeyStoreComponent.storeFile("keys/meter-keys.store", null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("meter key store: store.file keys/meter-keys.store is relative but the data directory is unknown "
                        + "(system property metergate.data is not set); configure an absolute path (PID org.metergate.security.keystore)");
        assertThatThrownBy(() -> MeterKeyStoreComponent.storeFile(" ", data.toString())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void doesNotStartOnAStoreItCannotDecrypt() throws Exception {
        new MeterKeyStoreComponent(config(), ENV, data.toString()).deactivate();
        byte[] before = Files.readAllBytes(defaultStore());
        assertThatThrownBy(() -> new MeterKeyStoreComponent(config(), Map.of("METERGATE_KEK", OTHER_KEK_HEX), data.toString()))
                .isInstanceOfSatisfying(KeyStoreFileException.class, e -> assertThat(e.reason()).isEqualTo(Reason.UNDECRYPTABLE))
                .hasMessage("key store " + defaultStore() + " cannot be decrypted: wrong key-encryption key or the file was modified");
        assertThat(Files.readAllBytes(defaultStore())).isEqualTo(before);
        new MeterKeyStoreComponent(config(), ENV, data.toString()).deactivate(); // lock released, store intact
    }

    @Test
    void canBeToldNotToCreateAStore() {
        assertThatThrownBy(() -> new MeterKeyStoreComponent(config("create.if.missing", false), ENV, data.toString()))
                .isInstanceOfSatisfying(KeyStoreFileException.class, e -> assertThat(e.reason()).isEqualTo(Reason.NOT_FOUND));
        assertThat(defaultStore()).doesNotExist();
    }

    @Test
    void rotatesTheKekWithThePreviousOneConfigured() throws Exception {
        MeterKeyStoreComponent old = new MeterKeyStoreComponent(config(), ENV, data.toString());
        old.put(KAM, KAM_KEY);
        old.deactivate();

        Map<String, String> env = Map.of("METERGATE_KEK", KEK256_HEX, "METERGATE_KEK_OLD", KEK128_HEX);
        MeterKeyStoreComponent rotated = new MeterKeyStoreComponent(config("kek.previous.env", "METERGATE_KEK_OLD"), env, data.toString());
        assertThat(rotated.keyFor(KAM)).contains(KAM_KEY);
        rotated.deactivate();

        MeterKeyStoreComponent after = new MeterKeyStoreComponent(config(), Map.of("METERGATE_KEK", KEK256_HEX), data.toString());
        assertThat(after.keyFor(KAM)).contains(KAM_KEY);
        after.deactivate();
    }

    @Test
    void configurationNamesAndDefaultsAreTheDocumentedOnes() {
        Map<String, Object> defaults = Arrays.stream(KeyStoreConfig.class.getDeclaredMethods())
                .collect(Collectors.toMap(m -> Configs.property(m.getName()), Method::getDefaultValue));
        assertThat(defaults).containsExactlyInAnyOrderEntriesOf(Map.of(
                "store.file", "keys/meter-keys.store",
                "create.if.missing", true,
                "kek.file", "",
                "kek.env", "METERGATE_KEK",
                "kek.previous.file", "",
                "kek.previous.env", "",
                "import.file", ""));
        assertThat(MeterKeyStoreComponent.PID).isEqualTo("org.metergate.security.keystore");
    }
}
