package org.metergate.itests;

import static org.ops4j.pax.exam.CoreOptions.bundle;
import static org.ops4j.pax.exam.CoreOptions.cleanCaches;
import static org.ops4j.pax.exam.CoreOptions.frameworkProperty;
import static org.ops4j.pax.exam.CoreOptions.junitBundles;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.metergate.features.FeatureAssembly;
import org.metergate.features.FeatureException;
import org.metergate.features.FeatureReader;
import org.metergate.features.GatewayFeature;
import org.ops4j.pax.exam.Option;

/**
 * Pax Exam options for a gateway made of the distribution's runtime feature plus the named
 * features, read with the same reader and assembled by the same rules as {@code bin/metergate run}.
 */
final class GatewayOptions {

    /** System property inside the framework: install locations of the bundles of the features under test. */
    static final String FEATURE_BUNDLES = "metergate.itest.feature.bundles";

    private GatewayOptions() {
    }

    static Path home() {
        String home = System.getProperty("metergate.home");
        if (home == null) {
            throw new IllegalStateException("system property metergate.home is not set (run through Maven)");
        }
        return Path.of(home);
    }

    static FeatureAssembly assembly(String... features) throws FeatureException {
        FeatureReader reader = new FeatureReader();
        List<GatewayFeature> all = new ArrayList<>();
        all.add(reader.readNamed(home().resolve("features"), "runtime"));
        for (String f : features) {
            all.add(reader.readNamed(home().resolve("features"), f));
        }
        return FeatureAssembly.of(all);
    }

    static Option[] of(String... features) throws FeatureException, IOException {
        return of(assembly(features));
    }

    /** Options for an assembly, e.g. {@code assembly("demo").withProperty(...)}. */
    static Option[] of(FeatureAssembly assembly) throws FeatureException, IOException {
        Path data = Files.createTempDirectory("metergate-itest-");
        List<Option> options = new ArrayList<>();
        options.add(cleanCaches());
        options.add(junitBundles());
        options.add(systemProperty("metergate.home").value(home().toString()));
        options.add(systemProperty("metergate.data").value(data.toString()));
        options.add(frameworkProperty(FeatureAssembly.CONFIGURATOR_INITIAL).value(assembly.configuratorJson()));
        // what the tests inside the framework expect to find, as they cannot read features there:
        // the install locations of the bundles of the features beyond the runtime
        List<String> featureBundles = new ArrayList<>();
        for (int i = 1; i < assembly.features().size(); i++) {
            for (var b : assembly.features().get(i).bundles()) {
                featureBundles.add(b.fileIn(home().resolve("bundles")).toUri().toString());
            }
        }
        options.add(systemProperty(FEATURE_BUNDLES).value(String.join(",", featureBundles)));
        // Start level 1, before Pax Exam's own bundles (level 2): they log through SLF4J, and SLF4J must
        // find the gateway's Logback when it first initialises, as it does under bin/metergate.
        for (Path file : assembly.bundleFiles(home().resolve("bundles"))) {
            options.add(bundle(file.toUri().toString()).startLevel(1));
        }
        return options.toArray(Option[]::new);
    }
}
