package org.metergate.pkg;

import java.util.List;

/**
 * The gateways a package is for: listed by id, or by model ({@code *} for every model).
 */
public record Target(List<String> gateways, List<String> models) {

    /** The model entry that means every gateway. */
    public static final String ANY_MODEL = "*";

    public Target {
        gateways = List.copyOf(gateways);
        models = List.copyOf(models);
        if (gateways.isEmpty() && models.isEmpty()) {
            throw new IllegalArgumentException("a target names at least one gateway or model (\"*\" for every model)");
        }
    }

    public static Target gateways(String... ids) {
        return new Target(List.of(ids), List.of());
    }

    public static Target models(String... models) {
        return new Target(List.of(), List.of(models));
    }

    public boolean matches(GatewayIdentity gateway) {
        return gateways.contains(gateway.id()) || models.contains(ANY_MODEL) || models.contains(gateway.model());
    }

    @Override
    public String toString() {
        return "gateways " + gateways + ", models " + models;
    }
}
