package org.metergate.wmbus.transport;

/**
 * The communication control field (CC) of the extended link layer (EN 13757-4): bit 7 B
 * (bidirectional), bit 6 D (response delay: fast), bit 5 S (synchronised frame), bit 4 H (hop counter:
 * the frame was relayed by a repeater, EN 13757-5), bit 3 P (priority), bit 2 A (accessibility),
 * bit 1 R (repeated access), bit 0 reserved.
 *
 * @param value the CC byte
 */
public record CommunicationControl(int value) {

    public boolean bidirectional() {
        return (value & 0x80) != 0;
    }

    public boolean fastResponse() {
        return (value & 0x40) != 0;
    }

    public boolean synchronised() {
        return (value & 0x20) != 0;
    }

    /** H: the telegram was repeated once by a repeater (EN 13757-5 hop counter). */
    public boolean hopCounter() {
        return (value & 0x10) != 0;
    }

    public boolean priority() {
        return (value & 0x08) != 0;
    }

    public boolean accessible() {
        return (value & 0x04) != 0;
    }

    public boolean repeatedAccess() {
        return (value & 0x02) != 0;
    }
}
