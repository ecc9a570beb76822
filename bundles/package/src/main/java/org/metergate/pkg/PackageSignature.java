package org.metergate.pkg;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;

/**
 * One signature over a manifest's bytes.
 *
 * @param algorithm how it was made
 * @param keyId the signer's key id (SHA-256 of its DER SubjectPublicKeyInfo, hex)
 * @param value the signature (DER for ECDSA, 64 bytes for Ed25519)
 */
public record PackageSignature(SignatureAlgorithm algorithm, String keyId, byte[] value) {

    /** Largest signature block accepted. */
    static final int MAX_BYTES = 64 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public PackageSignature {
        Objects.requireNonNull(algorithm, "algorithm");
        if (!Digests.isSha256Hex(keyId)) {
            throw new IllegalArgumentException("a key id is 64 lower-case hex digits");
        }
        value = value.clone();
    }

    @Override
    public byte[] value() {
        return value.clone();
    }

    /** Signs a manifest's bytes. */
    public static PackageSignature sign(SigningKey key, byte[] manifest) throws PackageException {
        return new PackageSignature(key.algorithm(), key.keyId(), key.sign(manifest));
    }

    /** True when this signature is by {@code anchor} and verifies over {@code manifest}. */
    boolean verifies(TrustAnchor anchor, byte[] manifest) {
        return anchor.keyId().equals(keyId) && anchor.algorithm() == algorithm
                && Crypto.verify(algorithm, anchor.publicKey(), manifest, value);
    }

    static byte[] toJson(List<PackageSignature> signatures) {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode list = root.putArray("signatures");
        for (PackageSignature s : signatures) {
            ObjectNode n = list.addObject();
            n.put("algorithm", s.algorithm.jsonName());
            n.put("key", s.keyId);
            n.put("value", Base64.getEncoder().encodeToString(s.value));
        }
        try {
            return JSON.writeValueAsBytes(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("writing a JSON tree to bytes cannot fail", e);
        }
    }

    static List<PackageSignature> parse(byte[] json) throws PackageException {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (IOException e) {
            throw malformed("signature.json is not JSON");
        }
        JsonNode list = root == null ? null : root.get("signatures");
        if (list == null || !list.isArray()) {
            throw malformed("signature.json must be an object with a signatures array");
        }
        List<PackageSignature> out = new ArrayList<>();
        int i = 0;
        for (JsonNode n : list) {
            JsonNode alg = n.get("algorithm");
            JsonNode key = n.get("key");
            JsonNode value = n.get("value");
            if (alg == null || !alg.isTextual() || key == null || !key.isTextual() || value == null || !value.isTextual()) {
                throw malformed("signature.json: signatures[" + i + "] needs algorithm, key and value as text");
            }
            try {
                out.add(new PackageSignature(SignatureAlgorithm.ofJson(alg.textValue()), key.textValue(),
                        Base64.getDecoder().decode(value.textValue())));
            } catch (IllegalArgumentException e) {
                throw malformed("signature.json: signatures[" + i + "]: " + e.getMessage());
            }
            i++;
        }
        return out;
    }

    private static PackageException malformed(String message) {
        return new PackageException(PackageException.Reason.MALFORMED, message);
    }

    @Override
    public String toString() {
        return algorithm.jsonName() + " signature by key " + keyId;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PackageSignature s && s.algorithm == algorithm && s.keyId.equals(keyId)
                && java.util.Arrays.equals(s.value, value);
    }

    @Override
    public int hashCode() {
        return Objects.hash(algorithm, keyId, java.util.Arrays.hashCode(value));
    }
}
