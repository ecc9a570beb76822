package org.metergate.driver.im871a;

/** The HCI endpoints (WMBus_HCI_Spec, "Endpoint ID field"). */
enum HciEndpoint {
    DEVMGMT(0x01), RADIOLINK(0x02), RADIOLINKTEST(0x03), HWTEST(0x04);

    private final int id;

    HciEndpoint(int id) {
        this.id = id;
    }

    int id() {
        return id;
    }

    /** The endpoint with this id, or null. */
    static HciEndpoint of(int id) {
        for (HciEndpoint e : values()) {
            if (e.id == id) {
                return e;
            }
        }
        return null;
    }
}
