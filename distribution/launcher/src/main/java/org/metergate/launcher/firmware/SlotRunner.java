package org.metergate.launcher.firmware;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs {@code metergate run} of a slot's distribution in this JVM: its {@code lib/} jars in a class
 * loader whose parent is the platform class loader (so nothing of the boot loader's class path shows
 * through), its entry point {@link SlotEntry}, with the system properties of the run set for its
 * duration and put back after.
 */
final class SlotRunner {

    /** A slot that cannot even be started: no lib/, no launcher in it. */
    static final class SlotException extends Exception {
        private static final long serialVersionUID = 1L;

        SlotException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private SlotRunner() {
    }

    static int run(String slotName, Path slot, boolean trial, String[] args) throws SlotException {
        List<URL> jars = new ArrayList<>();
        try (var files = Files.list(slot.resolve("lib"))) {
            for (Path f : files.sorted().toList()) {
                if (f.getFileName().toString().endsWith(".jar")) {
                    jars.add(f.toUri().toURL());
                }
            }
        } catch (IOException e) {
            throw new SlotException("no lib/ in " + slot, e);
        }
        Map<String, String> saved = new HashMap<>();
        set(saved, "metergate.home", slot.toString());
        set(saved, SlotBoot.SLOT_PROPERTY, slotName);
        set(saved, SlotBoot.TRIAL_PROPERTY, Boolean.toString(trial));
        // the slot's own logging configuration, unless the operator named one in METERGATE_JAVA_OPTS
        String logback = System.getProperty("logback.configurationFile");
        if (logback == null || logback.endsWith("/conf/logback.xml")) {
            set(saved, "logback.configurationFile", slot.resolve("conf/logback.xml").toString());
        }
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        try (URLClassLoader loader = new URLClassLoader("metergate-slot-" + slotName, jars.toArray(URL[]::new),
                ClassLoader.getPlatformClassLoader())) {
            Method entry;
            try {
                entry = loader.loadClass(SlotEntry.class.getName()).getMethod("run", String[].class);
            } catch (ReflectiveOperationException | LinkageError e) {
                throw new SlotException("its lib/ has no Metergate launcher (" + e + ")", e);
            }
            Thread.currentThread().setContextClassLoader(loader);
            Object code = entry.invoke(null, (Object) args);
            return (Integer) code;
        } catch (InvocationTargetException e) {
            throw new SlotException("its launcher failed: " + e.getCause(), e.getCause());
        } catch (IllegalAccessException | IOException e) {
            throw new SlotException(e.toString(), e);
        } finally {
            Thread.currentThread().setContextClassLoader(context);
            saved.forEach((k, v) -> {
                if (v == null) {
                    System.clearProperty(k);
                } else {
                    System.setProperty(k, v);
                }
            });
        }
    }

    private static void set(Map<String, String> saved, String key, String value) {
        saved.put(key, System.getProperty(key));
        System.setProperty(key, value);
    }

    /** Whether the JVM is shutting down (a signal): shutdown hooks can no longer be added then. */
    static boolean shutdownInProgress() {
        Thread probe = new Thread(() -> { });
        try {
            Runtime.getRuntime().addShutdownHook(probe);
            Runtime.getRuntime().removeShutdownHook(probe);
            return false;
        } catch (IllegalStateException e) {
            return true;
        }
    }
}
