package org.metergate.wmbus.transport;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.metergate.api.meter.DeviceType;
import org.metergate.api.meter.MeterAddress;
import org.metergate.wmbus.TelegramBuilder;
import org.metergate.wmbus.WMBusDecoder;
import org.metergate.wmbus.WMBusException;
import org.metergate.wmbus.WMBusTelegram;

/**
 * Repeater hop information (EN 13757-5 relaying, carried in EN 13757-4/-7 fields): a repeater sets the H
 * bit of the ELL communication control (bit 4) or, without ELL, the H bit of the TPL configuration field
 * of modes 0-5 (bit 0); R (repeated access) is bit 1 of the configuration field and of the CC-field.
 */
class RepeaterHopInformationTest {

    static final MeterAddress METER = MeterAddress.of("ELS", "12345678", 0x33, DeviceType.GAS);
    static final byte[] RECORDS = {0x0C, 0x14, 0x27, 0x04, (byte) 0x85, 0x02};

    @Test
    void hopCounterOfTheConfigurationField() throws WMBusException {
        WMBusTelegram direct = WMBusDecoder.withoutKeys().decode(TelegramBuilder.meter(METER).records(RECORDS).build());
        WMBusTelegram relayed = WMBusDecoder.withoutKeys().decode(
                TelegramBuilder.meter(METER).records(RECORDS).configurationFlags(0x0003).build());
        assertThat(direct.relayed()).isFalse();
        assertThat(relayed.relayed()).isTrue();
        assertThat(relayed.transport().orElseThrow().configuration().repeatedAccess()).isTrue();
    }

    @Test
    void hopCounterOfTheCommunicationControl() throws WMBusException {
        WMBusTelegram relayed = WMBusDecoder.withoutKeys().decode(TelegramBuilder.meter(METER).ell(0x10).records(RECORDS).build());
        assertThat(relayed.extendedLinkLayer().orElseThrow().cc().hopCounter()).isTrue();
        assertThat(relayed.relayed()).isTrue();
    }
}
