package org.metergate.core.events;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.metergate.api.meter.MeterAddress;
import org.metergate.api.reading.EventType;
import org.metergate.api.reading.MeterEvent;

/**
 * Alarms from the EN 13757-3 status byte: an event when a condition appears (power low, permanent
 * error, temporary error, application busy, application error), not on every telegram that repeats
 * it; when the condition clears and appears again, a new event. Bits 5-7 are manufacturer
 * specific and reported as such when they appear.
 */
public final class StatusAlarms {

    /** Bits 0-1 application status, bit 2 power low, bit 3 permanent error, bit 4 temporary error. */
    private static final int APP_MASK = 0x03;
    private static final int POWER_LOW = 0x04;
    private static final int PERMANENT = 0x08;
    private static final int TEMPORARY = 0x10;
    private static final int MANUFACTURER = 0xE0;

    private final Map<MeterAddress, Integer> lastStatus = new HashMap<>();

    /** The events raised by this telegram's status byte; empty when nothing new appeared. */
    public List<MeterEvent> update(MeterAddress meter, int status, String link, Instant time) {
        Integer previous = lastStatus.put(meter, status);
        int before = previous == null ? 0 : previous;
        if (status == before) {
            return List.of(); // the common case, every telegram of a healthy meter: nothing to format
        }
        List<MeterEvent> events = new ArrayList<>(1);
        String hex = String.format("status byte 0x%02X", status);
        int app = status & APP_MASK;
        if (app != (before & APP_MASK)) {
            if (app == 1) {
                events.add(new MeterEvent(EventType.APPLICATION_BUSY, meter, link, time, hex + ": application busy"));
            } else if (app == 2) {
                events.add(new MeterEvent(EventType.APPLICATION_ERROR, meter, link, time, hex + ": application error"));
            } else if (app == 3) {
                events.add(new MeterEvent(EventType.APPLICATION_ERROR, meter, link, time, hex + ": abnormal condition / alarm"));
            }
        }
        raised(events, status, before, POWER_LOW, EventType.POWER_LOW, meter, link, time, hex + ": power low");
        raised(events, status, before, PERMANENT, EventType.PERMANENT_ERROR, meter, link, time, hex + ": permanent error");
        raised(events, status, before, TEMPORARY, EventType.TEMPORARY_ERROR, meter, link, time, hex + ": temporary error");
        int newManufacturerBits = status & MANUFACTURER & ~before;
        if (newManufacturerBits != 0) {
            events.add(new MeterEvent(EventType.MANUFACTURER_SPECIFIC, meter, link, time,
                    hex + String.format(": manufacturer-specific bits 0x%02X set", newManufacturerBits)));
        }
        return events;
    }

    private static void raised(List<MeterEvent> events, int status, int before, int bit, EventType type, MeterAddress meter,
                               String link, Instant time, String detail) {
        if ((status & bit) != 0 && (before & bit) == 0) {
            events.add(new MeterEvent(type, meter, link, time, detail));
        }
    }
}
