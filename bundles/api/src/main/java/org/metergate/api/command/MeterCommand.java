package org.metergate.api.command;

import java.time.Instant;
import java.util.Objects;

/**
 * What a command asks a metering end device to do: the TR 50572 downlink use cases (on-demand
 * reading, clock synchronisation, connect/disconnect of a breaker or valve, tariff programming).
 */
public sealed interface MeterCommand {

    /** Read the meter now (REQ_UD2 on wired M-Bus, REQ_UD2 in the access window on wM-Bus, GET on DLMS). */
    record OnDemandRead() implements MeterCommand {
    }

    /** Set the meter's clock (EN 13757-3 VIF 0x6D with VIFE "set date and time"). */
    record ClockSync(Instant time) implements MeterCommand {
        public ClockSync {
            Objects.requireNonNull(time, "time");
        }
    }

    /** Operate an actuator (breaker or valve): a safety-relevant command that must be signed. */
    record ActuatorControl(Actuator actuator, Action action) implements MeterCommand {
        public ActuatorControl {
            Objects.requireNonNull(actuator, "actuator");
            Objects.requireNonNull(action, "action");
        }
    }

    /** Switch the active tariff from a given time. */
    record TariffChange(int tariff, Instant effectiveFrom) implements MeterCommand {
        public TariffChange {
            if (tariff < 0) {
                throw new IllegalArgumentException("tariff must not be negative");
            }
            Objects.requireNonNull(effectiveFrom, "effectiveFrom");
        }
    }

    /** Send application data as given (the user data of an SND_UD), for what has no typed command. */
    record RawApplicationData(byte[] data) implements MeterCommand {
        public RawApplicationData {
            data = data.clone();
        }

        @Override
        public byte[] data() {
            return data.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof RawApplicationData r && java.util.Arrays.equals(data, r.data);
        }

        @Override
        public int hashCode() {
            return java.util.Arrays.hashCode(data);
        }

        @Override
        public String toString() {
            return "RawApplicationData[" + data.length + " bytes]";
        }
    }

    /** The actuators of TR 50572 use cases. */
    enum Actuator { BREAKER, VALVE }

    /** What to do with an actuator. */
    enum Action { CONNECT, DISCONNECT, RELEASE_FOR_RECONNECTION }
}
