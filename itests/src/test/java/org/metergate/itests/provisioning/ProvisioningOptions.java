package org.metergate.itests.provisioning;

import static org.ops4j.pax.exam.CoreOptions.bundle;
import static org.ops4j.pax.exam.CoreOptions.cleanCaches;
import static org.ops4j.pax.exam.CoreOptions.frameworkProperty;
import static org.ops4j.pax.exam.CoreOptions.junitBundles;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.metergate.features.FeatureAssembly;
import org.metergate.features.FeatureReader;
import org.metergate.features.GatewayFeature;
import org.ops4j.pax.exam.Option;

/**
 * Pax Exam options for a gateway of the distribution's features (the runtime and the named ones),
 * read and assembled as {@code bin/metergate run} does, with the gateway's home and a data directory.
 */
final class ProvisioningOptions {

    private ProvisioningOptions() {
    }

    static Path home() {
        String home = System.getProperty("metergate.home");
        if (home == null) {
            throw new IllegalStateException("system property metergate.home is not set (run through Maven)");
        }
        return Path.of(home);
    }

    static FeatureAssembly assembly(String... features) throws Exception {
        FeatureReader reader = new FeatureReader();
        List<GatewayFeature> all = new ArrayList<>();
        all.add(reader.readNamed(home().resolve("features"), "runtime"));
        for (String f : features) {
            all.add(reader.readNamed(home().resolve("features"), f));
        }
        return FeatureAssembly.of(all);
    }

    static Option[] of(FeatureAssembly assembly, Path data) throws Exception {
        List<Option> options = new ArrayList<>();
        options.add(cleanCaches());
        options.add(junitBundles());
        options.add(systemProperty("metergate.home").value(home().toString()));
        options.add(systemProperty("metergate.data").value(data.toString()));
        options.add(frameworkProperty(FeatureAssembly.CONFIGURATOR_INITIAL).value(assembly.configuratorJson()));
        // start level 1, before Pax Exam's own bundles, so SLF4J finds the gateway's Logback first (as in GatewayOptions)
        for (Path file : assembly.bundleFiles(home().resolve("bundles"))) {
            options.add(bundle(file.toUri().toString()).startLevel(1));
        }
        return options.toArray(Option[]::new);
    }
}
