package org.metergate.headend.mqtt.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.WireFormat;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PayloadCodecTest {

    private static KuraPayload sample() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("request.id", "r-1");
        m.put("long", 1L << 40);
        m.put("int", 7);
        m.put("double", 0.25);
        m.put("float", 1.5f);
        m.put("bool", true);
        m.put("bytes", new byte[] {1, 2, 3});
        return new KuraPayload(Instant.ofEpochMilli(1_732_190_000_123L), KuraPosition.of(52.5, 13.4), m,
                "{\"a\":[1,2]}".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void protobufRoundTripKeepsEveryType() throws Exception {
        KuraPayload p = sample();
        for (boolean gz : new boolean[] {false, true}) {
            PayloadCodec.Decoded d = PayloadCodec.decode(PayloadCodec.encode(p, PayloadFormat.KURA_PROTOBUF, gz));
            assertThat(d.format()).isEqualTo(PayloadFormat.KURA_PROTOBUF);
            assertThat(d.gzipped()).isEqualTo(gz);
            assertThat(d.payload()).isEqualTo(p);
        }
    }

    @Test
    void protobufFollowsKurasWireFormat() throws Exception {
        // field 1 timestamp (varint), field 5000 metrics (length-delimited), field 5001 body: Kura's field numbers
        KuraPayload p = new KuraPayload(Instant.ofEpochMilli(5), null, Map.of("n", 3), new byte[] {9});
        CodedInputStream in = CodedInputStream.newInstance(PayloadCodec.encode(p, PayloadFormat.KURA_PROTOBUF, false));
        int tag = in.readTag();
        assertThat(WireFormat.getTagFieldNumber(tag)).isEqualTo(1);
        assertThat(in.readInt64()).isEqualTo(5);
        tag = in.readTag();
        assertThat(WireFormat.getTagFieldNumber(tag)).isEqualTo(5000);
        byte[] metric = in.readByteArray();
        // KuraMetric: name=1 "n", type=2 INT32(3), int_value=6 3
        assertThat(HexFormat.of().formatHex(metric)).isEqualTo("0a016e10033003");
        tag = in.readTag();
        assertThat(WireFormat.getTagFieldNumber(tag)).isEqualTo(5001);
        assertThat(in.readByteArray()).containsExactly(9);
    }

    @Test
    void jsonRoundTripWithTheDocumentedShape() throws Exception {
        KuraPayload p = sample();
        byte[] json = PayloadCodec.encode(p, PayloadFormat.JSON, false);
        String text = new String(json, StandardCharsets.UTF_8);
        assertThat(text).startsWith("{\"sentOn\":1732190000123,\"position\":{\"latitude\":52.5,\"longitude\":13.4")
                .contains("\"metrics\":{\"request.id\":\"r-1\",\"long\":1099511627776,\"int\":7,\"double\":0.25,\"float\":1.5,"
                        + "\"bool\":true,\"bytes\":{\"bytes\":\"AQID\"}}")
                .endsWith(",\"body\":{\"a\":[1,2]}}");
        KuraPayload back = PayloadCodec.decode(json).payload();
        // JSON has one integer and one floating type: ints come back as longs, floats as doubles
        assertThat(back.metrics()).containsEntry("int", 7L).containsEntry("float", 1.5d).containsEntry("long", 1L << 40);
        assertThat(back.body()).isEqualTo(p.body());
        assertThat(PayloadCodec.decode(PayloadCodec.encode(p, PayloadFormat.JSON, true)).gzipped()).isTrue();
    }

    @Test
    void aBodyThatIsNotJsonGoesInBase64() throws Exception {
        KuraPayload p = new KuraPayload(null, null, Map.of(), new byte[] {(byte) 0xFF, 0});
        String text = new String(PayloadCodec.encode(p, PayloadFormat.JSON, false), StandardCharsets.UTF_8);
        assertThat(text).isEqualTo("{\"metrics\":{},\"body64\":\"/wA=\"}");
        assertThat(PayloadCodec.decode(text.getBytes(StandardCharsets.UTF_8)).payload().body()).containsExactly(0xFF, 0);
    }

    /** A chunk of a package can start like JSON; it must come back byte for byte all the same. */
    @Test
    void aBodyThatOnlyStartsLikeJsonOrIsSpacedDifferentlyComesBackExactly() throws Exception {
        byte[] chunk = new byte[1024];
        new java.util.Random(7).nextBytes(chunk);
        System.arraycopy("[0]".getBytes(StandardCharsets.US_ASCII), 0, chunk, 0, 3);
        byte[] spaced = "{ \"a\": [1, 2] }".getBytes(StandardCharsets.UTF_8);
        for (byte[] body : new byte[][] {chunk, spaced, "{}x".getBytes(StandardCharsets.UTF_8)}) {
            KuraPayload p = new KuraPayload(null, null, Map.of(), body);
            String text = new String(PayloadCodec.encode(p, PayloadFormat.JSON, false), StandardCharsets.UTF_8);
            assertThat(text).contains("\"body64\"");
            assertThat(PayloadCodec.decode(text.getBytes(StandardCharsets.UTF_8)).payload().body()).isEqualTo(body);
        }
    }

    @Test
    void badPayloadsAreTypedErrors() {
        assertThatThrownBy(() -> PayloadCodec.decode("{\"metrics\": [1]}".getBytes())).isInstanceOf(PayloadException.class)
                .hasMessageContaining("metrics must be an object");
        assertThatThrownBy(() -> PayloadCodec.decode("{\"metrics\": {\"a\": null}}".getBytes())).isInstanceOf(PayloadException.class)
                .hasMessageContaining("metric a must be");
        assertThatThrownBy(() -> PayloadCodec.decode("{\"a\":1,\"a\":2}".getBytes())).isInstanceOf(PayloadException.class);
        assertThatThrownBy(() -> PayloadCodec.decode("{oops".getBytes())).isInstanceOf(PayloadException.class)
                .hasMessageContaining("not valid JSON");
        assertThatThrownBy(() -> PayloadCodec.decode(new byte[] {(byte) 0xC2, (byte) 0xB8, 0x02, 0x03})).isInstanceOf(PayloadException.class)
                .hasMessageContaining("neither JSON nor a valid Kura protobuf");
        assertThatThrownBy(() -> PayloadCodec.decode(new byte[] {0x1F, (byte) 0x8B, 1, 2})).isInstanceOf(PayloadException.class)
                .hasMessageContaining("broken gzip");
        // a required field missing (metric without type)
        assertThatThrownBy(() -> PayloadCodec.decode(HexFormat.of().parseHex("c2b802030a0161"))).isInstanceOf(PayloadException.class);
        assertThatThrownBy(() -> PayloadCodec.decode(PayloadCodec.gzip(new byte[PayloadCodec.MAX_PAYLOAD_BYTES + 10])))
                .isInstanceOf(PayloadException.class).hasMessageContaining("inflates beyond");
    }
}
