package org.metergate.headend.security.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.metergate.headend.security.MarketRole;
import org.metergate.headend.security.crypto.EcKeys;
import org.metergate.headend.security.crypto.Pem;

/**
 * The operator keys the gateway trusts to sign requests, each with the market role it acts in:
 * entries {@code ROLE:FILE}, FILE a PEM public key or certificate (relative paths are resolved against
 * the gateway's home directory). Keys are found by their key id.
 */
final class TrustAnchors {

    record Anchor(String keyId, PublicKey key, MarketRole role, String source) {
    }

    private final Map<String, Anchor> byId;

    private TrustAnchors(Map<String, Anchor> byId) {
        this.byId = byId;
    }

    static TrustAnchors load(List<String> entries, Path base) throws IOException {
        Map<String, Anchor> map = new LinkedHashMap<>();
        for (String entry : entries) {
            String t = entry.strip();
            if (t.isEmpty() || t.startsWith("#")) {
                continue;
            }
            int colon = t.indexOf(':');
            if (colon <= 0 || colon == t.length() - 1) {
                throw new IllegalArgumentException("operator key entry must be ROLE:FILE: " + t);
            }
            MarketRole role = MarketRole.parse(t.substring(0, colon));
            Path file = Path.of(t.substring(colon + 1).strip());
            if (!file.isAbsolute() && base != null) {
                file = base.resolve(file);
            }
            PublicKey key = Pem.publicKey(file);
            String id = EcKeys.keyId(key);
            Anchor earlier = map.putIfAbsent(id, new Anchor(id, key, role, file.toString()));
            if (earlier != null && earlier.role() != role) {
                throw new IllegalArgumentException("operator key " + file + " is listed twice with different roles");
            }
        }
        return new TrustAnchors(Map.copyOf(map));
    }

    Optional<Anchor> find(String keyId) {
        return Optional.ofNullable(byId.get(keyId));
    }

    int size() {
        return byId.size();
    }
}
