package org.metergate.headend.security.internal;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.metergate.api.headend.RequestMethod;
import org.metergate.headend.security.AuthorisationDecision;
import org.metergate.headend.security.MarketRole;

/**
 * What each market role may ask of the gateway's applications: a table of rules
 * {@code ROLES APP METHOD RESOURCE [signed] [audited]}. A request is allowed when a rule matching its
 * application, verb and resource lists the requester's role; it needs an operator signature when a
 * matching rule says {@code signed}, and its refusal is journaled when one says {@code audited}. No
 * matching rule: refused. In RESOURCE, {@code *} stands for one segment and a final {@code **} for any
 * rest; ROLES is a comma list of role names or short names, or {@code *} for every role.
 */
final class RequestPolicy {

    /** The shipped rules; configuration may add more (never remove: a gateway cannot be opened by accident). */
    static final List<String> DEFAULT_RULES = List.of(
            "*                    METERS-V1        GET  meters",
            "*                    METERS-V1        GET  meters/*",
            "*                    METERS-V1        GET  meters/*/readings",
            "MSO,MSP,DSO,SUPPLIER METERS-V1        GET  discovered",
            "MSO,MSP,DSO,SUPPLIER METERS-V1        EXEC meters/*/read",
            "MSO                  METERS-V1        POST meters",
            "MSO                  METERS-V1        DEL  meters/*          audited",
            "MSO                  METERS-V1        GET  keys/transport",
            "MSO                  METERS-V1        PUT  keys/*            audited",
            "MSO,DSO              COMMANDS-V1      EXEC actuator/*        signed audited",
            "MSO,MSP              COMMANDS-V1      EXEC clock/*           audited",
            "MSO,SUPPLIER         COMMANDS-V1      EXEC tariff/*          audited",
            "MSO,MSP              CONFIGURATION-V1 GET  configurations",
            "MSO,MSP              CONFIGURATION-V1 GET  configurations/*",
            "MSO                  CONFIGURATION-V1 PUT  configurations/*  audited",
            "MSO,MSP,DSO          STATISTICS-V1    GET  **");

    record Rule(Set<MarketRole> roles, String app, RequestMethod method, List<String> pattern, boolean signed, boolean audited) {

        boolean matches(String appId, RequestMethod m, List<String> resource) {
            if (!app.equals(appId) || method != m) {
                return false;
            }
            for (int i = 0; i < pattern.size(); i++) {
                String p = pattern.get(i);
                if (p.equals("**") && i == pattern.size() - 1) {
                    return true;
                }
                if (i >= resource.size() || !(p.equals("*") || p.equals(resource.get(i)))) {
                    return false;
                }
            }
            return pattern.size() == resource.size();
        }
    }

    private final List<Rule> rules;

    RequestPolicy(List<String> lines) {
        List<Rule> parsed = new ArrayList<>();
        int n = 0;
        for (String line : lines) {
            n++;
            String t = line.strip();
            if (!t.isEmpty() && !t.startsWith("#")) {
                parsed.add(parse(t, n));
            }
        }
        this.rules = List.copyOf(parsed);
    }

    static RequestPolicy withDefaults(List<String> extra) {
        List<String> all = new ArrayList<>(DEFAULT_RULES);
        all.addAll(extra);
        return new RequestPolicy(all);
    }

    static Rule parse(String text, int n) {
        String[] f = text.split("\\s+");
        if (f.length < 4) {
            throw new IllegalArgumentException("policy rule " + n + " needs ROLES APP METHOD RESOURCE [signed] [audited]: " + text);
        }
        Set<MarketRole> roles = EnumSet.noneOf(MarketRole.class);
        if (f[0].equals("*")) {
            roles.addAll(EnumSet.allOf(MarketRole.class));
        } else {
            for (String r : f[0].split(",")) {
                roles.add(MarketRole.parse(r));
            }
        }
        RequestMethod method;
        try {
            method = RequestMethod.valueOf(f[2].toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("policy rule " + n + ": method must be GET, PUT, POST, DEL or EXEC: " + f[2]);
        }
        boolean signed = false;
        boolean audited = false;
        for (int i = 4; i < f.length; i++) {
            switch (f[i].toLowerCase(Locale.ROOT)) {
                case "signed" -> signed = true;
                case "audited" -> audited = true;
                default -> throw new IllegalArgumentException("policy rule " + n + ": unknown flag " + f[i] + " (signed, audited)");
            }
        }
        return new Rule(roles, f[1], method, List.of(f[3].split("/")), signed, audited);
    }

    AuthorisationDecision decide(Optional<MarketRole> role, String app, RequestMethod method, List<String> resource) {
        boolean matched = false;
        boolean allowed = false;
        boolean signed = false;
        boolean audited = false;
        for (Rule r : rules) {
            if (r.matches(app, method, resource)) {
                matched = true;
                signed |= r.signed();
                audited |= r.audited();
                allowed |= role.isPresent() && r.roles().contains(role.get());
            }
        }
        String what = method + " " + app + "/" + String.join("/", resource);
        String reason = allowed ? "" : !matched ? "no policy rule permits " + what
                : role.isEmpty() ? "the requester has no market role" : "market role " + role.get() + " may not " + what;
        return new AuthorisationDecision(allowed, role, signed, audited, reason);
    }

    boolean permits(MarketRole role, String app, RequestMethod method, List<String> resource) {
        return decide(Optional.of(role), app, method, resource).allowed();
    }
}
