package org.metergate.benchmarks.mbus;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.metergate.mbus.Hex;
import org.metergate.mbus.MBusDecodeException;
import org.metergate.mbus.MBusDecoder;
import org.metergate.mbus.app.ApplicationMessage;
import org.metergate.mbus.app.VariableDataResponse;
import org.metergate.mbus.record.DataRecord;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.openmuc.jmbus.DataRecord.DataValueType;
import org.openmuc.jmbus.MBusMessage;
import org.openmuc.jmbus.VariableDataStructure;

/**
 * Decodes the libmbus corpus ({@code ../shared/corpus/mbus/libmbus/test-frames}: real RSP_UD long
 * frames of 60-odd meter models) with Metergate's codec and with jMBus 3.3.0 in the same run. One
 * operation is one pass over every frame both decoders accept, each frame decoded to records with
 * their values: Metergate's exact scaled BigDecimal, jMBus's data value and scaled double.
 *
 * <p>Run: {@code java -jar itests/benchmarks/target/benchmarks.jar org.metergate.benchmarks.mbus -f 1 -wi 3 -i 5}
 * from the project root (the corpus is found by walking up from the working directory; or give
 * {@code -jvmArgs -Dmetergate.corpus=/path/to/shared/corpus}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class MBusDecodeBenchmark {

    private byte[][] frames;

    @Setup
    public void loadCorpus() throws IOException {
        Path dir = corpus().resolve("mbus/libmbus/test-frames");
        List<byte[]> both = new ArrayList<>();
        int total = 0;
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : files.filter(f -> f.toString().endsWith(".hex")).sorted().toList()) {
                total++;
                byte[] frame;
                try {
                    frame = Hex.parse(Files.readString(p, StandardCharsets.ISO_8859_1));
                    MBusDecoder.decodeReadout(frame);
                } catch (MBusDecodeException e) {
                    continue;
                }
                try {
                    MBusMessage.decode(frame, frame.length).getVariableDataResponse().decode();
                } catch (Exception e) { // jMBus refuses a few (e.g. the fixed data structure): not in the set
                    continue;
                }
                both.add(frame);
            }
        }
        frames = both.toArray(new byte[0][]);
        System.out.println("MBusDecodeBenchmark: " + frames.length + " of " + total + " libmbus test frames decode with both");
    }

    @Benchmark
    public void metergate(Blackhole bh) throws MBusDecodeException {
        for (byte[] frame : frames) {
            ApplicationMessage m = MBusDecoder.decodeReadout(frame);
            if (m instanceof VariableDataResponse v) {
                for (DataRecord r : v.data().records()) {
                    bh.consume(r.value());
                }
            } else {
                bh.consume(m);
            }
        }
    }

    @Benchmark
    public void jmbus(Blackhole bh) throws Exception {
        for (byte[] frame : frames) {
            VariableDataStructure vds = MBusMessage.decode(frame, frame.length).getVariableDataResponse();
            vds.decode();
            for (org.openmuc.jmbus.DataRecord r : vds.getDataRecords()) {
                bh.consume(r.getDataValue());
                DataValueType t = r.getDataValueType();
                if (t == DataValueType.LONG || t == DataValueType.DOUBLE || t == DataValueType.BCD) {
                    bh.consume(r.getScaledDataValue());
                }
            }
        }
    }

    private static Path corpus() {
        String given = System.getProperty("metergate.corpus");
        if (given != null) {
            return Path.of(given);
        }
        Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        for (Path d = dir; d != null; d = d.getParent()) {
            if (Files.isDirectory(d.resolve("features")) && Files.isDirectory(d.resolve("bundles"))) {
                return d.resolve("../shared/corpus").normalize();
            }
        }
        throw new IllegalStateException("run from inside the project (or set -Dmetergate.corpus): no project root above " + dir);
    }
}
