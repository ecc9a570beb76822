package org.metergate.core.pipeline;

import java.util.List;
import java.util.Objects;
import org.metergate.api.meter.MeterAddress;
import org.metergate.api.reading.Reading;
import org.metergate.api.stats.ErrorKind;

/** What the codecs made of one telegram. */
public sealed interface DecodeResult {

    /**
     * A telegram decoded into readings.
     *
     * @param meter the meter that sent it (the transport layer's address when the telegram has one,
     *        else the link layer's)
     * @param status the EN 13757-3 status byte, or -1 when the telegram has none
     * @param readings its readings, with the reception time or the meter's own time stamp
     * @param alarms alarm conditions that records of the telegram state (tamper, leak, burst, backflow...)
     */
    record Decoded(MeterAddress meter, int status, List<Reading> readings, List<RecordAlarm> alarms) implements DecodeResult {
        public Decoded {
            Objects.requireNonNull(meter, "meter");
            readings = List.copyOf(readings);
            alarms = List.copyOf(alarms);
        }
    }

    /**
     * A telegram that could not be turned into readings.
     *
     * @param meter the meter, when the header could be read; null otherwise
     * @param kind what went wrong, for the statistics
     * @param reason the codec's explanation (never key material)
     */
    record Failed(MeterAddress meter, ErrorKind kind, String reason) implements DecodeResult {
        public Failed {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** An alarm condition a data record states, e.g. an error-flags record with its leak bit set. */
    record RecordAlarm(org.metergate.api.reading.EventType type, String detail) {
    }
}
