package org.metergate.headend.security.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.metergate.headend.security.MarketRole;

/**
 * Maps requesters (head-end MQTT client ids) to market roles: entries {@code PATTERN=ROLE} in order,
 * the first match wins. A pattern is a client id, or a prefix followed by {@code *}; {@code *} alone
 * matches everyone. Unmatched requesters have no role.
 */
final class RoleMap {

    private record Entry(String prefix, boolean wildcard, MarketRole role) {
    }

    private final List<Entry> entries;

    RoleMap(List<String> lines) {
        List<Entry> parsed = new ArrayList<>();
        for (String line : lines) {
            String t = line.strip();
            if (t.isEmpty() || t.startsWith("#")) {
                continue;
            }
            int eq = t.lastIndexOf('=');
            if (eq <= 0 || eq == t.length() - 1) {
                throw new IllegalArgumentException("role mapping must be REQUESTER-PATTERN=ROLE: " + t);
            }
            String pattern = t.substring(0, eq).strip();
            MarketRole role = MarketRole.parse(t.substring(eq + 1));
            boolean wildcard = pattern.endsWith("*");
            String prefix = wildcard ? pattern.substring(0, pattern.length() - 1) : pattern;
            if (prefix.contains("*")) {
                throw new IllegalArgumentException("role mapping pattern may only end in *: " + pattern);
            }
            parsed.add(new Entry(prefix, wildcard, role));
        }
        this.entries = List.copyOf(parsed);
    }

    Optional<MarketRole> roleOf(String requester) {
        if (requester == null || requester.isEmpty()) {
            return Optional.empty();
        }
        for (Entry e : entries) {
            if (e.wildcard ? requester.startsWith(e.prefix) : requester.equals(e.prefix)) {
                return Optional.of(e.role);
            }
        }
        return Optional.empty();
    }
}
