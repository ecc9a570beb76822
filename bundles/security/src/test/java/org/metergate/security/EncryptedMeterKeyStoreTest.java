package org.metergate.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;
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
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.metergate.security.KeyStoreFileException.Reason;

class EncryptedMeterKeyStoreTest {

    @TempDir
    Path dir;

    private Path file() {
        return dir.resolve("keys").resolve("meter-keys.store");
    }

    private EncryptedMeterKeyStore open() throws IOException {
        return EncryptedMeterKeyStore.open(file(), TestKeys.kek128());
    }

    private static boolean posix(Path p) {
        return p.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    @Test
    void firstOpenCreatesAnEmptyEncryptedStore() throws IOException {
        try (EncryptedMeterKeyStore store = open()) {
            assertThat(store.meters()).isEmpty();
            assertThat(store.hasDefault()).isFalse();
            assertThat(store.keyFor(KAM)).isEmpty();
        }
        byte[] content = Files.readAllBytes(file());
        assertThat(new String(content, 0, 6, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("MGKEYS");
        assertThat(content).hasSize(8 + 12 + 5 + 16);
    }

    @Test
    void aDirectoryIsNotAKeyStore() throws IOException {
        Files.createDirectories(file());
        assertThatThrownBy(this::open)
                .isInstanceOfSatisfying(KeyStoreFileException.class, e -> assertThat(e.reason()).isEqualTo(Reason.NOT_A_KEY_STORE))
                .hasMessage(file() + " is not a Metergate key store: not a regular file");
    }

    @Test
    void refusesToCreateWhenAskedNotTo() {
        assertThatThrownBy(() -> EncryptedMeterKeyStore.open(file(), TestKeys.kek128(), false, null))
                .isInstanceOfSatisfying(KeyStoreFileException.class, e -> assertThat(e.reason()).isEqualTo(Reason.NOT_FOUND))
                .hasMessage("key store " + file() + " does not exist");
        assertThat(file()).doesNotExist();
    }

    @Test
    void keysPersistAcrossReopening() throws IOException {
        try (EncryptedMeterKeyStore store = open()) {
            store.put(KAM, KAM_KEY);
            store.put(LSE, KAM_KEY);
            store.put(LSE, LSE_KEY); // replaces
            store.put(ELS, ELS_KEY);
            assertThat(store.remove(ELS)).isTrue();
            assertThat(store.remove(ELS)).isFalse();
            store.putDefault(DEFAULT_KEY);
        }
        try (EncryptedMeterKeyStore store = open()) {
            assertThat(store.meters()).containsExactly(KAM, LSE);
            assertThat(store.keyFor(KAM)).contains(KAM_KEY);
            assertThat(store.keyFor(LSE)).contains(LSE_KEY);
            assertThat(store.hasDefault()).isTrue();
            assertThat(store.snapshot().defaultKey()).contains(DEFAULT_KEY);
        }
    }

    @Test
    void theDefaultKeyServesMetersWithoutTheirOwn() throws IOException {
        try (EncryptedMeterKeyStore store = open()) {
            store.put(KAM, KAM_KEY);
            assertThat(store.keyFor(ELS)).isEmpty();
            store.putDefault(DEFAULT_KEY);
            assertThat(store.keyFor(ELS)).contains(DEFAULT_KEY);
            assertThat(store.keyFor(KAM)).contains(KAM_KEY); // own key first
            assertThat(store.meters()).containsExactly(KAM); // the default key is no meter's
            assertThat(store.removeDefault()).isTrue();
            assertThat(store.removeDefault()).isFalse();
            assertThat(store.keyFor(ELS)).isEmpty();
            assertThat(store.hasDefault()).isFalse();
        }
    }

    @Test
    void importAddsAndReplacesAndKeepsOtherKeys() throws IOException {
        try (EncryptedMeterKeyStore store = open()) {
            store.put(ELS, ELS_KEY);
            store.put(KAM, LSE_KEY);
            int imported = store.importKeys(new StringReader("KAM-12345678 " + KAM_HEX + "\nLSE-0000AB12 " + LSE_HEX
                    + "\ndefault " + DEFAULT_HEX + "\n"));
            assertThat(imported).isEqualTo(3);
            assertThat(store.keyFor(KAM)).contains(KAM_KEY);
            assertThat(store.keyFor(LSE)).contains(LSE_KEY);
            assertThat(store.keyFor(ELS)).contains(ELS_KEY);
            assertThat(store.hasDefault()).isTrue();
        }
        try (EncryptedMeterKeyStore store = open()) {
            assertThat(store.meters()).containsExactly(ELS, KAM, LSE);
        }
    }

    @Test
    void importIsAllOrNothing() throws IOException {
        try (EncryptedMeterKeyStore store = open()) {
            store.put(KAM, KAM_KEY);
            byte[] before = Files.readAllBytes(file());
            String text = "ELS-87654321 " + TestKeys.ELS_HEX + "\ndefault " + DEFAULT_HEX + "\nLSE-0000AB12 not-a-key\n";
            assertThatThrownBy(() -> store.importKeys(new StringReader(text)))
                    .isInstanceOfSatisfying(MeterKeyTextException.class, e -> assertThat(e.line()).isEqualTo(3));
            assertThat(store.meters()).containsExactly(KAM);
            assertThat(store.hasDefault()).isFalse();
            assertThat(Files.readAllBytes(file())).isEqualTo(before);
        }
    }

    @Test
    void exportThenImportIntoAnotherStoreGivesTheSameKeys() throws IOException {
        StringWriter exported = new StringWriter();
        try (EncryptedMeterKeyStore store = open()) {
            store.put(KAM, KAM_KEY);
            store.put(LSE, LSE_KEY);
            store.putDefault(DEFAULT_KEY);
            store.exportKeys(exported);
        }
        assertThat(exported.toString()).contains("KAM-12345678 " + KAM_HEX, "default " + DEFAULT_HEX);
        Path other = dir.resolve("other.store");
        try (EncryptedMeterKeyStore copy = EncryptedMeterKeyStore.open(other, TestKeys.kek256())) {
            assertThat(copy.importKeys(new StringReader(exported.toString()))).isEqualTo(3);
            assertThat(copy.snapshot()).isEqualTo(MeterKeys.of(Map.of(KAM, KAM_KEY, LSE, LSE_KEY), Optional.of(DEFAULT_KEY)));
        }
    }

    @Test
    void theFileHoldsNoKeyInClear() throws IOException {
        try (EncryptedMeterKeyStore store = open()) {
            store.put(KAM, KAM_KEY);
            store.put(LSE, LSE_KEY);
            store.putDefault(DEFAULT_KEY);
        }
        byte[] content = Files.readAllBytes(file());
        LeakCheck.assertNoSecret(content, TestKeys.SECRETS);
        LeakCheck.assertNoSecret(new String(content, java.nio.charset.StandardCharsets.ISO_8859_1), TestKeys.SECRETS);
    }

    @Test
    void aWrongKekDoesNotOpenAndWritesNothing() throws IOException {
        try (EncryptedMeterKeyStore store = open()) {
            store.put(KAM, KAM_KEY);
        }
        byte[] before = Files.readAllBytes(file());
        assertThatThrownBy(() -> EncryptedMeterKeyStore.open(file(), TestKeys.otherKek()))
                .isInstanceOfSatisfying(KeyStoreFileException.class, e -> assertThat(e.reason()).isEqualTo(Reason.UNDECRYPTABLE))
                .hasMessage("key store " + file() + " cannot be decrypted: wrong key-encryption key or the file was modified");
        assertThat(Files.readAllBytes(file())).isEqualTo(before);
        try (EncryptedMeterKeyStore store = open()) { // the lock was released by the failed open
            assertThat(store.keyFor(KAM)).contains(KAM_KEY);
        }
    }

    @Test
    void aTamperedFileDoesNotOpen() throws IOException {
        try (EncryptedMeterKeyStore store = open()) {
            store.put(KAM, KAM_KEY);
        }
        byte[] content = Files.readAllBytes(file());
        content[content.length / 2] ^= 0x40;
        Files.write(file(), content);
        assertThatThrownBy(this::open)
                .isInstanceOfSatisfying(KeyStoreFileException.class, e -> assertThat(e.reason()).isEqualTo(Reason.UNDECRYPTABLE))
                .hasMessage("key store " + file() + " cannot be decrypted: wrong key-encryption key or the file was modified");
        assertThat(Files.readAllBytes(file())).isEqualTo(content);
    }

    @Test
    void rotatesToANewKekWithThePreviousOne() throws IOException {
        try (EncryptedMeterKeyStore store = open()) {
            store.put(KAM, KAM_KEY);
        }
        KeyEncryptionKey previous = TestKeys.kek128();
        try (EncryptedMeterKeyStore store = EncryptedMeterKeyStore.open(file(), TestKeys.kek256(), true, () -> previous)) {
            assertThat(store.keyFor(KAM)).contains(KAM_KEY);
        }
        assertThat(previous.isDestroyed()).isTrue();
        try (EncryptedMeterKeyStore store = EncryptedMeterKeyStore.open(file(), TestKeys.kek256())) {
            assertThat(store.keyFor(KAM)).contains(KAM_KEY); // now under the new KEK
        }
        assertThatThrownBy(this::open).isInstanceOf(KeyStoreFileException.class);

        assertThatThrownBy(() -> EncryptedMeterKeyStore.open(file(), TestKeys.otherKek(), true, TestKeys::kek128))
                .isInstanceOfSatisfying(KeyStoreFileException.class, e -> assertThat(e.reason()).isEqualTo(Reason.UNDECRYPTABLE))
                .hasMessage("key store " + file() + " cannot be decrypted: wrong key-encryption key or the file was modified"
                        + " (tried the current and the previous key-encryption key)");
    }

    @Test
    void thePreviousKekIsNotAskedForWhenTheCurrentOneWorks() throws IOException {
        open().close();
        try (EncryptedMeterKeyStore store = EncryptedMeterKeyStore.open(file(), TestKeys.kek128(), true,
                () -> { throw new AssertionError("previous KEK asked for"); })) {
            assertThat(store.meters()).isEmpty();
        }
    }

    @Test
    void reencryptsUnderANewKek() throws IOException {
        try (EncryptedMeterKeyStore store = open()) {
            store.put(KAM, KAM_KEY);
            store.reencrypt(TestKeys.kek256());
            store.put(LSE, LSE_KEY); // written under the new KEK too
        }
        try (EncryptedMeterKeyStore store = EncryptedMeterKeyStore.open(file(), TestKeys.kek256())) {
            assertThat(store.meters()).containsExactly(KAM, LSE);
        }
    }

    @Test
    void onlyOneStoreObjectAtATimePerFile() throws IOException {
        try (EncryptedMeterKeyStore store = open()) {
            assertThatThrownBy(this::open)
                    .isInstanceOfSatisfying(KeyStoreFileException.class, e -> assertThat(e.reason()).isEqualTo(Reason.IN_USE))
                    .hasMessageContaining("is in use by another process or store object");
            store.put(KAM, KAM_KEY); // the first store still works
        }
        try (EncryptedMeterKeyStore store = open()) {
            assertThat(store.keyFor(KAM)).contains(KAM_KEY);
        }
    }

    @Test
    void aClosedStoreForgetsItsKeysAndRefusesWrites() throws IOException {
        EncryptedMeterKeyStore store = open();
        store.put(KAM, KAM_KEY);
        store.close();
        store.close(); // idempotent
        assertThat(store.keyFor(KAM)).isEmpty();
        assertThatThrownBy(() -> store.put(LSE, LSE_KEY)).isInstanceOf(IOException.class).hasMessage("key store " + file() + " is closed");
    }

    @Test
    void filesAreOwnerOnly() throws IOException {
        assumeThat(posix(dir)).as("POSIX file permissions").isTrue();
        try (EncryptedMeterKeyStore store = open()) {
            store.put(KAM, KAM_KEY);
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file()))).isEqualTo("rw-------");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file().resolveSibling("meter-keys.store.lock"))))
                    .isEqualTo("rw-------");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file().getParent()))).isEqualTo("rwx------");
        }
        Files.setPosixFilePermissions(file(), PosixFilePermissions.fromString("rw-r--r--"));
        try (EncryptedMeterKeyStore store = open()) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file()))).isEqualTo("rw-------");
        }
    }

    @Test
    void aCrashBeforeTheRenameLeavesTheOldStoreAndChangesNothing() throws IOException {
        open().close();
        class CrashBeforeRename extends AtomicFile {
            boolean crash;

            CrashBeforeRename(Path target) {
                super(target);
            }

            @Override
            void replace(Path temporary, Path target) throws IOException {
                if (crash) {
                    assertThat(temporary).exists(); // written and fsynced, not yet renamed
                    throw new IOException("simulated power loss");
                }
                super.replace(temporary, target);
            }
        }
        CrashBeforeRename[] files = new CrashBeforeRename[1];
        try (EncryptedMeterKeyStore store = EncryptedMeterKeyStore.open(file(), TestKeys.kek128(), true, null,
                p -> files[0] = new CrashBeforeRename(p))) {
            store.put(KAM, KAM_KEY);
            byte[] before = Files.readAllBytes(file());
            files[0].crash = true;
            assertThatThrownBy(() -> store.put(LSE, LSE_KEY)).isInstanceOf(IOException.class).hasMessage("simulated power loss");
            assertThat(store.keyFor(LSE)).isEmpty(); // not published: it is not on disk
            assertThat(store.meters()).containsExactly(KAM);
            assertThat(Files.readAllBytes(file())).isEqualTo(before);
            try (var listing = Files.list(file().getParent())) {
                assertThat(listing.map(p -> p.getFileName().toString()))
                        .containsExactlyInAnyOrder("meter-keys.store", "meter-keys.store.lock");
            }
        }
    }

    @Test
    void temporaryFilesLeftByACrashAreRemovedAndIgnored() throws IOException {
        try (EncryptedMeterKeyStore store = open()) {
            store.put(KAM, KAM_KEY);
        }
        Path keys = file().getParent();
        Path leftover = keys.resolve("meter-keys.store.0123456789abcdef.tmp");
        Files.write(leftover, new byte[] {'M', 'G', 'K'}); // half-written by a process that died
        Path unrelated = keys.resolve("meter-keys.store.backup.tmp");
        Files.writeString(unrelated, "an operator's file");

        try (EncryptedMeterKeyStore store = open()) {
            assertThat(store.keyFor(KAM)).contains(KAM_KEY);
        }
        assertThat(leftover).doesNotExist();
        assertThat(unrelated).exists();
    }

    @Test
    void showsCountsNotKeys() throws IOException {
        try (EncryptedMeterKeyStore store = open()) {
            store.put(KAM, KAM_KEY);
            store.putDefault(DEFAULT_KEY);
            assertThat(store).hasToString("EncryptedMeterKeyStore[" + file() + ", 1 meter key, a default key]");
            assertThat(store.snapshot()).hasToString("MeterKeys[1 meter key, a default key]");
        }
    }
}
