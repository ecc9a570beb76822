package org.metergate.pkg;

import java.util.Objects;

/**
 * Who a gateway is, for a package's target: its id (the head-end client id) and its model.
 */
public record GatewayIdentity(String id, String model) {

    public GatewayIdentity {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(model, "model");
    }
}
