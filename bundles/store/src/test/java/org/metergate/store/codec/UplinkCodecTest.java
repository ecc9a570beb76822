package org.metergate.store.codec;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.metergate.api.meter.DeviceType;
import org.metergate.api.meter.ManufacturerCode;
import org.metergate.api.meter.MeterAddress;
import org.metergate.api.reading.EventType;
import org.metergate.api.reading.FunctionField;
import org.metergate.api.reading.MeterEvent;
import org.metergate.api.reading.ObisCode;
import org.metergate.api.reading.Reading;
import org.metergate.api.reading.Unit;
import org.metergate.api.reading.Uplink;
import org.metergate.store.testing.Samples;

/** Every field of a reading and an event survives encoding and decoding exactly, with and without a dictionary. */
class UplinkCodecTest {

    private static final MeterAddress METER = Samples.KAMSTRUP_HEAT;
    private static final Instant T = Instant.parse("2024-03-01T12:00:00Z");

    private static Reading reading(String quantity, BigDecimal value, Unit unit, long storage, int tariff, int subunit,
                                   FunctionField f, Instant time, ObisCode obis) {
        return new Reading(METER, quantity, value, unit, storage, tariff, subunit, f, time, obis);
    }

    private static Uplink roundTrip(Uplink item, StringDictionary dict) throws RecordFormatException {
        ByteSink sink = new ByteSink(16);
        new UplinkEncoder(dict, new DictionaryLearner()).encode(item, sink);
        ByteSource src = new ByteSource(sink.array(), 0, sink.position());
        return new UplinkDecoder(dict).decode(UplinkEncoder.typeOf(item), src);
    }

    private static void assertRoundTrip(Uplink item) throws RecordFormatException {
        assertThat(roundTrip(item, StringDictionary.EMPTY)).isEqualTo(item);
        assertThat(roundTrip(item, StringDictionary.seed())).isEqualTo(item);
    }

    @Test
    void readingWithoutObis() throws Exception {
        assertRoundTrip(reading("energy", new BigDecimal("12345.678"), Unit.WATT_HOUR, 0, 0, 0, FunctionField.INSTANTANEOUS, T, null));
    }

    @Test
    void readingWithObis() throws Exception {
        assertRoundTrip(reading("energy", new BigDecimal("1.5"), Unit.WATT_HOUR, 0, 0, 0, FunctionField.INSTANTANEOUS, T,
                ObisCode.parse("1-0:1.8.0*255")));
        assertRoundTrip(reading("energy", BigDecimal.ONE, Unit.WATT_HOUR, 0, 0, 0, FunctionField.INSTANTANEOUS, T,
                new ObisCode(255, 255, 255, 255, 255, 255)));
        assertRoundTrip(reading("energy", BigDecimal.ONE, Unit.WATT_HOUR, 0, 0, 0, FunctionField.INSTANTANEOUS, T,
                new ObisCode(0, 0, 0, 0, 0, 0)));
    }

    @Test
    void negativeAndZeroValuesKeepTheirScale() throws Exception {
        for (String v : new String[] {"-1", "-0.001", "0", "0.000", "-273.15", "-9223372036854775808", "9223372036854775807"}) {
            Reading r = reading("temperature difference", new BigDecimal(v), Unit.KELVIN, 0, 0, 0, FunctionField.MINIMUM, T, null);
            Reading back = (Reading) roundTrip(r, StringDictionary.seed());
            assertThat(back).isEqualTo(r);
            assertThat(back.value().scale()).isEqualTo(r.value().scale()); // 0.000 stays 0.000, not 0
        }
    }

    @Test
    void valuesBeyondALongAndNegativeScales() throws Exception {
        BigDecimal huge = new BigDecimal(new BigInteger("123456789012345678901234567890123456789"), 7);
        BigDecimal negHuge = huge.negate();
        BigDecimal exponent = new BigDecimal("1E+5"); // scale -5
        BigDecimal tinyScale = new BigDecimal(BigInteger.ONE, Integer.MAX_VALUE);
        BigDecimal minScale = new BigDecimal(BigInteger.TEN, Integer.MIN_VALUE);
        for (BigDecimal v : List.of(huge, negHuge, exponent, tinyScale, minScale,
                new BigDecimal(BigInteger.ONE.shiftLeft(63)), new BigDecimal(BigInteger.ONE.shiftLeft(63).negate().subtract(BigInteger.ONE)))) {
            assertRoundTrip(reading("energy", v, Unit.JOULE, 0, 0, 0, FunctionField.MAXIMUM, T, null));
        }
    }

    @Test
    void storageTariffSubunitFullRange() throws Exception {
        assertRoundTrip(reading("volume", BigDecimal.TEN, Unit.CUBIC_METRE, Long.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE,
                FunctionField.VALUE_DURING_ERROR, T, null));
        assertRoundTrip(reading("volume", BigDecimal.TEN, Unit.CUBIC_METRE, 1L << 40, 15, 3, FunctionField.INSTANTANEOUS, T, null));
        assertRoundTrip(reading("volume", BigDecimal.TEN, Unit.CUBIC_METRE, 0, 0, 0, FunctionField.INSTANTANEOUS, T, null));
    }

    @Test
    void everyFunctionField() throws Exception {
        for (FunctionField f : FunctionField.values()) {
            assertRoundTrip(reading("power", BigDecimal.ONE, Unit.WATT, 0, 0, 0, f, T, null));
        }
    }

    @Test
    void nonAsciiAndUnknownStrings() throws Exception {
        assertRoundTrip(reading("flow temperature", new BigDecimal("21.5"), Unit.DEGREE_CELSIUS, 0, 0, 0, FunctionField.INSTANTANEOUS, T, null));
        assertRoundTrip(reading("Wärmemenge Zähler 2 – Σ", new BigDecimal("21.5"), new Unit("kWh/m² 😀"), 0, 0, 0,
                FunctionField.INSTANTANEOUS, T, null));
        assertRoundTrip(reading("", BigDecimal.ONE, Unit.NONE, 0, 0, 0, FunctionField.INSTANTANEOUS, T, null));
        assertRoundTrip(reading("x".repeat(5000), BigDecimal.ONE, new Unit("u".repeat(300)), 0, 0, 0, FunctionField.INSTANTANEOUS, T, null));
    }

    @Test
    void timesWithNanosAndBeforeTheEpoch() throws Exception {
        for (Instant t : List.of(Instant.EPOCH, Instant.ofEpochSecond(-1, 999_999_999), Instant.parse("1969-07-20T20:17:40.123456789Z"),
                Instant.parse("2100-01-01T00:00:00.000000001Z"), Instant.MIN, Instant.MAX)) {
            assertRoundTrip(reading("energy", BigDecimal.ONE, Unit.WATT_HOUR, 0, 0, 0, FunctionField.INSTANTANEOUS, t, null));
            assertRoundTrip(new MeterEvent(EventType.LEAK, METER, "wmbus", t, "leak"));
        }
    }

    @Test
    void everyAddressFieldValue() throws Exception {
        List<MeterAddress> addresses = new ArrayList<>();
        for (int id : new int[] {0, 1, 0x2C2D, 0x7FFF, 0x8000, 0xFFFF}) {
            addresses.add(new MeterAddress(new ManufacturerCode(id), "00000000", 0, 0));
        }
        addresses.add(new MeterAddress(ManufacturerCode.of("ZRI"), "FFFFFFFF", 255, 255));
        addresses.add(new MeterAddress(ManufacturerCode.of("ABB"), "9A0B1c2D", 0x80, 0x37));
        for (int type = 0; type < 256; type++) {
            addresses.add(new MeterAddress(ManufacturerCode.of("LSE"), "12345678", type, type));
        }
        for (MeterAddress a : addresses) {
            assertRoundTrip(new Reading(a, "volume", BigDecimal.ONE, Unit.CUBIC_METRE, 0, 0, 0, FunctionField.INSTANTANEOUS, T, null));
            assertRoundTrip(new MeterEvent(EventType.POWER_LOW, a, "", T, ""));
        }
    }

    @Test
    void everyEventTypeWithAndWithoutMeter() throws Exception {
        for (EventType type : EventType.values()) {
            assertRoundTrip(new MeterEvent(type, METER, "wmbus-t1", T, "status byte 0x04"));
            assertRoundTrip(new MeterEvent(type, null, "", T, ""));
            assertRoundTrip(new MeterEvent(type, null, "link ☃", T, "détail ünïcode °C"));
        }
    }

    @Test
    void dictionaryReferencesMakeRecordsSmaller() {
        Reading r = reading("flow temperature", new BigDecimal("21.5"), Unit.DEGREE_CELSIUS, 0, 0, 0, FunctionField.INSTANTANEOUS, T, null);
        ByteSink plain = new ByteSink(16);
        new UplinkEncoder(StringDictionary.EMPTY, null).encode(r, plain);
        ByteSink dict = new ByteSink(16);
        new UplinkEncoder(StringDictionary.seed(), null).encode(r, dict);
        // "flow temperature" (16+1 bytes) and "°C" (3+1 bytes) become one byte each
        assertThat(plain.position() - dict.position()).isEqualTo(16 + 3);
    }

    @Test
    void aDecoderKeepsWorkingAcrossDictionaries() throws Exception {
        StringDictionary d1 = StringDictionary.of(List.of("volume", "m3"));
        StringDictionary d2 = StringDictionary.of(List.of("m3", "volume"));
        Reading r = reading("volume", BigDecimal.ONE, Unit.CUBIC_METRE, 0, 0, 0, FunctionField.INSTANTANEOUS, T, null);
        UplinkDecoder dec = new UplinkDecoder(d1);
        for (StringDictionary d : List.of(d1, d2, d1)) {
            ByteSink s = new ByteSink(16);
            new UplinkEncoder(d, null).encode(r, s);
            dec.dictionary(d);
            assertThat(dec.decode(UplinkEncoder.TYPE_READING, new ByteSource(s.array(), 0, s.position()))).isEqualTo(r);
        }
    }

    @Test
    void sampleStreamRoundTrips() throws Exception {
        for (Uplink u : Samples.items(0, 500)) {
            assertRoundTrip(u);
        }
    }
}
