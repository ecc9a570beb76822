package org.metergate.benchmarks.wmbus;

import java.io.IOException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.metergate.api.meter.MeterId;
import org.metergate.api.security.MeterKey;
import org.metergate.api.telegram.TelegramFormat;
import org.metergate.mbus.record.DataRecord;
import org.metergate.wmbus.WMBusDecoder;
import org.metergate.wmbus.WMBusException;
import org.metergate.wmbus.WMBusTelegram;
import org.metergate.wmbus.security.SecurityStatus;
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
import org.openmuc.jmbus.SecondaryAddress;
import org.openmuc.jmbus.VariableDataStructure;
import org.openmuc.jmbus.wireless.WMBusMessage;

/**
 * Decodes the wireless telegrams of the wmbusmeters corpus ({@code ../shared/corpus/wmbus/wmbusmeters-public.jsonl})
 * with Metergate's codec and with jMBus 3.3.0 in the same run, in two sets:
 * <ul>
 * <li>keyed: security mode 5 telegrams with their key (AES-128-CBC decryption, 2F2F check, records);</li>
 * <li>plain: unencrypted telegrams (no TPL security, no ELL encryption).</li>
 * </ul>
 * Only telegrams both decoders accept are in a set. One operation is one pass over a set, every telegram
 * decoded from its bytes (link layer, transport, security) to records with their values: Metergate's
 * exact BigDecimal, jMBus's data value and scaled double. Both read the frames as wM-Bus sticks deliver
 * them and as the corpus stores them: without link-layer CRCs (Metergate is told so with
 * {@code TelegramFormat.WMBUS_NO_CRC}, as a radio driver does; jMBus assumes it). Metergate runs with its
 * default options (replay detection and the compact-frame cache on, as in the gateway); jMBus's decoder
 * ({@code WMBusMessage.decode(byte[], Integer, Map)}) is package-private and called through a method handle.
 *
 * <p>Run: {@code java -jar itests/benchmarks/target/benchmarks.jar WMBusDecodeBenchmark -f 1 -wi 3 -i 5}
 * from the project root (or give {@code -jvmArgs -Dmetergate.corpus=/path/to/shared/corpus}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class WMBusDecodeBenchmark {

    private static final Pattern TELEGRAM = Pattern.compile("\"telegram\": \"([0-9A-Fa-f]+)\"");
    private static final Pattern KEY = Pattern.compile("\"key\": \"([0-9A-Fa-f]{32})\"");

    private byte[][] keyed;
    private byte[][] plain;
    private WMBusDecoder metergate;
    private Map<SecondaryAddress, byte[]> jmbusKeys;
    private MethodHandle jmbusDecode;

    @Setup
    public void loadCorpus() throws Throwable {
        Method m = WMBusMessage.class.getDeclaredMethod("decode", byte[].class, Integer.class, Map.class);
        m.setAccessible(true);
        jmbusDecode = MethodHandles.lookup().unreflect(m)
                .asType(MethodType.methodType(WMBusMessage.class, byte[].class, Integer.class, Map.class));

        Map<MeterId, MeterKey> keys = new HashMap<>();
        jmbusKeys = new HashMap<>();
        List<byte[]> keyedSet = new ArrayList<>();
        List<byte[]> plainSet = new ArrayList<>();
        List<String> lines = Files.readAllLines(corpus().resolve("wmbus/wmbusmeters-public.jsonl"));
        int wireless = 0;
        for (String line : lines) {
            Matcher t = TELEGRAM.matcher(line);
            if (!t.find()) {
                continue;
            }
            byte[] frame = HexFormat.of().parseHex(t.group(1));
            if ((frame[0] & 0xFF) == 0x68) {
                continue; // wired M-Bus
            }
            wireless++;
            Matcher k = KEY.matcher(line);
            String key = k.find() ? k.group(1) : null;
            WMBusDecoder probe = new WMBusDecoder(id -> Optional.ofNullable(key).map(MeterKey::ofHex));
            WMBusTelegram decoded;
            try {
                decoded = probe.decode(frame, TelegramFormat.WMBUS_NO_CRC);
                probe.decode(frame, TelegramFormat.WMBUS_NO_CRC); // and again: a set only holds telegrams that decode repeatedly
            } catch (WMBusException e) {
                continue;
            }
            Map<SecondaryAddress, byte[]> jk = new HashMap<>();
            if (key != null) {
                jk.put(SecondaryAddress.newFromWMBusHeader(frame, 2), HexFormat.of().parseHex(key));
            }
            if (!jmbusDecodes(frame, jk)) {
                continue;
            }
            SecurityStatus status = decoded.security().status();
            if (key != null && status == SecurityStatus.DECRYPTED && decoded.security().modeCode() == 5
                    && !decoded.security().ellEncrypted()) {
                keyedSet.add(frame);
                keys.put(decoded.meter().meterId(), MeterKey.ofHex(key));
                jmbusKeys.putAll(jk);
            } else if (key == null && status == SecurityStatus.NOT_ENCRYPTED) {
                plainSet.add(frame);
            }
        }
        keyed = keyedSet.toArray(new byte[0][]);
        plain = plainSet.toArray(new byte[0][]);
        metergate = new WMBusDecoder(id -> Optional.ofNullable(keys.get(id)));
        System.out.println("WMBusDecodeBenchmark: of " + wireless + " wireless telegrams, " + keyed.length
                + " keyed (mode 5) and " + plain.length + " plain decode with both");
    }

    private boolean jmbusDecodes(byte[] frame, Map<SecondaryAddress, byte[]> keys) {
        try {
            for (int i = 0; i < 2; i++) {
                WMBusMessage msg = (WMBusMessage) jmbusDecode.invokeExact(frame.clone(), (Integer) 0, keys);
                msg.getVariableDataResponse().decode();
            }
            return true;
        } catch (Throwable e) { // jMBus refuses ELL, AFL, compact frames and more: not in the sets
            return false;
        }
    }

    @Benchmark
    public void metergateKeyed(Blackhole bh) throws WMBusException {
        metergate(keyed, bh);
    }

    @Benchmark
    public void jmbusKeyed(Blackhole bh) throws Throwable {
        jmbus(keyed, jmbusKeys, bh);
    }

    @Benchmark
    public void metergatePlain(Blackhole bh) throws WMBusException {
        metergate(plain, bh);
    }

    @Benchmark
    public void jmbusPlain(Blackhole bh) throws Throwable {
        jmbus(plain, Map.of(), bh);
    }

    private void metergate(byte[][] set, Blackhole bh) throws WMBusException {
        for (byte[] frame : set) {
            WMBusTelegram t = metergate.decode(frame, TelegramFormat.WMBUS_NO_CRC);
            for (DataRecord r : t.records()) {
                bh.consume(r.value());
            }
        }
    }

    private void jmbus(byte[][] set, Map<SecondaryAddress, byte[]> keys, Blackhole bh) throws Throwable {
        for (byte[] frame : set) {
            WMBusMessage msg = (WMBusMessage) jmbusDecode.invokeExact(frame, (Integer) 0, keys);
            VariableDataStructure vds = msg.getVariableDataResponse();
            vds.decode();
            for (org.openmuc.jmbus.DataRecord r : vds.getDataRecords()) {
                bh.consume(r.getDataValue());
                DataValueType type = r.getDataValueType();
                if (type == DataValueType.LONG || type == DataValueType.DOUBLE || type == DataValueType.BCD) {
                    bh.consume(r.getScaledDataValue());
                }
            }
        }
    }

    private static Path corpus() throws IOException {
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
        throw new IOException("run from inside the project (or set -Dmetergate.corpus): no project root above " + dir);
    }
}
