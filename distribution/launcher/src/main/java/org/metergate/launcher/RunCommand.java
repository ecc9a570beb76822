package org.metergate.launcher;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import org.metergate.features.FeatureAssembly;
import org.metergate.features.FeatureException;
import org.metergate.features.FeatureReader;
import org.metergate.features.GatewayFeature;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code metergate run}: starts a gateway with the runtime, optionally the shell, and a feature. */
@Command(name = "run",
        mixinStandardHelpOptions = true,
        description = {
            "Start the gateway: Apache Felix with the runtime feature (Declarative Services, ConfigAdmin,",
            "Configurator, logging) and the chosen feature's bundles and configurations. Prints a line for",
            "each interface service (M, C, H1..H3, L, N, G1, G2) that comes up or goes down. Stops cleanly on",
            "Ctrl-C / SIGTERM, or with 'stop 0' in the shell."})
final class RunCommand implements Callable<Integer> {

    static final String RUNTIME_FEATURE = "runtime";
    static final String SHELL_FEATURE = "shell";
    private static final AtomicBoolean STOPPED_BY_SIGNAL = new AtomicBoolean();

    @Option(names = "--feature", paramLabel = "NAME", defaultValue = "demo",
            description = "Feature to run: a name in the distribution's features/ directory or a path to a .json file (default: ${DEFAULT-VALUE})")
    String feature;

    @Option(names = "--shell", description = "Also start the Apache Felix Gogo shell on this console")
    boolean shell;

    @Option(names = "--home", paramLabel = "DIR", description = "The gateway distribution (default: the one bin/metergate belongs to)")
    Path home;

    @Option(names = "--data", paramLabel = "DIR", description = "Writable data directory (default: <home>/data)")
    Path data;

    @Option(names = "--set", paramLabel = "PID:KEY=VALUE",
            description = "Set one configuration property over the features' own, e.g. org.metergate.driver.replay~demo:speed=10 "
                    + "(true/false and numbers are typed; anything else is a string). Repeatable.")
    List<String> overrides = new ArrayList<>();

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec; // firmware A/B: the arguments, for a slot's launcher

    /** Applies one {@code PID:KEY=VALUE}. */
    static FeatureAssembly override(FeatureAssembly assembly, String text) {
        int colon = text.indexOf(':');
        int eq = text.indexOf('=', colon + 1);
        if (colon <= 0 || eq <= colon + 1) {
            throw new IllegalArgumentException("--set expects PID:KEY=VALUE, got " + text);
        }
        String raw = text.substring(eq + 1);
        Object value;
        if (raw.equals("true") || raw.equals("false")) {
            value = Boolean.valueOf(raw);
        } else if (raw.matches("-?\\d{1,18}")) {
            value = Long.valueOf(raw);
        } else if (raw.matches("-?\\d+\\.\\d+")) {
            value = Double.valueOf(raw);
        } else {
            value = raw;
        }
        return assembly.withProperty(text.substring(0, colon), text.substring(colon + 1, eq), value);
    }

    static boolean stoppedBySignal() {
        return STOPPED_BY_SIGNAL.get();
    }

    @Override
    public Integer call() throws Exception {
        PrintStream out = System.out;
        PrintStream err = System.err;
        // >>> firmware A/B (org.metergate.launcher.firmware): boot the slot the boot counter selects; a slot runs
        //     in this JVM from its own lib/. Nothing happens without a firmware update ever made.
        java.util.OptionalInt fromSlot = org.metergate.launcher.firmware.SlotBoot.boot(home, data,
                spec == null ? List.of() : spec.commandLine().getParseResult().originalArgs(), out, err);
        if (fromSlot.isPresent()) {
            STOPPED_BY_SIGNAL.set(org.metergate.launcher.firmware.SlotBoot.stoppedBySignal());
            return fromSlot.getAsInt();
        }
        // <<< firmware A/B
        GatewayHome gatewayHome;
        FeatureAssembly assembly;
        List<Path> files;
        try {
            gatewayHome = GatewayHome.locate(home, data);
            FeatureReader reader = new FeatureReader();
            List<GatewayFeature> features = new ArrayList<>();
            features.add(reader.readNamed(gatewayHome.features(), RUNTIME_FEATURE));
            if (shell) {
                features.add(reader.readNamed(gatewayHome.features(), SHELL_FEATURE));
            }
            features.add(reader.readNamed(gatewayHome.features(), feature));
            assembly = FeatureAssembly.of(features);
            for (String o : overrides) {
                assembly = override(assembly, o);
            }
            files = assembly.bundleFiles(gatewayHome.bundles());
        } catch (FeatureException | IllegalArgumentException e) {
            err.println("metergate: " + e.getMessage());
            return 2;
        }
        System.setProperty(GatewayHome.HOME_PROPERTY, gatewayHome.home().toString());
        System.setProperty(GatewayHome.DATA_PROPERTY, gatewayHome.data().toString());
        if (System.getProperty("logback.configurationFile") == null) { // METERGATE_JAVA_OPTS may name another
            System.setProperty("logback.configurationFile", gatewayHome.conf().resolve("logback.xml").toString());
        }

        GatewayFeature main = assembly.features().get(assembly.features().size() - 1);
        out.println("metergate " + Metergate.version() + ": starting feature " + main.id() + " (" + files.size() + " bundles)");
        // >>> head-end over MQTT (G): a head-end link without a broker gets the embedded demo broker
        //     (org.metergate.launcher.hes.EmbeddedBroker), started before the framework; it lives as long as
        //     the JVM, so it stops after the framework.
        assembly = org.metergate.launcher.hes.EmbeddedBroker.startIfUnconfigured(assembly, out);
        // <<< head-end over MQTT (G)
        GatewayRuntime gateway = GatewayRuntime.start(gatewayHome, assembly, files, out, err);

        Thread hook = new Thread(() -> {
            STOPPED_BY_SIGNAL.set(true);
            out.println("metergate: stopping");
            try {
                boolean clean = gateway.stop(30_000);
                out.println(clean ? "metergate: stopped" : "metergate: bundles did not stop within 30 s");
            } catch (Exception e) {
                err.println("metergate: error while stopping: " + e);
            }
            out.flush();
        }, "metergate-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);

        out.println("metergate up in " + GatewayRuntime.uptimeMillis() + " ms: " + gateway.bundleCount() + " bundles, "
                + gateway.failures().size() + " failed to start, interfaces up: " + gateway.announcer().interfacesUp());
        // firmware A/B: a slot booted on trial is marked good once healthy, or given up
        org.metergate.launcher.firmware.TrialWatch.start(gateway.bundleContext(), gateway.failures(), gatewayHome.data(), out, err);
        gateway.awaitStop();
        if (!STOPPED_BY_SIGNAL.get()) {
            Runtime.getRuntime().removeShutdownHook(hook);
            out.println("metergate: stopped");
            // >>> firmware A/B: a new firmware was written and the gateway stopped for it: start again (the boot
            //     loader picks the slot; inside a slot, the boot loader is the caller)
            if (org.metergate.launcher.firmware.SlotBoot.restartRequested(home, data)) {
                return org.metergate.launcher.firmware.SlotBoot.inSlot() ? org.metergate.launcher.firmware.SlotBoot.RESTART : call();
            }
            // <<< firmware A/B
        }
        return 0;
    }
}
