package org.metergate.security.component;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import org.metergate.api.meter.MeterId;
import org.metergate.api.security.MeterKey;
import org.metergate.api.security.MeterKeyStore;
import org.metergate.security.EncryptedMeterKeyStore;
import org.metergate.security.KeyEncryptionKey;
import org.metergate.security.KeyEncryptionKeyException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gateway's {@link MeterKeyStore}: an {@link EncryptedMeterKeyStore} in the file the configuration
 * (PID {@value #PID}, optional) names, under the key-encryption key from a file or the environment.
 * Immediate, so a missing KEK or an undecryptable store shows at start: the component then logs why
 * and does not register the service, rather than run with no keys or with garbage.
 */
@Component(service = MeterKeyStore.class, configurationPid = MeterKeyStoreComponent.PID, immediate = true)
@Designate(ocd = KeyStoreConfig.class)
public final class MeterKeyStoreComponent implements MeterKeyStore {

    public static final String PID = "org.metergate.security.keystore";
    /** The system property in which the launcher publishes the gateway's data directory. */
    public static final String DATA_PROPERTY = "metergate.data";
    /** The system property in which the launcher publishes the gateway's distribution directory. */
    public static final String HOME_PROPERTY = "metergate.home";
    public static final String DEFAULT_STORE_FILE = "keys/meter-keys.store";
    public static final String DEFAULT_KEK_ENV = "METERGATE_KEK";

    private static final Logger LOG = LoggerFactory.getLogger(MeterKeyStoreComponent.class);

    private final EncryptedMeterKeyStore store;
    private final KeyEncryptionKey kek;

    @Activate
    public MeterKeyStoreComponent(KeyStoreConfig config) throws IOException {
        this(config, System.getenv(), System.getProperty(DATA_PROPERTY), System.getProperty(HOME_PROPERTY));
    }

    /** With the environment and data directory given, for tests. */
    MeterKeyStoreComponent(KeyStoreConfig config, Map<String, String> environment, String dataDirectory) throws IOException {
        this(config, environment, dataDirectory, null);
    }

    /** With the environment, data and distribution directories given, for tests. */
    MeterKeyStoreComponent(KeyStoreConfig config, Map<String, String> environment, String dataDirectory, String homeDirectory)
            throws IOException {
        KeyEncryptionKey current = null;
        EncryptedMeterKeyStore opened = null;
        try {
            Path file = storeFile(config.store_file(), dataDirectory);
            current = currentKek(config, environment, homeDirectory);
            EncryptedMeterKeyStore.KekSupplier previous = previousKek(config, environment, homeDirectory);
            opened = EncryptedMeterKeyStore.open(file, current, config.create_if_missing(), previous);
            String importFile = config.import_file() == null ? "" : config.import_file().trim();
            if (!importFile.isEmpty()) {
                Path keys = homeRelative(importFile, homeDirectory, "import.file");
                try (Reader r = java.nio.file.Files.newBufferedReader(keys, java.nio.charset.StandardCharsets.UTF_8)) {
                    int n = opened.importKeys(r);
                    LOG.info("meter key store: imported {} keys from {}", n, keys);
                }
            }
            this.store = opened;
            this.kek = current;
        } catch (IOException | RuntimeException e) {
            if (opened != null) {
                opened.close();
            }
            if (current != null) {
                current.destroy();
            }
            LOG.error("meter key store not started: {}", e.getMessage());
            throw e;
        }
    }

    static Path storeFile(String configured, String dataDirectory) {
        String value = configured == null ? "" : configured.trim();
        if (value.isEmpty()) {
            throw new IllegalArgumentException("meter key store: store.file is empty (PID " + PID + ")");
        }
        try {
            Path path = Path.of(value);
            if (path.isAbsolute()) {
                return path.normalize();
            }
            if (dataDirectory == null || dataDirectory.isBlank()) {
                throw new IllegalArgumentException("meter key store: store.file " + value + " is relative but the data directory "
                        + "is unknown (system property " + DATA_PROPERTY + " is not set); configure an absolute path (PID " + PID + ")");
            }
            return Path.of(dataDirectory).resolve(path).toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException("meter key store: store.file is not a valid path: " + e.getMessage(), e);
        }
    }

    /** An absolute path as it is; a relative one below the gateway's distribution directory. */
    static Path homeRelative(String value, String homeDirectory, String property) {
        Path path;
        try {
            path = Path.of(value);
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException("meter key store: " + property + " is not a valid path: " + e.getMessage(), e);
        }
        if (path.isAbsolute()) {
            return path.normalize();
        }
        if (homeDirectory == null || homeDirectory.isBlank()) {
            throw new IllegalArgumentException("meter key store: " + property + " " + value + " is relative but the gateway's "
                    + "distribution directory is unknown (system property " + HOME_PROPERTY + " is not set); configure an "
                    + "absolute path (PID " + PID + ")");
        }
        return Path.of(homeDirectory).resolve(path).toAbsolutePath().normalize();
    }

    private static KeyEncryptionKey currentKek(KeyStoreConfig config, Map<String, String> environment, String home)
            throws KeyEncryptionKeyException {
        KeyEncryptionKey kek = kek(config.kek_file(), config.kek_env(), environment, "kek", home);
        if (kek == null) {
            String env = config.kek_env().trim();
            throw new KeyEncryptionKeyException("meter key store: no key-encryption key: "
                    + (env.isEmpty() ? "" : "the environment variable " + env + " is not set and ")
                    + "kek.file is not configured (PID " + PID + "); meter keys are never stored in clear");
        }
        return kek;
    }

    private static EncryptedMeterKeyStore.KekSupplier previousKek(KeyStoreConfig config, Map<String, String> environment,
                                                                  String home) {
        if (config.kek_previous_file().isBlank() && config.kek_previous_env().isBlank()) {
            return null;
        }
        return () -> {
            KeyEncryptionKey kek = kek(config.kek_previous_file(), config.kek_previous_env(), environment, "kek.previous", home);
            if (kek == null) {
                throw new KeyEncryptionKeyException("meter key store: the previous key-encryption key is configured as the "
                        + "environment variable " + config.kek_previous_env().trim() + ", which is not set");
            }
            return kek;
        };
    }

    /** The KEK from {@code <prefix>.file}, else from the variable {@code <prefix>.env} if set, else null. */
    private static KeyEncryptionKey kek(String fileName, String envName, Map<String, String> environment, String prefix,
                                        String home) throws KeyEncryptionKeyException {
        String file = fileName == null ? "" : fileName.trim();
        String env = envName == null ? "" : envName.trim();
        if (!file.isEmpty()) {
            Path path;
            try {
                path = homeRelative(file, home, prefix + ".file");
            } catch (IllegalArgumentException e) {
                throw new KeyEncryptionKeyException(e.getMessage());
            }
            String value = env.isEmpty() ? null : environment.get(env);
            if (value != null && !value.isBlank()) {
                LOG.warn("meter key store: {}.file is configured, so the environment variable {} is ignored", prefix, env);
            }
            return KeyEncryptionKey.fromFile(path);
        }
        if (env.isEmpty()) {
            return null;
        }
        String value = environment.get(env);
        if (value == null || value.isBlank()) {
            return null;
        }
        return KeyEncryptionKey.fromEnvironment(env, environment);
    }

    @Deactivate
    void deactivate() throws IOException {
        try {
            store.close();
        } finally {
            kek.destroy();
        }
    }

    @Override
    public Optional<MeterKey> keyFor(MeterId meter) {
        return store.keyFor(meter);
    }

    @Override
    public void put(MeterId meter, MeterKey key) throws IOException {
        store.put(meter, key);
    }

    @Override
    public boolean remove(MeterId meter) throws IOException {
        return store.remove(meter);
    }

    @Override
    public void putDefault(MeterKey key) throws IOException {
        store.putDefault(key);
    }

    @Override
    public boolean removeDefault() throws IOException {
        return store.removeDefault();
    }

    @Override
    public boolean hasDefault() {
        return store.hasDefault();
    }

    @Override
    public SortedSet<MeterId> meters() {
        return store.meters();
    }

    @Override
    public int importKeys(Reader text) throws IOException {
        return store.importKeys(text);
    }

    @Override
    public void exportKeys(Writer text) throws IOException {
        store.exportKeys(text);
    }

    @Override
    public String toString() {
        return "MeterKeyStoreComponent[" + store + "]";
    }
}
