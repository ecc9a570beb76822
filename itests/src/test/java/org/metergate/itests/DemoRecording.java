package org.metergate.itests;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.jar.JarFile;
import org.metergate.api.meter.MeterId;
import org.metergate.api.security.MeterKey;
import org.metergate.mbus.record.DataRecord;
import org.metergate.mbus.record.DataValue;
import org.metergate.mbus.record.ValueKind;
import org.metergate.wmbus.WMBusDecoder;
import org.metergate.wmbus.WMBusTelegram;

/**
 * The readings the demo recording holds, worked out in the test JVM straight from the codec: the
 * telegrams of the replay bundle's recording, decoded with the demo keys, every exact measured value.
 * What a gateway journals must match this, reading for reading.
 */
final class DemoRecording {

    private DemoRecording() {
    }

    /** {@code meter|value|unit|storage} of every measured value, in recording order. */
    static List<String> expectedReadings(Path home) throws Exception {
        Map<MeterId, MeterKey> keys = new HashMap<>();
        for (String line : Files.readAllLines(home.resolve("conf/demo-keys.txt"))) {
            String t = line.strip();
            if (!t.isEmpty() && !t.startsWith("#")) {
                String[] f = t.split("\\s+");
                keys.put(MeterId.parse(f[0]), MeterKey.ofHex(f[1]));
            }
        }
        WMBusDecoder decoder = new WMBusDecoder(id -> Optional.ofNullable(keys.get(id)));
        List<String> expected = new ArrayList<>();
        Path bundle;
        try (var files = Files.list(home.resolve("bundles/org.metergate"))) {
            bundle = files.filter(p -> p.getFileName().toString().startsWith("org.metergate.driver.replay-")).findFirst().orElseThrow();
        }
        try (JarFile jar = new JarFile(bundle.toFile());
             InputStream in = jar.getInputStream(jar.getEntry("org/metergate/driver/replay/demo.replay"));
             BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] cols = line.trim().split("\\s+");
                WMBusTelegram t = decoder.decode(HexFormat.of().parseHex(cols[4]));
                for (DataRecord rec : t.records()) {
                    if (rec.valueInformation().kind() == ValueKind.NUMBER && rec.value() instanceof DataValue.Numeric n) {
                        expected.add(key(t.meter().toString(), n.value(), rec.unit().symbol(), rec.storage()));
                    }
                }
            }
        }
        return expected;
    }

    static String key(String meter, java.math.BigDecimal value, String unit, long storage) {
        return meter + "|" + value.stripTrailingZeros().toPlainString() + "|" + unit + "|" + storage;
    }
}
