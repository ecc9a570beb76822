package org.metergate.store.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.metergate.store.codec.RecordFormatException;
import org.metergate.store.codec.StringDictionary;

class SmallPartsTest {

    @TempDir
    Path dir;

    @Test
    void slotFileKeepsTheNewerSlotWhenTheOtherIsTorn() throws Exception {
        Path f = dir.resolve("x.cursor");
        try (SlotFile s = SlotFile.create(f, 42, -1, true)) {
            assertThat(s.value()).isEqualTo(-1);
            s.write(10);
            s.write(20);
        }
        try (SlotFile s = SlotFile.open(f, 42, true)) {
            assertThat(s.value()).isEqualTo(20);
        }
        // generation 3 (value 20) sits in slot 1; tear it: the value before it comes back
        byte[] b = Files.readAllBytes(f);
        b[SlotFile.SLOT + 15] ^= 0x40;
        Files.write(f, b);
        try (SlotFile s = SlotFile.open(f, 42, true)) {
            assertThat(s.value()).isEqualTo(10);
            s.write(30); // goes into the torn slot and repairs it
        }
        try (SlotFile s = SlotFile.open(f, 42, true)) {
            assertThat(s.value()).isEqualTo(30);
        }
        assertThatThrownBy(() -> SlotFile.open(f, 43, true)).isInstanceOf(IOException.class).hasMessageContaining("no valid slot");
        Files.write(f, new byte[3]);
        assertThatThrownBy(() -> SlotFile.open(f, 42, true)).isInstanceOf(IOException.class);
    }

    @Test
    void consumerNamesMapBothWays() {
        for (String id : List.of("head-end", "a", "display_1", "MQTT/peer #2", "..", ".", "ü☃", "a%41")) {
            String file = ConsumerNames.fileName(id);
            assertThat(file).matches("[A-Za-z0-9_%-]+\\.cursor");
            assertThat(ConsumerNames.idOf(file)).isEqualTo(id);
        }
        assertThat(ConsumerNames.fileName("")).isNull();
        assertThat(ConsumerNames.fileName(null)).isNull();
        assertThat(ConsumerNames.fileName("☃".repeat(100))).isNull(); // 900 characters encoded
        assertThat(ConsumerNames.idOf("x.txt")).isNull();
        assertThat(ConsumerNames.idOf("%4.cursor")).isNull();
        assertThat(ConsumerNames.idOf("%41.cursor")).isNull(); // 'A' is written plain, so this is no name of ours
        assertThat(ConsumerNames.idOf("a b.cursor")).isNull();
    }

    @Test
    void segmentHeaderRoundTripsAndRefusesDamage() throws Exception {
        SegmentHeader h = SegmentHeader.create(123_456_789L, 1_700_000_000_000L, StringDictionary.seed());
        Path f = dir.resolve(Segment.fileName(123_456_789L));
        Files.write(f, h.bytes());
        try (FileChannel ch = FileChannel.open(f, StandardOpenOption.READ)) {
            SegmentHeader back = SegmentHeader.read(ch);
            assertThat(back.firstSequence()).isEqualTo(123_456_789L);
            assertThat(back.createdMillis()).isEqualTo(1_700_000_000_000L);
            assertThat(back.dictionary()).isEqualTo(StringDictionary.seed());
            assertThat(back.length()).isEqualTo(h.length());
        }
        byte[] b = h.bytes();
        for (int i = 0; i < b.length; i++) {
            byte[] d = b.clone();
            d[i] ^= 0x10;
            Files.write(f, d);
            try (FileChannel ch = FileChannel.open(f, StandardOpenOption.READ)) {
                assertThatThrownBy(() -> SegmentHeader.read(ch)).as("byte " + i).isInstanceOf(RecordFormatException.class);
            }
        }
        Files.write(f, java.util.Arrays.copyOf(b, b.length - 1));
        try (FileChannel ch = FileChannel.open(f, StandardOpenOption.READ)) {
            assertThatThrownBy(() -> SegmentHeader.read(ch)).isInstanceOf(RecordFormatException.class).hasMessageContaining("ends inside");
        }
    }

    @Test
    void segmentNames() {
        assertThat(Segment.fileName(42)).isEqualTo("00000000000000000042.seg");
        assertThat(Segment.baseOf("00000000000000000042.seg")).isEqualTo(42);
        assertThat(Segment.baseOf("42.seg")).isEqualTo(-1);
        assertThat(Segment.baseOf("99999999999999999999.seg")).isEqualTo(-1);
        assertThat(Segment.baseOf("00000000000000000042.seg.tmp")).isEqualTo(-1);
    }

    @Test
    void optionsRefuseNonsense() {
        assertThatThrownBy(() -> JournalOptions.builder(dir).segmentBytes(100).build()).hasMessageContaining("segmentBytes");
        assertThatThrownBy(() -> JournalOptions.builder(dir).segmentBytes(1 << 20).retentionMaxBytes(1 << 20).build())
                .hasMessageContaining("at least two segments");
        assertThatThrownBy(() -> JournalOptions.builder(dir).groupCommitMaxWait(java.time.Duration.ofSeconds(2)).build())
                .hasMessageContaining("groupCommitMaxWait");
        assertThatThrownBy(() -> JournalOptions.builder(dir).maxRecordBytes(1 << 20).maxPendingBytes(1000).build())
                .hasMessageContaining("maxPendingBytes");
    }
}
