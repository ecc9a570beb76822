package org.metergate.features;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.osgi.service.feature.Feature;
import org.osgi.service.feature.FeatureBundle;
import org.osgi.service.feature.FeatureConfiguration;
import org.osgi.service.feature.FeatureService;
import org.osgi.service.feature.ID;

/**
 * Reads OSGi R8 Feature JSON documents (Feature Service specification, chapter 159) with the Apache
 * Felix implementation of that specification, and gives back what a gateway does with them: bundles
 * by Maven coordinates and configurations by PID.
 */
public final class FeatureReader {

    private final FeatureService service;

    public FeatureReader() {
        this.service = ServiceLoader.load(FeatureService.class, FeatureReader.class.getClassLoader())
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no OSGi FeatureService implementation on the class path"));
    }

    /** Reads a feature file. */
    public GatewayFeature read(Path file) throws FeatureException {
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(r, file.toString());
        } catch (NoSuchFileException e) {
            throw new FeatureException("no feature file " + file);
        } catch (IOException e) {
            throw new FeatureException("cannot read feature " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Reads the feature called {@code nameOrPath} from a features directory: a plain name such as
     * {@code demo} means {@code <dir>/demo.json}; anything ending in {@code .json} is a file path.
     */
    public GatewayFeature readNamed(Path featuresDir, String nameOrPath) throws FeatureException {
        if (nameOrPath.endsWith(".json")) {
            return read(Path.of(nameOrPath));
        }
        if (!nameOrPath.matches("[A-Za-z0-9][A-Za-z0-9._-]*")) {
            throw new FeatureException("not a feature name: " + nameOrPath);
        }
        return read(featuresDir.resolve(nameOrPath + ".json"));
    }

    /** Reads a feature document from a reader; {@code source} names it in errors. */
    public GatewayFeature read(Reader reader, String source) throws FeatureException {
        Feature feature;
        try {
            feature = service.readFeature(reader);
        } catch (IOException | RuntimeException e) {
            throw new FeatureException("invalid feature " + source + ": " + e.getMessage(), e);
        }
        List<FeatureBundleRef> bundles = new ArrayList<>();
        for (FeatureBundle b : feature.getBundles()) {
            ID id = b.getID();
            String type = id.getType().orElse("jar");
            if (!type.equals("jar")) {
                throw new FeatureException("feature " + source + ": bundle " + id + " has type " + type + ", only jar bundles can be installed");
            }
            bundles.add(new FeatureBundleRef(id.getGroupId(), id.getArtifactId(), id.getVersion(), id.getClassifier().orElse("")));
        }
        Map<String, Map<String, Object>> configurations = new LinkedHashMap<>();
        for (Map.Entry<String, FeatureConfiguration> c : feature.getConfigurations().entrySet()) {
            configurations.put(c.getKey(), c.getValue().getValues());
        }
        return new GatewayFeature(feature.getID().toString(), feature.getName().orElse(""),
                feature.getDescription().orElse(""), bundles, configurations);
    }
}
