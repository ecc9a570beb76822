package org.metergate.link.wmbus;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.annotation.Annotation;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.metergate.api.link.InterfaceTag;
import org.metergate.api.link.LinkState;
import org.metergate.api.link.LinkStatus;
import org.metergate.api.radio.RadioModeId;
import org.metergate.api.radio.Transceiver;
import org.metergate.api.radio.TransceiverListener;
import org.metergate.api.telegram.RawTelegram;
import org.metergate.api.telegram.ReceiveInfo;
import org.metergate.api.telegram.TelegramFormat;
import org.metergate.api.telegram.TelegramSink;

class WirelessLinkTest {

    static WirelessLinkConfig config(String id, String... modes) {
        return new WirelessLinkConfig() {
            @Override public Class<? extends Annotation> annotationType() { return WirelessLinkConfig.class; }
            @Override public String metergate_link_id() { return id; }
            @Override public String[] modes() { return modes; }
            @Override public String transceiver_target() { return "(metergate.transceiver.id=*)"; }
            @Override public String metergate_interface() { return "M"; }
            @Override public String meter_time_zone() { return "UTC"; }
            @Override public long answer_grace_ms() { return 300; }
        };
    }

    static final class Stick implements Transceiver {
        final Set<RadioModeId> supported;
        Set<RadioModeId> active = Set.of();
        TransceiverListener listener;

        Stick(RadioModeId... supported) {
            this.supported = EnumSet.copyOf(List.of(supported));
        }

        @Override public String id() { return "stick"; }
        @Override public Set<RadioModeId> supportedModes() { return supported; }
        @Override public Set<RadioModeId> activeModes() { return active; }
        @Override public void activate(Set<RadioModeId> modes) { active = modes; }
        @Override public void setListener(TransceiverListener l) { listener = l; }
        @Override public void send(RadioModeId mode, byte[] frame) throws IOException { throw new IOException("no"); }
        @Override public LinkStatus status() { return null; }
        boolean paced;
        @Override public boolean paced() { return paced; }

        void hear(int b) {
            hear(b, "T1");
        }

        void hear(int b, String mode) {
            listener.received(new RawTelegram(new byte[] {(byte) b}, TelegramFormat.WMBUS_NO_CRC,
                    new ReceiveInfo(Instant.EPOCH, OptionalInt.of(-70), "", mode, "stick")));
        }
    }

    static final class Sink implements TelegramSink {
        final List<RawTelegram> got = new ArrayList<>();
        int room = Integer.MAX_VALUE;

        @Override public void accept(RawTelegram t) { got.add(t); }

        @Override public boolean offer(RawTelegram t) {
            if (room-- <= 0) {
                return false;
            }
            got.add(t);
            return true;
        }
    }

    @Test
    void aTransceiverIsSwitchedToTheConfiguredModesItSupportsAndItsFramesReachThePipelineStamped() {
        Sink sink = new Sink();
        WirelessLink link = new WirelessLink(config("wmbus-1", "T1", "C1"), sink);
        link.addMode(new org.metergate.radio.t.ModeT1());
        link.addMode(new org.metergate.radio.c.ModeC1());
        Stick stick = new Stick(RadioModeId.T1, RadioModeId.S1);
        link.addTransceiver(stick);
        assertThat(stick.active).containsExactly(RadioModeId.T1);
        stick.hear(1);
        stick.hear(2);
        assertThat(sink.got).extracting(t -> t.info().link()).containsOnly("wmbus-1");
        assertThat(sink.got).extracting(t -> t.info().receiver()).containsOnly("stick");
        LinkStatus s = link.status();
        assertThat(s.state()).isEqualTo(LinkState.UP);
        assertThat(s.received()).isEqualTo(2);
        assertThat(link.interfaceTag()).isEqualTo(InterfaceTag.M);
    }

    @Test
    void aModeIsReceivedOnlyWhileItsRadioModeBundleIsDeployed() {
        Sink sink = new Sink();
        WirelessLink link = new WirelessLink(config("l", "T1", "C1"), sink);
        Stick stick = new Stick(RadioModeId.T1, RadioModeId.C1);
        link.addTransceiver(stick);
        assertThat(stick.listener).as("no mode deployed yet").isNull();
        assertThat(link.status().detail()).contains("none of the configured modes [T1, C1] is deployed");

        var t1 = new org.metergate.radio.t.ModeT1();
        var c1 = new org.metergate.radio.c.ModeC1();
        link.addMode(t1);
        link.addMode(c1);
        assertThat(stick.active).containsExactlyInAnyOrder(RadioModeId.T1, RadioModeId.C1);
        stick.hear(1, "T1");
        stick.hear(2, "C1");
        assertThat(sink.got).hasSize(2);

        link.removeMode(t1); // the mode T bundle stops
        assertThat(stick.active).containsExactly(RadioModeId.C1);
        stick.hear(3, "T1"); // still in the air while the stick switches
        stick.hear(4, "C1");
        assertThat(sink.got).extracting(t -> t.byteAt(0)).containsExactly(1, 2, 4);
        assertThat(link.status().detail()).contains("1 frames of switched-off modes not taken");

        link.addMode(t1); // and comes back
        assertThat(stick.active).containsExactlyInAnyOrder(RadioModeId.T1, RadioModeId.C1);
        stick.hear(5, "T1");
        assertThat(sink.got).extracting(t -> t.byteAt(0)).containsExactly(1, 2, 4, 5);
    }

    @Test
    void whatThePipelineCannotTakeIsCountedAsDropped() {
        Sink sink = new Sink();
        sink.room = 1;
        WirelessLink link = new WirelessLink(config("l", "T1"), sink);
        link.addMode(new org.metergate.radio.t.ModeT1());
        Stick stick = new Stick(RadioModeId.T1);
        link.addTransceiver(stick);
        stick.hear(1);
        stick.hear(2);
        assertThat(link.status().dropped()).isEqualTo(1);
        assertThat(link.status().state()).isEqualTo(LinkState.DEGRADED);
    }

    @Test
    void aPacedSourceWaitsForThePipelineInsteadOfDropping() {
        Sink sink = new Sink();
        sink.room = 0; // offer would refuse everything
        WirelessLink link = new WirelessLink(config("l", "T1"), sink);
        link.addMode(new org.metergate.radio.t.ModeT1());
        Stick recording = new Stick(RadioModeId.T1);
        recording.paced = true;
        link.addTransceiver(recording);
        recording.hear(1);
        recording.hear(2);
        assertThat(sink.got).hasSize(2);
        assertThat(link.status().dropped()).isZero();
    }

    @Test
    void aTransceiverWithoutAnyWantedModeIsLeftAloneAndOneThatGoesIsReleased() {
        WirelessLink link = new WirelessLink(config("l", "C1"), new Sink());
        link.addMode(new org.metergate.radio.c.ModeC1());
        Stick s1 = new Stick(RadioModeId.S1);
        link.addTransceiver(s1);
        assertThat(s1.listener).isNull();
        assertThat(link.status().state()).isEqualTo(LinkState.DOWN);
        assertThat(link.status().detail()).contains("supports none of [C1]");

        Stick c = new Stick(RadioModeId.C1);
        link.addTransceiver(c);
        assertThat(c.listener).isNotNull();
        link.removeTransceiver(c);
        assertThat(c.listener).isNull();
        assertThat(link.status().state()).isEqualTo(LinkState.DOWN);
    }
}
