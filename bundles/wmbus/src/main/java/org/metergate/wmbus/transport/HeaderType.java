package org.metergate.wmbus.transport;

/** The transport layer header that follows a TPL CI-field (EN 13757-7). */
public enum HeaderType {
    /** No TPL header (CI 0x78, 0x79). */
    NONE(0),
    /** Short header: access number, status, configuration field (CI 0x7A, 0x8A, ...). */
    SHORT(4),
    /** Long header: identification, manufacturer, version, device type, then the short header (CI 0x72, 0x8B, ...). */
    LONG(12);

    private final int length;

    HeaderType(int length) {
        this.length = length;
    }

    /** Bytes after the CI-field, without the configuration field extension of mode 7. */
    public int length() {
        return length;
    }
}
