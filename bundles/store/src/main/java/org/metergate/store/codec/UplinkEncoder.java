package org.metergate.store.codec;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.metergate.api.meter.MeterAddress;
import org.metergate.api.reading.MeterEvent;
import org.metergate.api.reading.ObisCode;
import org.metergate.api.reading.Reading;
import org.metergate.api.reading.Uplink;

/**
 * Writes a {@link Reading} or {@link MeterEvent} as a record body of format version
 * {@value #FORMAT_VERSION}. The layout, field by field:
 *
 * <pre>
 * Reading (type 1)
 *   u8     flags: bits 0-1 function field (EN 13757-3 DIF bits 4-5), bit 2 OBIS present,
 *                 bit 3 unscaled value as two's-complement bytes (else zig-zag varint), bits 4-7 zero
 *   8      meter address: u16 manufacturer field, 4 bytes identification (8 hex digits, one per nibble),
 *          u8 version, u8 device type
 *   str    quantity
 *   str    unit symbol
 *   zz     value scale (BigDecimal scale)
 *   zz | varint length + bytes   unscaled value
 *   varint storage number, varint tariff, varint subunit
 *   zz     time: epoch second;  varint nano of second
 *   6      OBIS A B C D E F (when flagged)
 *
 * MeterEvent (type 2)
 *   u8     flags: bit 0 meter present, bits 1-7 zero
 *   str    event type name (names, not ordinals: the enum may grow)
 *   8      meter address (when flagged)
 *   str    link
 *   zz     time: epoch second;  varint nano of second
 *   str    detail
 *
 * str = varint tag: (dictionary id &lt;&lt; 1) | 1, or (UTF-8 length &lt;&lt; 1) followed by the bytes
 * </pre>
 *
 * Not thread-safe; one encoder per segment being written.
 */
public final class UplinkEncoder {

    public static final int FORMAT_VERSION = 1;
    public static final int TYPE_READING = 1;
    public static final int TYPE_EVENT = 2;

    static final int FLAG_OBIS = 0x04;
    static final int FLAG_BIG_UNSCALED = 0x08;
    static final int FLAG_EVENT_METER = 0x01;

    private final StringDictionary dictionary;
    private final DictionaryLearner learner;

    /** @param learner counts repeating strings for the next segment's dictionary; may be null */
    public UplinkEncoder(StringDictionary dictionary, DictionaryLearner learner) {
        this.dictionary = dictionary;
        this.learner = learner;
    }

    public StringDictionary dictionary() {
        return dictionary;
    }

    public static int typeOf(Uplink item) {
        return item instanceof Reading ? TYPE_READING : TYPE_EVENT;
    }

    /** Writes the body of {@code item} (its type goes into the frame header, see {@link #typeOf}). */
    public void encode(Uplink item, ByteSink out) {
        if (item instanceof Reading r) {
            encodeReading(r, out);
        } else if (item instanceof MeterEvent e) {
            encodeEvent(e, out);
        } else {
            throw new IllegalArgumentException("not an uplink item: " + item);
        }
    }

    private void encodeReading(Reading r, ByteSink out) {
        BigDecimal value = r.value();
        BigInteger unscaled = value.unscaledValue();
        boolean big = unscaled.bitLength() > 63;
        int flags = r.function().ordinal() | (r.obis() != null ? FLAG_OBIS : 0) | (big ? FLAG_BIG_UNSCALED : 0);
        out.writeByte(flags);
        writeAddress(r.meter(), out);
        writeCounted(r.quantity(), out);
        writeCounted(r.unit().symbol(), out);
        out.writeZigZag(value.scale());
        if (big) {
            byte[] b = unscaled.toByteArray();
            out.writeVarLong(b.length);
            out.writeBytes(b);
        } else {
            out.writeZigZag(unscaled.longValue());
        }
        out.writeVarLong(r.storage());
        out.writeVarLong(r.tariff());
        out.writeVarLong(r.subunit());
        writeTime(r.time(), out);
        ObisCode o = r.obis();
        if (o != null) {
            out.writeByte(o.a());
            out.writeByte(o.b());
            out.writeByte(o.c());
            out.writeByte(o.d());
            out.writeByte(o.e());
            out.writeByte(o.f());
        }
    }

    private void encodeEvent(MeterEvent e, ByteSink out) {
        out.writeByte(e.meter() != null ? FLAG_EVENT_METER : 0);
        writeCounted(e.type().name(), out);
        if (e.meter() != null) {
            writeAddress(e.meter(), out);
        }
        writeCounted(e.link(), out);
        writeTime(e.time(), out);
        writeString(e.detail(), out);
    }

    static void writeAddress(MeterAddress a, ByteSink out) {
        out.writeShort(a.manufacturer().id());
        String id = a.identification(); // 8 characters 0-9A-F, checked by MeterId
        for (int i = 0; i < 8; i += 2) {
            out.writeByte((nibble(id.charAt(i)) << 4) | nibble(id.charAt(i + 1)));
        }
        out.writeByte(a.version());
        out.writeByte(a.deviceType());
    }

    private static int nibble(char c) {
        return c <= '9' ? c - '0' : c - 'A' + 10;
    }

    private static void writeTime(Instant t, ByteSink out) {
        out.writeZigZag(t.getEpochSecond());
        out.writeVarLong(t.getNano());
    }

    private void writeCounted(String s, ByteSink out) {
        if (learner != null) {
            learner.count(s);
        }
        writeString(s, out);
    }

    private void writeString(String s, ByteSink out) {
        int id = dictionary.idOf(s);
        if (id >= 0) {
            out.writeVarLong(((long) id << 1) | 1);
            return;
        }
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeVarLong((long) b.length << 1);
        out.writeBytes(b);
    }
}
