package org.metergate.driver.amb8465;

import java.util.OptionalInt;

/** What the module sends: a confirmation (or other command frame), or a received telegram. */
sealed interface AmberMessage {

    /**
     * A command-mode frame other than CMD_DATA_IND, checksum verified.
     *
     * @param command the command byte (confirmations have 0x80 set)
     * @param payload its data
     */
    record Command(int command, byte[] payload) implements AmberMessage {
        public Command {
            payload = payload.clone();
        }

        @Override
        public byte[] payload() {
            return payload.clone();
        }

        /** The status byte of a confirmation, or -1. */
        int status() {
            return payload.length == 0 ? -1 : payload[0] & 0xFF;
        }
    }

    /**
     * A received telegram, from CMD_DATA_IND or transparent output.
     *
     * @param frame the telegram from its L-field on, without CRCs (the module checked and removed them)
     * @param rssi the raw RSSI byte when the module appends one
     */
    record Telegram(byte[] frame, OptionalInt rssi) implements AmberMessage {
        public Telegram {
            frame = frame.clone();
        }

        @Override
        public byte[] frame() {
            return frame.clone();
        }
    }
}
