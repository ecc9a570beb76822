package org.metergate.store.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.metergate.api.reading.Uplink;
import org.metergate.store.testing.Samples;

/**
 * Whatever bytes a decoder is given, it returns an item or throws {@link RecordFormatException};
 * never an index, number-format or null-pointer exception.
 */
class UplinkDecoderRobustnessTest {

    private static void decodeOrFormatError(int type, byte[] b, int len, StringDictionary dict) {
        try {
            new UplinkDecoder(dict).decode(type, new ByteSource(b, 0, len));
        } catch (RecordFormatException expected) {
            assertThat(expected.getMessage()).isNotBlank();
        } catch (RuntimeException e) {
            fail("decoder threw " + e + " for " + Arrays.toString(Arrays.copyOf(b, len)), e);
        }
    }

    @Test
    void everyTruncationIsAFormatError() {
        for (Uplink u : Samples.items(0, 60)) {
            ByteSink s = new ByteSink(16);
            new UplinkEncoder(StringDictionary.seed(), null).encode(u, s);
            for (int len = 0; len < s.position(); len++) {
                int l = len;
                assertThatThrownBy(() -> new UplinkDecoder(StringDictionary.seed())
                        .decode(UplinkEncoder.typeOf(u), new ByteSource(s.array(), 0, l)))
                        .isInstanceOf(RecordFormatException.class);
            }
        }
    }

    @Test
    void trailingBytesAreAFormatError() {
        Uplink u = Samples.item(1);
        ByteSink s = new ByteSink(16);
        new UplinkEncoder(StringDictionary.EMPTY, null).encode(u, s);
        s.writeByte(0);
        assertThatThrownBy(() -> new UplinkDecoder(StringDictionary.EMPTY).decode(UplinkEncoder.typeOf(u),
                new ByteSource(s.array(), 0, s.position()))).isInstanceOf(RecordFormatException.class)
                .hasMessageContaining("left after");
    }

    @Test
    void unknownTypeAndDictionaryReferenceAreNamed() {
        assertThatThrownBy(() -> new UplinkDecoder(StringDictionary.EMPTY).decode(9, new ByteSource(new byte[4])))
                .isInstanceOf(RecordFormatException.class).hasMessageContaining("unknown record type 9");
        // a reading whose quantity refers to entry 5 of an empty dictionary
        byte[] b = {0, 0x2C, 0x2D, 0x12, 0x34, 0x56, 0x78, 1, 4, 11};
        assertThatThrownBy(() -> new UplinkDecoder(StringDictionary.EMPTY).decode(UplinkEncoder.TYPE_READING, new ByteSource(b)))
                .isInstanceOf(RecordFormatException.class).hasMessageContaining("string reference 5");
    }

    @Test
    void randomMutationsNeverEscapeAsOtherExceptions() {
        Random rnd = new Random(20240301);
        StringDictionary dict = StringDictionary.seed();
        for (int round = 0; round < 20_000; round++) {
            Uplink u = Samples.item(rnd.nextInt(1000));
            ByteSink s = new ByteSink(16);
            new UplinkEncoder(dict, null).encode(u, s);
            byte[] b = Arrays.copyOf(s.array(), s.position() + 8);
            int flips = 1 + rnd.nextInt(4);
            for (int i = 0; i < flips; i++) {
                b[rnd.nextInt(b.length)] = (byte) rnd.nextInt(256);
            }
            decodeOrFormatError(rnd.nextBoolean() ? UplinkEncoder.typeOf(u) : 1 + rnd.nextInt(2), b, s.position() + rnd.nextInt(9), dict);
        }
    }

    @Test
    void randomBytesNeverEscapeAsOtherExceptions() {
        Random rnd = new Random(7);
        for (int round = 0; round < 20_000; round++) {
            byte[] b = new byte[rnd.nextInt(64)];
            rnd.nextBytes(b);
            decodeOrFormatError(1 + rnd.nextInt(2), b, b.length, StringDictionary.seed());
        }
    }
}
