package org.metergate.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.metergate.api.journal.JournalCursor;
import org.metergate.api.journal.JournalException;
import org.metergate.api.reading.UplinkEntry;
import org.metergate.store.log.Durability;
import org.metergate.store.log.JournalOptions;
import org.metergate.store.testing.Samples;

/**
 * The component as Declarative Services drives it: constructed through its activate constructor with
 * a configuration annotation instance (a proxy that answers like SCR's: configured values, else the
 * annotation's defaults), then deactivated.
 */
class JournalComponentTest {

    @TempDir
    Path tmp;

    static JournalConfiguration config(Map<String, Object> values) {
        return (JournalConfiguration) Proxy.newProxyInstance(JournalConfiguration.class.getClassLoader(),
                new Class<?>[] {JournalConfiguration.class}, (proxy, method, args) -> {
                    if (method.getDeclaringClass() == Object.class) {
                        return switch (method.getName()) {
                            case "toString" -> "JournalConfiguration" + values;
                            case "hashCode" -> values.hashCode();
                            case "equals" -> proxy == args[0];
                            default -> throw new UnsupportedOperationException(method.getName());
                        };
                    }
                    if (method.getName().equals("annotationType")) {
                        return JournalConfiguration.class;
                    }
                    return values.containsKey(method.getName()) ? values.get(method.getName()) : method.getDefaultValue();
                });
    }

    @Test
    void defaultsPutTheJournalInTheDataDirectory() throws Exception {
        JournalOptions o = JournalComponent.options(config(Map.of()), tmp.toString());
        assertThat(o.directory()).isEqualTo(tmp.resolve("journal"));
        assertThat(o.durability()).isEqualTo(Durability.GROUP_COMMIT);
        assertThat(o.groupCommitMaxWait()).isEqualTo(Duration.ZERO);
        assertThat(o.segmentBytes()).isEqualTo(16 * JournalOptions.MIB);
        assertThat(o.retentionMaxBytes()).isEqualTo(512 * JournalOptions.MIB);
        assertThat(o.retentionMaxAge()).isEqualTo(Duration.ofDays(90));
    }

    @Test
    void everyPropertyReachesTheEngine() throws Exception {
        Map<String, Object> v = new HashMap<>();
        v.put("directory", tmp.resolve("elsewhere").toString());
        v.put("durability", Durability.FSYNC_EACH_APPEND);
        v.put("groupCommitMaxWaitMs", 2.5);
        v.put("groupCommitMaxKb", 64);
        v.put("segmentSizeMb", 4);
        v.put("retentionMaxSizeMb", 100);
        v.put("retentionMaxAgeHours", 0L);
        v.put("retentionCheckIntervalSeconds", 5);
        JournalOptions o = JournalComponent.options(config(v), null);
        assertThat(o.directory()).isEqualTo(tmp.resolve("elsewhere"));
        assertThat(o.durability()).isEqualTo(Durability.FSYNC_EACH_APPEND);
        assertThat(o.groupCommitMaxWait()).isEqualTo(Duration.ofMillis(2).plusNanos(500_000));
        assertThat(o.groupCommitMaxBytes()).isEqualTo(64 * 1024);
        assertThat(o.segmentBytes()).isEqualTo(4 * JournalOptions.MIB);
        assertThat(o.retentionMaxBytes()).isEqualTo(100 * JournalOptions.MIB);
        assertThat(o.retentionMaxAge()).isNull();
        assertThat(o.segmentMaxAge()).isNull();
        assertThat(o.retentionCheckInterval()).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void badConfigurationIsAJournalExceptionThatNamesThePid() {
        assertThatThrownBy(() -> JournalComponent.options(config(Map.of()), null)).isInstanceOf(JournalException.class)
                .hasMessageContaining("metergate.data").hasMessageContaining(JournalComponent.PID);
        assertThatThrownBy(() -> JournalComponent.options(config(Map.of("segmentSizeMb", 100, "retentionMaxSizeMb", 150)), tmp.toString()))
                .isInstanceOf(JournalException.class).hasMessageContaining(JournalComponent.PID).hasMessageContaining("retentionMaxBytes");
        assertThatThrownBy(() -> JournalComponent.options(config(Map.of("groupCommitMaxWaitMs", -1.0)), tmp.toString()))
                .isInstanceOf(JournalException.class).hasMessageContaining("groupCommitMaxWaitMs");
        assertThatThrownBy(() -> JournalComponent.options(config(Map.of("segmentSizeMb", 0)), tmp.toString()))
                .isInstanceOf(JournalException.class).hasMessageContaining("segmentSizeMb");
    }

    @Test
    void activateServeDeactivateAndActivateAgain() throws Exception {
        String before = System.getProperty(JournalComponent.DATA_PROPERTY);
        System.setProperty(JournalComponent.DATA_PROPERTY, tmp.toString());
        try {
            JournalComponent c = new JournalComponent(config(Map.of("durability", Durability.GROUP_COMMIT)));
            List<UplinkEntry> e = c.append(Samples.telegram(1));
            JournalCursor cursor = c.cursor("head-end");
            assertThat(cursor.read(10, Duration.ZERO)).isEqualTo(e);
            cursor.acknowledge(e.get(2).sequence());
            assertThat(c.status().nextSequence()).isEqualTo(5);
            assertThat(Files.isDirectory(tmp.resolve("journal"))).isTrue();
            c.deactivate();
            assertThatThrownBy(() -> c.append(Samples.telegram(2))).isInstanceOf(JournalException.class);

            JournalComponent again = new JournalComponent(config(Map.of()));
            assertThat(again.cursor("head-end").read(10, Duration.ZERO)).isEqualTo(e.subList(3, 5));
            assertThat(again.engine().recovery().nextSequence()).isEqualTo(5);
            again.deactivate();
        } finally {
            if (before == null) {
                System.clearProperty(JournalComponent.DATA_PROPERTY);
            } else {
                System.setProperty(JournalComponent.DATA_PROPERTY, before);
            }
        }
    }
}
