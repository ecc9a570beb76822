package org.metergate.mbus.record;

/**
 * Who sent the records. It decides what the combinable VIFEs 0x00-0x1F mean: record error codes
 * from a slave, object actions (write, add, clear, ...) from a master.
 */
public enum Direction {
    SLAVE_TO_MASTER,
    MASTER_TO_SLAVE
}
