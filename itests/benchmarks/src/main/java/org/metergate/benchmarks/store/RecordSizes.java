package org.metergate.benchmarks.store;

import java.util.List;
import java.util.Random;
import org.metergate.api.reading.Uplink;
import org.metergate.store.codec.ByteSink;
import org.metergate.store.codec.DictionaryLearner;
import org.metergate.store.codec.StringDictionary;
import org.metergate.store.codec.UplinkEncoder;

/**
 * Does the per-segment string dictionary pay off? Encodes the benchmark workload without a
 * dictionary, with the seed dictionary of a first segment and with a learned one, and prints the
 * bytes per reading (record body plus the 17 bytes of frame: length, CRC32C, sequence, kind).
 *
 * <pre>java -cp itests/benchmarks/target/benchmarks.jar org.metergate.benchmarks.store.RecordSizes</pre>
 */
public final class RecordSizes {

    private static final int FRAME = 17;

    private RecordSizes() {
    }

    public static void main(String[] args) {
        List<Uplink> work = Telegrams.batch(new Random(1), 20_000);
        DictionaryLearner learner = new DictionaryLearner();
        double none = perRecord(work, StringDictionary.EMPTY, learner);
        double seed = perRecord(work, StringDictionary.seed(), null);
        double learned = perRecord(work, learner.build(StringDictionary.EMPTY), null);
        System.out.printf("bytes per reading (incl. %d bytes framing): no dictionary %.1f, seed dictionary %.1f, learned %.1f%n",
                FRAME, none, seed, learned);
    }

    private static double perRecord(List<Uplink> work, StringDictionary dict, DictionaryLearner learner) {
        UplinkEncoder enc = new UplinkEncoder(dict, learner);
        ByteSink sink = new ByteSink(1 << 20);
        long total = 0;
        for (Uplink u : work) {
            sink.reset();
            enc.encode(u, sink);
            total += sink.position() + FRAME;
        }
        return total / (double) work.size();
    }
}
