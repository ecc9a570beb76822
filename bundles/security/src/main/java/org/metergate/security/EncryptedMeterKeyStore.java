package org.metergate.security;

import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedSet;
import java.util.function.Function;
import org.metergate.api.meter.MeterId;
import org.metergate.api.security.MeterKey;
import org.metergate.api.security.MeterKeyStore;
import org.metergate.security.KeyStoreFileException.Reason;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link MeterKeyStore} in one file, encrypted at rest with AES-GCM under a key-encryption key
 * (format in the package documentation). Plain Java: the DS component wraps it, tools can open a store
 * directly.
 *
 * <p>Lookups read an immutable {@link MeterKeys} snapshot through one volatile field: no lock, one
 * hash lookup. Changes are serialised, written durably (atomic replace, see {@link AtomicFile}) and
 * only then published, so a failed write changes nothing and readers never see a key that is not on
 * disk. While open, the store holds an exclusive lock on {@code <file>.lock}, so a second process
 * (or a second store object) cannot write the same file behind this one's back.
 *
 * <p>The store uses the key-encryption key it is given but does not own it: the caller destroys it
 * after {@link #close()}.
 */
public final class EncryptedMeterKeyStore implements MeterKeyStore, Closeable {

    /** Supplies the previous key-encryption key during a rotation; only asked when the current one fails. */
    @FunctionalInterface
    public interface KekSupplier {
        KeyEncryptionKey get() throws IOException;
    }

    private static final Logger LOG = LoggerFactory.getLogger(EncryptedMeterKeyStore.class);

    private final Path file;
    private final AtomicFile atomicFile;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final SecureRandom random = new SecureRandom();
    private final Object writeLock = new Object();
    private KeyEncryptionKey kek; // guarded by writeLock
    private boolean closed; // guarded by writeLock
    private volatile MeterKeys keys;

    private EncryptedMeterKeyStore(AtomicFile atomicFile, FileChannel lockChannel, FileLock lock, KeyEncryptionKey kek) {
        this.file = atomicFile.target();
        this.atomicFile = atomicFile;
        this.lockChannel = lockChannel;
        this.lock = lock;
        this.kek = kek;
        this.keys = MeterKeys.empty();
    }

    /** Opens the store in {@code file}, creating an empty one if there is none. */
    public static EncryptedMeterKeyStore open(Path file, KeyEncryptionKey kek) throws IOException {
        return open(file, kek, true, null);
    }

    /**
     * Opens the store in {@code file}.
     *
     * @param createIfMissing when there is no file: true creates an empty store, false fails with
     *        {@link Reason#NOT_FOUND}
     * @param previousKek null, or the key-encryption key before a rotation: asked only when {@code kek}
     *        cannot decrypt the file; if it can, the store is re-encrypted under {@code kek} at once and
     *        the previous key is destroyed
     * @throws KeyStoreFileException the file is locked, missing, not a key store, or cannot be
     *         decrypted; nothing is written then
     */
    public static EncryptedMeterKeyStore open(Path file, KeyEncryptionKey kek, boolean createIfMissing, KekSupplier previousKek)
            throws IOException {
        return open(file, kek, createIfMissing, previousKek, AtomicFile::new);
    }

    static EncryptedMeterKeyStore open(Path file, KeyEncryptionKey kek, boolean createIfMissing, KekSupplier previousKek,
            Function<Path, AtomicFile> files) throws IOException {
        Objects.requireNonNull(kek, "kek");
        AtomicFile atomicFile = files.apply(file);
        Path target = atomicFile.target();
        atomicFile.createDirectory();
        Path lockFile = target.resolveSibling(target.getFileName() + ".lock");
        FileChannel lockChannel = FileChannel.open(lockFile,
                EnumSet.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE), atomicFile.ownerOnly());
        EncryptedMeterKeyStore store = null;
        try {
            FileLock lock;
            try {
                lock = lockChannel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                throw new KeyStoreFileException(Reason.IN_USE, target, "key store " + target
                        + " is in use by another process or store object (it holds " + lockFile + ")");
            }
            store = new EncryptedMeterKeyStore(atomicFile, lockChannel, lock, kek);
            store.load(createIfMissing, previousKek);
            return store;
        } catch (IOException | RuntimeException | Error e) {
            try {
                if (store != null) {
                    store.close();
                } else {
                    lockChannel.close(); // releases the lock too
                }
            } catch (IOException closing) {
                e.addSuppressed(closing);
            }
            throw e;
        }
    }

    private void load(boolean createIfMissing, KekSupplier previousKek) throws IOException {
        for (Path leftover : atomicFile.removeLeftovers()) {
            LOG.warn("key store {}: removed {}, left by an interrupted write (the store itself is intact)", file, leftover);
        }
        if (!Files.exists(file)) {
            if (!createIfMissing) {
                throw new KeyStoreFileException(Reason.NOT_FOUND, file, "key store " + file + " does not exist");
            }
            synchronized (writeLock) {
                commit(MeterKeys.empty());
            }
            LOG.info("key store {}: created, empty, encrypted under the key-encryption key from {}", file, kek.source());
            return;
        }
        if (atomicFile.restrictPermissions()) {
            LOG.warn("key store {}: could be read by other users; permissions set to owner read/write only", file);
        }
        byte[] content = read();
        MeterKeys loaded;
        try {
            loaded = KeyStoreFile.open(content, kek, file);
            if (previousKek != null) {
                LOG.info("key store {}: decrypts with the current key-encryption key; the previous one is not needed "
                        + "and can be removed from the configuration", file);
            }
        } catch (KeyStoreFileException e) {
            if (e.reason() != Reason.UNDECRYPTABLE || previousKek == null) {
                throw e;
            }
            loaded = openWithPrevious(content, previousKek, e);
        }
        synchronized (writeLock) {
            keys = loaded;
        }
        LOG.info("key store {}: opened, {}", file, loaded.describe());
    }

    private MeterKeys openWithPrevious(byte[] content, KekSupplier previousKek, KeyStoreFileException current) throws IOException {
        KeyEncryptionKey previous;
        try {
            previous = previousKek.get();
        } catch (IOException | RuntimeException e) {
            e.addSuppressed(current);
            throw e;
        }
        try {
            MeterKeys loaded = KeyStoreFile.open(content, previous, file);
            synchronized (writeLock) {
                commit(loaded);
            }
            LOG.info("key store {}: decrypted with the previous key-encryption key ({}) and re-encrypted under the current one "
                    + "({}); remove the previous key from the configuration", file, previous.source(), kek.source());
            return loaded;
        } catch (KeyStoreFileException e) {
            if (e.reason() != Reason.UNDECRYPTABLE) {
                throw e;
            }
            KeyStoreFileException both = KeyStoreFileException.undecryptable(file,
                    " (tried the current and the previous key-encryption key)", current);
            both.addSuppressed(e);
            throw both;
        } finally {
            previous.destroy();
        }
    }

    private byte[] read() throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new KeyStoreFileException(Reason.NOT_A_KEY_STORE, file, file + " is not a Metergate key store: not a regular file");
        }
        long size = Files.size(file);
        if (size > KeyStoreFile.MAX_FILE_SIZE) {
            throw new KeyStoreFileException(Reason.NOT_A_KEY_STORE, file, file + " is not a Metergate key store: "
                    + size + " bytes is far more than a key store holds");
        }
        return Files.readAllBytes(file);
    }

    /** Writes {@code next} durably, then publishes it. Caller holds writeLock. */
    private void commit(MeterKeys next) throws IOException {
        if (closed) {
            throw new IOException("key store " + file + " is closed");
        }
        byte[] sealed = KeyStoreFile.seal(next, kek, random);
        atomicFile.write(sealed);
        keys = next;
    }

    /** The file the keys are kept in. */
    public Path file() {
        return file;
    }

    /** The current keys, an immutable snapshot. */
    public MeterKeys snapshot() {
        return keys;
    }

    @Override
    public Optional<MeterKey> keyFor(MeterId meter) {
        return keys.keyFor(meter);
    }

    @Override
    public void put(MeterId meter, MeterKey key) throws IOException {
        Objects.requireNonNull(meter, "meter");
        Objects.requireNonNull(key, "key");
        boolean replaced;
        synchronized (writeLock) {
            MeterKeys current = keys;
            replaced = current.ownKey(meter).isPresent();
            commit(current.with(meter, key));
        }
        LOG.info("key store {}: key for meter {} {}", file, meter, replaced ? "replaced" : "added");
    }

    @Override
    public boolean remove(MeterId meter) throws IOException {
        Objects.requireNonNull(meter, "meter");
        synchronized (writeLock) {
            MeterKeys current = keys;
            if (current.ownKey(meter).isEmpty()) {
                return false;
            }
            commit(current.without(meter));
        }
        LOG.info("key store {}: key for meter {} removed", file, meter);
        return true;
    }

    /** Sets the default key, used for meters without a key of their own; replaces an older one. */
    public void putDefault(MeterKey key) throws IOException {
        Objects.requireNonNull(key, "key");
        boolean replaced;
        synchronized (writeLock) {
            MeterKeys current = keys;
            replaced = current.defaultKey().isPresent();
            commit(current.withDefault(key));
        }
        LOG.info("key store {}: default key {}", file, replaced ? "replaced" : "added");
    }

    /** Removes the default key; false when there was none. */
    public boolean removeDefault() throws IOException {
        synchronized (writeLock) {
            MeterKeys current = keys;
            if (current.defaultKey().isEmpty()) {
                return false;
            }
            commit(current.withoutDefault());
        }
        LOG.info("key store {}: default key removed", file);
        return true;
    }

    /** True when there is a default key. */
    public boolean hasDefault() {
        return keys.defaultKey().isPresent();
    }

    @Override
    public SortedSet<MeterId> meters() {
        return keys.meters();
    }

    /**
     * Adds the keys of a key text (format in the package documentation) to the store, replacing the
     * keys of meters it names and the default key if it has one; other keys stay. All or nothing: a
     * bad line throws {@link MeterKeyTextException} and the store is unchanged.
     *
     * @return the number of keys in the text, the default key included
     */
    @Override
    public int importKeys(Reader text) throws IOException {
        MeterKeys imported = MeterKeyText.read(text);
        synchronized (writeLock) {
            commit(keys.mergedWith(imported));
        }
        LOG.info("key store {}: imported {}", file, imported.describe());
        return imported.keyCount();
    }

    /** Writes every key in the text format. The output holds the keys in clear: an operator's explicit act. */
    @Override
    public void exportKeys(Writer text) throws IOException {
        MeterKeys current = keys;
        MeterKeyText.write(current, text);
        LOG.info("key store {}: exported in clear text: {}", file, current.describe());
    }

    /**
     * Re-encrypts the store under a new key-encryption key (rotation by a tool); from then on the
     * store writes under {@code newKek}. The caller destroys the old key.
     */
    public void reencrypt(KeyEncryptionKey newKek) throws IOException {
        Objects.requireNonNull(newKek, "newKek");
        synchronized (writeLock) {
            if (closed) {
                throw new IOException("key store " + file + " is closed");
            }
            atomicFile.write(KeyStoreFile.seal(keys, newKek, random));
            kek = newKek;
        }
        LOG.info("key store {}: re-encrypted under the key-encryption key from {}", file, newKek.source());
    }

    /** Forgets the keys and releases the file lock; later writes fail, lookups find nothing. */
    @Override
    public void close() throws IOException {
        synchronized (writeLock) {
            if (closed) {
                return;
            }
            closed = true;
            keys = MeterKeys.empty();
        }
        try {
            lock.release();
        } finally {
            lockChannel.close();
        }
    }

    @Override
    public String toString() {
        return "EncryptedMeterKeyStore[" + file + ", " + keys.describe() + "]";
    }
}
