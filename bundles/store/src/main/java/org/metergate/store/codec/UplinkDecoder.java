package org.metergate.store.codec;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.metergate.api.meter.ManufacturerCode;
import org.metergate.api.meter.MeterAddress;
import org.metergate.api.reading.EventType;
import org.metergate.api.reading.FunctionField;
import org.metergate.api.reading.MeterEvent;
import org.metergate.api.reading.ObisCode;
import org.metergate.api.reading.Reading;
import org.metergate.api.reading.Unit;
import org.metergate.api.reading.Uplink;

/**
 * Reads record bodies that {@link UplinkEncoder} wrote. Whatever the bytes, it returns an item or
 * throws {@link RecordFormatException}. Keeps small caches (meter addresses, units) because a
 * journal repeats them constantly; not thread-safe, one decoder per reader.
 */
public final class UplinkDecoder {

    private static final int ADDRESS_CACHE = 4096;
    private static final int UNIT_CACHE = 256;
    /** Unscaled values longer than this are not meter data (10^2400); refuse rather than allocate. */
    static final int MAX_UNSCALED_BYTES = 1024;
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();
    private static final Map<String, EventType> EVENT_TYPES = new HashMap<>();

    static {
        for (EventType t : EventType.values()) {
            EVENT_TYPES.put(t.name(), t);
        }
    }

    private StringDictionary dictionary;
    private final Map<Long, MeterAddress> addresses = new LinkedHashMap<>(64, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, MeterAddress> eldest) {
            return size() > ADDRESS_CACHE;
        }
    };
    private final Map<String, Unit> units = new HashMap<>();

    public UplinkDecoder(StringDictionary dictionary) {
        this.dictionary = dictionary;
    }

    /** Switches to another segment's dictionary (the caches stay valid: they do not depend on it). */
    public void dictionary(StringDictionary d) {
        this.dictionary = d;
    }

    public Uplink decode(int type, ByteSource in) throws RecordFormatException {
        try {
            Uplink item = switch (type) {
                case UplinkEncoder.TYPE_READING -> decodeReading(in);
                case UplinkEncoder.TYPE_EVENT -> decodeEvent(in);
                default -> throw new RecordFormatException("unknown record type " + type);
            };
            if (in.remaining() != 0) {
                throw new RecordFormatException(in.remaining() + " bytes left after the record's last field");
            }
            return item;
        } catch (IllegalArgumentException | NullPointerException | DateTimeException | ArithmeticException e) {
            // a value the API types refuse (OBIS group, manufacturer field, ...): the record is not valid
            throw new RecordFormatException("record holds an invalid value: " + e.getMessage(), e);
        }
    }

    private Reading decodeReading(ByteSource in) throws RecordFormatException {
        int flags = in.readUnsignedByte("reading flags");
        if ((flags & 0xF0) != 0) {
            throw new RecordFormatException("reading flags 0x" + Integer.toHexString(flags) + " use reserved bits");
        }
        FunctionField function = FunctionField.ofBits(flags & 3);
        MeterAddress meter = readAddress(in);
        String quantity = readString(in, "quantity");
        Unit unit = unit(readString(in, "unit"));
        long scale = in.readZigZag("scale");
        if (scale < Integer.MIN_VALUE || scale > Integer.MAX_VALUE) {
            throw new RecordFormatException("scale " + scale + " is outside the int range");
        }
        BigDecimal value;
        if ((flags & UplinkEncoder.FLAG_BIG_UNSCALED) != 0) {
            int len = (int) in.readVarLong("unscaled value length", MAX_UNSCALED_BYTES);
            if (len == 0) {
                throw new RecordFormatException("unscaled value of zero bytes");
            }
            byte[] b = new byte[len];
            in.readBytes(b, 0, len, "unscaled value");
            value = new BigDecimal(new BigInteger(b), (int) scale);
        } else {
            value = BigDecimal.valueOf(in.readZigZag("unscaled value"), (int) scale);
        }
        long storage = in.readVarLong("storage number", Long.MAX_VALUE);
        int tariff = (int) in.readVarLong("tariff", Integer.MAX_VALUE);
        int subunit = (int) in.readVarLong("subunit", Integer.MAX_VALUE);
        Instant time = readTime(in);
        ObisCode obis = null;
        if ((flags & UplinkEncoder.FLAG_OBIS) != 0) {
            obis = new ObisCode(in.readUnsignedByte("OBIS A"), in.readUnsignedByte("OBIS B"), in.readUnsignedByte("OBIS C"),
                    in.readUnsignedByte("OBIS D"), in.readUnsignedByte("OBIS E"), in.readUnsignedByte("OBIS F"));
        }
        return new Reading(meter, quantity, value, unit, storage, tariff, subunit, function, time, obis);
    }

    private MeterEvent decodeEvent(ByteSource in) throws RecordFormatException {
        int flags = in.readUnsignedByte("event flags");
        if ((flags & ~UplinkEncoder.FLAG_EVENT_METER) != 0) {
            throw new RecordFormatException("event flags 0x" + Integer.toHexString(flags) + " use reserved bits");
        }
        String typeName = readString(in, "event type");
        EventType type = EVENT_TYPES.get(typeName);
        if (type == null) {
            throw new RecordFormatException("unknown event type " + typeName);
        }
        MeterAddress meter = (flags & UplinkEncoder.FLAG_EVENT_METER) != 0 ? readAddress(in) : null;
        String link = readString(in, "link");
        Instant time = readTime(in);
        String detail = readString(in, "detail");
        return new MeterEvent(type, meter, link, time, detail);
    }

    private MeterAddress readAddress(ByteSource in) throws RecordFormatException {
        long key = in.readLong("meter address");
        MeterAddress a = addresses.get(key);
        if (a == null) {
            int manufacturer = (int) (key >>> 48);
            char[] id = new char[8];
            for (int i = 0; i < 8; i++) {
                id[i] = HEX[(int) (key >>> (44 - 4 * i)) & 0xF];
            }
            a = new MeterAddress(new ManufacturerCode(manufacturer), new String(id), (int) (key >>> 8) & 0xFF, (int) key & 0xFF);
            addresses.put(key, a);
        }
        return a;
    }

    private static Instant readTime(ByteSource in) throws RecordFormatException {
        long seconds = in.readZigZag("epoch second");
        long nanos = in.readVarLong("nano of second", 999_999_999L);
        return Instant.ofEpochSecond(seconds, nanos);
    }

    private String readString(ByteSource in, String what) throws RecordFormatException {
        long tag = in.readVarLong(what);
        if ((tag & 1) != 0) {
            long id = tag >>> 1;
            if (id > Integer.MAX_VALUE) {
                throw new RecordFormatException(what + ": string reference " + id + " is out of range");
            }
            return dictionary.get((int) id);
        }
        long len = tag >>> 1;
        if (len > in.remaining()) {
            throw new RecordFormatException(what + ": string of " + len + " bytes but only " + in.remaining() + " left");
        }
        return in.readUtf8((int) len, what);
    }

    private Unit unit(String symbol) {
        Unit u = units.get(symbol);
        if (u == null) {
            u = new Unit(symbol);
            if (units.size() < UNIT_CACHE) { // plain-text VIF units are open-ended: bound the cache
                units.put(symbol, u);
            }
        }
        return u;
    }
}
