package org.metergate.pkg;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * What a package needs to know of an OSGi R8 Feature JSON document: its id (split into the package id
 * {@code groupId:artifactId} and the version) and the bundles it names. Configurations are read by the
 * gateway's installer, not here.
 */
public record FeatureHeader(String featureId, String packageId, String version, List<BundleCoordinate> bundles) {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS) // the Feature format allows comments
            .build();

    public FeatureHeader {
        bundles = List.copyOf(bundles);
    }

    public static FeatureHeader parse(byte[] json, String source) throws PackageException {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (IOException e) {
            throw malformed(source, "is not JSON: " + e.getMessage());
        }
        if (root == null || !root.isObject()) {
            throw malformed(source, "is not a JSON object");
        }
        JsonNode id = root.get("id");
        if (id == null || !id.isTextual()) {
            throw malformed(source, "has no id");
        }
        String[] p = id.textValue().split(":", -1);
        // groupId:artifactId[:type[:classifier]]:version
        if (p.length < 3 || p.length > 5) {
            throw malformed(source, "has an id that is not groupId:artifactId[:type[:classifier]]:version: " + id.textValue());
        }
        if (id.textValue().contains("${")) {
            throw malformed(source, "still has a ${...} placeholder in its id: use the feature file the build filled in");
        }
        List<BundleCoordinate> bundles = new ArrayList<>();
        JsonNode list = root.get("bundles");
        if (list != null) {
            if (!list.isArray()) {
                throw malformed(source, "has bundles that are not an array");
            }
            for (JsonNode b : list) {
                JsonNode bid = b.isTextual() ? b : b.get("id");
                if (bid == null || !bid.isTextual()) {
                    throw malformed(source, "has a bundle without an id");
                }
                try {
                    bundles.add(BundleCoordinate.parse(bid.textValue()));
                } catch (PackageException e) {
                    throw malformed(source, e.getMessage());
                }
            }
        }
        return new FeatureHeader(id.textValue(), p[0] + ":" + p[1], p[p.length - 1], bundles);
    }

    private static PackageException malformed(String source, String what) {
        return new PackageException(PackageException.Reason.MALFORMED, "feature " + source + " " + what);
    }
}
