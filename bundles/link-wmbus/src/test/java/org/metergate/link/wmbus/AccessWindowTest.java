package org.metergate.link.wmbus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.Test;
import org.metergate.api.command.CommandRequest;
import org.metergate.api.command.CommandResult;
import org.metergate.api.command.MeterCommand;
import org.metergate.api.link.LinkStatus;
import org.metergate.api.meter.DeviceType;
import org.metergate.api.meter.MeterAddress;
import org.metergate.api.radio.RadioModeId;
import org.metergate.api.radio.Transceiver;
import org.metergate.api.radio.TransceiverListener;
import org.metergate.api.telegram.RawTelegram;
import org.metergate.api.telegram.ReceiveInfo;
import org.metergate.api.telegram.TelegramFormat;
import org.metergate.api.telegram.TelegramSink;
import org.metergate.wmbus.TelegramBuilder;
import org.metergate.wmbus.link.CField;

/**
 * EN 13757-4 bidirectional modes: a command for a C2 meter waits until the meter signals
 * accessibility in its configuration field, goes out in the meter's response window (C2, slow: about
 * 1000 ms after the meter's frame, as the radio mode's facts say) through the transceiver that heard
 * it, and is done when the meter answers.
 */
class AccessWindowTest {

    private final MeterAddress meter = MeterAddress.of("MGT", "12345678", 1, DeviceType.WATER);
    private static final byte[] RECORDS = {0x04, 0x13, 0x10, 0x27, 0x00, 0x00}; // volume 10 m3

    /** A radio that hears a simulated C2 meter, and lets the meter answer what the gateway sends it. */
    final class Radio implements Transceiver {
        volatile TransceiverListener listener;
        final List<byte[]> sent = Collections.synchronizedList(new ArrayList<>());
        final List<Long> sentAfterMillis = Collections.synchronizedList(new ArrayList<>());
        volatile Instant lastMeterFrame = Instant.EPOCH;
        volatile boolean answers = true;

        @Override public String id() { return "radio"; }
        @Override public Set<RadioModeId> supportedModes() { return EnumSet.of(RadioModeId.C1, RadioModeId.C2); }
        @Override public Set<RadioModeId> activeModes() { return supportedModes(); }
        @Override public void activate(Set<RadioModeId> modes) { }
        @Override public void setListener(TransceiverListener l) { listener = l; }
        @Override public LinkStatus status() { return null; }

        @Override
        public void send(RadioModeId mode, byte[] frame) throws IOException {
            sent.add(frame);
            sentAfterMillis.add(Duration.between(lastMeterFrame, Instant.now()).toMillis());
            if (answers) { // the meter answers a REQ_UD2 with RSP_UD
                meterSends(TelegramBuilder.meter(meter).control(new CField(0x08)).accessNumber(0x11).records(RECORDS)
                        .configurationFlags(0xC000).mode0().build());
            }
        }

        void meterSends(byte[] frame) {
            lastMeterFrame = Instant.now();
            listener.received(new RawTelegram(frame, TelegramFormat.WMBUS_NO_CRC,
                    new ReceiveInfo(lastMeterFrame, OptionalInt.of(-60), "", "C2", "radio")));
        }

        /** The meter's periodic frame; with the accessibility bit (configuration field bit 14) when it listens. */
        void periodic(int access, boolean accessible) {
            meterSends(TelegramBuilder.meter(meter).accessNumber(access).records(RECORDS)
                    .configurationFlags(accessible ? 0xC000 : 0x8000).mode0().build());
        }
    }

    private static final class Pipeline implements TelegramSink {
        final List<RawTelegram> got = Collections.synchronizedList(new ArrayList<>());

        @Override public void accept(RawTelegram t) { got.add(t); }
        @Override public boolean offer(RawTelegram t) { return got.add(t); }
    }

    private WirelessLink link(Pipeline p) {
        WirelessLink link = new WirelessLink(WirelessLinkTest.config("wmbus", "C1", "C2"), p);
        link.addMode(new org.metergate.radio.c.ModeC1());
        link.addMode(new org.metergate.radio.c.ModeC2());
        return link;
    }

    @Test
    void aReadWaitsForTheMetersAccessWindowAndIsDoneWhenItAnswers() throws Exception {
        Pipeline pipeline = new Pipeline();
        WirelessLink link = link(pipeline);
        Radio radio = new Radio();
        link.addTransceiver(radio);

        assertThat(link.reaches(meter)).as("not heard yet").isFalse();
        radio.periodic(1, false);
        assertThat(link.reaches(meter)).as("heard in C2, bidirectional").isTrue();

        CompletionStage<CommandResult> result = link.execute(new CommandRequest("r1", meter, new MeterCommand.OnDemandRead(),
                "hes", Instant.now().plusSeconds(30)));
        radio.periodic(2, false);
        Thread.sleep(200);
        assertThat(radio.sent).as("not accessible: nothing sent").isEmpty();

        radio.periodic(3, true);
        CommandResult r = result.toCompletableFuture().get(10, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(r.outcome()).isEqualTo(CommandResult.Outcome.DONE);
        assertThat(r.detail()).startsWith("answered with data");
        assertThat(radio.sent).hasSize(1);
        byte[] frame = radio.sent.get(0);
        assertThat(frame[1] & 0x5F).as("REQ_UD2").isEqualTo(0x5B);
        assertThat(HexFormat.of().formatHex(frame, 2, 10)).as("addressed to the meter: M and A fields")
                .isEqualTo(HexFormat.of().formatHex(DownlinkFrames.frame(0x5B, meter, new byte[0]), 2, 10));
        // C2 slow response: 999.5 to 1000.5 ms after the meter's frame; the link aims at the middle
        assertThat(radio.sentAfterMillis.get(0)).isBetween(950L, 1100L);
        assertThat(pipeline.got).as("the answer is uplink data too").hasSize(4);
        assertThat(link.status().detail()).contains("1 sent in the access window", "1 answered");
    }

    @Test
    void withoutAnAnswerTheCommandIsTriedInTheNextWindowsUntilItsDeadline() throws Exception {
        Pipeline pipeline = new Pipeline();
        WirelessLink link = link(pipeline);
        Radio radio = new Radio();
        radio.answers = false;
        link.addTransceiver(radio);
        radio.periodic(1, true);
        CompletionStage<CommandResult> result = link.execute(new CommandRequest("r2", meter,
                new MeterCommand.ClockSync(Instant.parse("2026-11-21T10:30:00Z")), "hes", Instant.now().plusSeconds(6)));
        radio.periodic(2, true);
        await().atMost(Duration.ofSeconds(5)).until(() -> radio.sent.size() == 1);
        await().atMost(Duration.ofSeconds(5)).pollDelay(Duration.ofMillis(1600)).until(() -> true); // answer window over
        radio.periodic(3, true);
        await().atMost(Duration.ofSeconds(5)).until(() -> radio.sent.size() == 2);
        byte[] sync = radio.sent.get(0);
        assertThat(sync[1] & 0x5F).as("SND_UD").isEqualTo(0x53);
        assertThat(sync[10] & 0xFF).as("CI: short header to the meter").isEqualTo(0x5A);
        assertThat(HexFormat.of().formatHex(sync, 15, 21)).as("date and time record, type F, 2026-11-21 10:30")
                .isEqualTo("046d1e0a553b");
        CommandResult r = result.toCompletableFuture().get(10, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(r.outcome()).isEqualTo(CommandResult.Outcome.TIMED_OUT);
        assertThat(r.detail()).contains("no answer after 2 attempt(s)");
    }

    @Test
    void commandsWithoutAStandardEncodingAreRefusedAtOnce() throws Exception {
        WirelessLink link = link(new Pipeline());
        CommandResult r = link.execute(new CommandRequest("r3", meter, new MeterCommand.ActuatorControl(
                MeterCommand.Actuator.VALVE, MeterCommand.Action.DISCONNECT), "hes", Instant.now().plusSeconds(5)))
                .toCompletableFuture().get();
        assertThat(r.outcome()).isEqualTo(CommandResult.Outcome.FAILED);
        assertThat(r.detail()).contains("no standard record for valve control");
    }
}
