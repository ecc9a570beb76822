package org.metergate.headend.security;

import java.util.Locale;

/**
 * The market roles of smart metering that may talk to a gateway over G (TR 50572 actors, with the
 * names the European metering market uses). A requester is mapped to one role; what a role may do
 * is the {@linkplain HeadEndAuthoriser authorisation policy}.
 */
public enum MarketRole {
    /** Meter site operator (MSO): installs and operates the meters and the gateway. */
    METER_SITE_OPERATOR("MSO"),
    /** Metering service provider (MSP): reads and validates meter data. */
    METERING_SERVICE_PROVIDER("MSP"),
    /** Distribution system operator (DSO): operates the grid, connects and disconnects supply. */
    DSO("DSO"),
    /** Supplier: sells energy or water, sets tariffs. */
    SUPPLIER("SUPPLIER"),
    /** Consumer: the end customer, who may read their own meters only. */
    CONSUMER("CONSUMER");

    private final String shortName;

    MarketRole(String shortName) {
        this.shortName = shortName;
    }

    /** {@code MSO}, {@code MSP}, {@code DSO}, {@code SUPPLIER}, {@code CONSUMER}. */
    public String shortName() {
        return shortName;
    }

    /** Parses a role by its name or short name, case-insensitive; a clear error otherwise. */
    public static MarketRole parse(String text) {
        String t = text == null ? "" : text.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        for (MarketRole r : values()) {
            if (r.name().equals(t) || r.shortName.equals(t)) {
                return r;
            }
        }
        throw new IllegalArgumentException("unknown market role '" + text
                + "': one of METER_SITE_OPERATOR (MSO), METERING_SERVICE_PROVIDER (MSP), DSO, SUPPLIER, CONSUMER");
    }
}
