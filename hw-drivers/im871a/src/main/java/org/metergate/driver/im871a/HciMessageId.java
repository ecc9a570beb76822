package org.metergate.driver.im871a;

/** The HCI messages of WMBus_HCI_Spec, by endpoint and message id (request, response, indication). */
enum HciMessageId {
    DEVMGMT_PING_REQ(HciEndpoint.DEVMGMT, 0x01),
    DEVMGMT_PING_RSP(HciEndpoint.DEVMGMT, 0x02),
    DEVMGMT_SET_CONFIG_REQ(HciEndpoint.DEVMGMT, 0x03),
    DEVMGMT_SET_CONFIG_RSP(HciEndpoint.DEVMGMT, 0x04),
    DEVMGMT_GET_CONFIG_REQ(HciEndpoint.DEVMGMT, 0x05),
    DEVMGMT_GET_CONFIG_RSP(HciEndpoint.DEVMGMT, 0x06),
    DEVMGMT_RESET_REQ(HciEndpoint.DEVMGMT, 0x07),
    DEVMGMT_RESET_RSP(HciEndpoint.DEVMGMT, 0x08),
    DEVMGMT_FACTORY_RESET_REQ(HciEndpoint.DEVMGMT, 0x09),
    DEVMGMT_FACTORY_RESET_RSP(HciEndpoint.DEVMGMT, 0x0A),
    DEVMGMT_GET_OPMODE_REQ(HciEndpoint.DEVMGMT, 0x0B),
    DEVMGMT_GET_OPMODE_RSP(HciEndpoint.DEVMGMT, 0x0C),
    DEVMGMT_SET_OPMODE_REQ(HciEndpoint.DEVMGMT, 0x0D),
    DEVMGMT_SET_OPMODE_RSP(HciEndpoint.DEVMGMT, 0x0E),
    DEVMGMT_GET_DEVICEINFO_REQ(HciEndpoint.DEVMGMT, 0x0F),
    DEVMGMT_GET_DEVICEINFO_RSP(HciEndpoint.DEVMGMT, 0x10),
    DEVMGMT_GET_SYSSTATUS_REQ(HciEndpoint.DEVMGMT, 0x11),
    DEVMGMT_GET_SYSSTATUS_RSP(HciEndpoint.DEVMGMT, 0x12),
    DEVMGMT_GET_FWINFO_REQ(HciEndpoint.DEVMGMT, 0x13),
    DEVMGMT_GET_FWINFO_RSP(HciEndpoint.DEVMGMT, 0x14),
    DEVMGMT_GET_RTC_REQ(HciEndpoint.DEVMGMT, 0x19),
    DEVMGMT_GET_RTC_RSP(HciEndpoint.DEVMGMT, 0x1A),
    DEVMGMT_SET_RTC_REQ(HciEndpoint.DEVMGMT, 0x1B),
    DEVMGMT_SET_RTC_RSP(HciEndpoint.DEVMGMT, 0x1C),
    DEVMGMT_ENTER_LPM_REQ(HciEndpoint.DEVMGMT, 0x1D),
    DEVMGMT_ENTER_LPM_RSP(HciEndpoint.DEVMGMT, 0x1E),
    DEVMGMT_SET_AES_ENCKEY_REQ(HciEndpoint.DEVMGMT, 0x21),
    DEVMGMT_SET_AES_ENCKEY_RSP(HciEndpoint.DEVMGMT, 0x22),
    DEVMGMT_ENABLE_AES_ENCKEY_REQ(HciEndpoint.DEVMGMT, 0x23),
    DEVMGMT_ENABLE_AES_ENCKEY_RSP(HciEndpoint.DEVMGMT, 0x24),
    DEVMGMT_SET_AES_DECKEY_REQ(HciEndpoint.DEVMGMT, 0x25),
    DEVMGMT_SET_AES_DECKEY_RSP(HciEndpoint.DEVMGMT, 0x26),
    DEVMGMT_AES_DEC_ERROR_IND(HciEndpoint.DEVMGMT, 0x27),
    RADIOLINK_WMBUSMSG_REQ(HciEndpoint.RADIOLINK, 0x01),
    RADIOLINK_WMBUSMSG_RSP(HciEndpoint.RADIOLINK, 0x02),
    RADIOLINK_WMBUSMSG_IND(HciEndpoint.RADIOLINK, 0x03),
    RADIOLINK_DATA_REQ(HciEndpoint.RADIOLINK, 0x04),
    RADIOLINK_DATA_RSP(HciEndpoint.RADIOLINK, 0x05),
    RADIOLINKTEST_START_REQ(HciEndpoint.RADIOLINKTEST, 0x01),
    RADIOLINKTEST_START_RSP(HciEndpoint.RADIOLINKTEST, 0x02),
    RADIOLINKTEST_STOP_REQ(HciEndpoint.RADIOLINKTEST, 0x03),
    RADIOLINKTEST_STOP_RSP(HciEndpoint.RADIOLINKTEST, 0x04),
    RADIOLINKTEST_STATUS_IND(HciEndpoint.RADIOLINKTEST, 0x07),
    HWTEST_RADIOTEST_REQ(HciEndpoint.HWTEST, 0x01),
    HWTEST_RADIOTEST_RSP(HciEndpoint.HWTEST, 0x02);

    private final HciEndpoint endpoint;
    private final int id;

    HciMessageId(HciEndpoint endpoint, int id) {
        this.endpoint = endpoint;
        this.id = id;
    }

    HciEndpoint endpoint() {
        return endpoint;
    }

    int id() {
        return id;
    }

    /** The message, or null when the endpoint has no message with this id. */
    static HciMessageId of(HciEndpoint endpoint, int id) {
        for (HciMessageId m : values()) {
            if (m.endpoint == endpoint && m.id == id) {
                return m;
            }
        }
        return null;
    }
}
