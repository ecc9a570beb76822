package org.metergate.wmbus.transport;

/**
 * The CI-field table (EN 13757-4, EN 13757-7 and OMS Vol. 2): for each value, what layer it introduces,
 * which TPL header follows and what the application layer is. Only the values a meter or a receiver
 * of meter traffic meets are listed; everything else is {@link CiKind#UNKNOWN}.
 */
public final class CiField {

    private record Row(CiKind kind, HeaderType header, ApplicationKind application, String description) {
    }

    private static final Row[] TABLE = new Row[256];

    static {
        Row unknown = new Row(CiKind.UNKNOWN, HeaderType.NONE, ApplicationKind.NONE, "not defined");
        java.util.Arrays.fill(TABLE, unknown);
        tpl(0x72, HeaderType.LONG, ApplicationKind.MBUS_RECORDS, "response from device, long header");
        tpl(0x73, HeaderType.LONG, ApplicationKind.MBUS_FIXED, "response from device, fixed data structure, long header");
        tpl(0x78, HeaderType.NONE, ApplicationKind.MBUS_RECORDS, "response from device, no header (full frame)");
        tpl(0x79, HeaderType.NONE, ApplicationKind.COMPACT_RECORDS, "response from device, no header, compact frame");
        tpl(0x7A, HeaderType.SHORT, ApplicationKind.MBUS_RECORDS, "response from device, short header");
        tpl(0x70, HeaderType.NONE, ApplicationKind.APPLICATION_ERROR, "application error from device, no header");
        tpl(0x6E, HeaderType.SHORT, ApplicationKind.APPLICATION_ERROR, "application error from device, short header");
        tpl(0x6F, HeaderType.LONG, ApplicationKind.APPLICATION_ERROR, "application error from device, long header");
        tpl(0x71, HeaderType.NONE, ApplicationKind.ALARM, "alarm from device, no header");
        tpl(0x74, HeaderType.SHORT, ApplicationKind.ALARM, "alarm from device, short header");
        tpl(0x75, HeaderType.LONG, ApplicationKind.ALARM, "alarm from device, long header");
        tpl(0x7C, HeaderType.LONG, ApplicationKind.COSEM, "DLMS/COSEM from device, long header");
        tpl(0x7D, HeaderType.SHORT, ApplicationKind.COSEM, "DLMS/COSEM from device, short header");
        tpl(0x7E, HeaderType.LONG, ApplicationKind.SML, "SML from device, long header");
        tpl(0x7F, HeaderType.SHORT, ApplicationKind.SML, "SML from device, short header");
        tpl(0x8A, HeaderType.SHORT, ApplicationKind.NONE, "transport layer from device, short header, no application data");
        tpl(0x8B, HeaderType.LONG, ApplicationKind.NONE, "transport layer from device, long header, no application data");
        tpl(0x5A, HeaderType.SHORT, ApplicationKind.MBUS_RECORDS, "command to device, short header");
        tpl(0x5B, HeaderType.LONG, ApplicationKind.MBUS_RECORDS, "command to device, long header");
        tpl(0x80, HeaderType.LONG, ApplicationKind.NONE, "transport layer to device, long header, no application data");
        TABLE[0x8C] = new Row(CiKind.EXTENDED_LINK_LAYER, HeaderType.NONE, ApplicationKind.NONE, "extended link layer I (CC, ACC)");
        TABLE[0x8D] = new Row(CiKind.EXTENDED_LINK_LAYER, HeaderType.NONE, ApplicationKind.NONE, "extended link layer II (CC, ACC, SN, payload CRC)");
        TABLE[0x8E] = new Row(CiKind.EXTENDED_LINK_LAYER, HeaderType.NONE, ApplicationKind.NONE, "extended link layer III (CC, ACC, M, A)");
        TABLE[0x8F] = new Row(CiKind.EXTENDED_LINK_LAYER, HeaderType.NONE, ApplicationKind.NONE, "extended link layer IV (CC, ACC, M, A, SN, payload CRC)");
        TABLE[0x86] = new Row(CiKind.RECOGNISED_UNSUPPORTED, HeaderType.NONE, ApplicationKind.NONE, "extended link layer V (EN 13757-4:2019)");
        TABLE[0x90] = new Row(CiKind.AUTHENTICATION_FRAGMENTATION_LAYER, HeaderType.NONE, ApplicationKind.NONE, "authentication and fragmentation layer");
        TABLE[0x81] = new Row(CiKind.NETWORK_LAYER, HeaderType.NONE, ApplicationKind.NONE, "network layer (EN 13757-5 relaying)");
        for (int ci = 0xA0; ci <= 0xB7; ci++) {
            TABLE[ci] = new Row(CiKind.MANUFACTURER_SPECIFIC, HeaderType.NONE, ApplicationKind.MANUFACTURER_SPECIFIC, "manufacturer specific");
        }
        for (int ci = 0xC0; ci <= 0xC5; ci++) {
            TABLE[ci] = new Row(CiKind.RECOGNISED_UNSUPPORTED, HeaderType.NONE, ApplicationKind.NONE,
                    ci <= 0xC2 ? "image transfer" : "security information transfer");
        }
    }

    private static void tpl(int ci, HeaderType header, ApplicationKind application, String description) {
        TABLE[ci] = new Row(CiKind.TRANSPORT_LAYER, header, application, description);
    }

    private CiField() {
    }

    public static CiKind kind(int ci) {
        return TABLE[ci & 0xFF].kind;
    }

    /** The TPL header of a {@link CiKind#TRANSPORT_LAYER} CI-field. */
    public static HeaderType header(int ci) {
        return TABLE[ci & 0xFF].header;
    }

    public static ApplicationKind application(int ci) {
        return TABLE[ci & 0xFF].application;
    }

    public static String description(int ci) {
        return TABLE[ci & 0xFF].description;
    }

    /** {@code 0x7A} style text of a CI value. */
    public static String hex(int ci) {
        return "0x" + Integer.toHexString((ci & 0xFF) | 0x100).substring(1).toUpperCase(java.util.Locale.ROOT);
    }
}
