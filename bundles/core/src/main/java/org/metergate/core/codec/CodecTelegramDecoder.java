package org.metergate.core.codec;

import java.time.ZoneId;
import java.util.Optional;
import org.metergate.api.meter.MeterAddress;
import org.metergate.api.meter.MeterId;
import org.metergate.api.security.MeterKey;
import org.metergate.api.security.MeterKeyStore;
import org.metergate.api.stats.ErrorKind;
import org.metergate.api.telegram.RawTelegram;
import org.metergate.api.telegram.TelegramFormat;
import org.metergate.core.pipeline.DecodeResult;
import org.metergate.core.pipeline.TelegramDecoder;
import org.metergate.mbus.MBusDecodeException;
import org.metergate.mbus.MBusDecoder;
import org.metergate.mbus.app.ApplicationMessage;
import org.metergate.mbus.app.LongHeader;
import org.metergate.mbus.app.VariableDataResponse;
import org.metergate.wmbus.DecoderOptions;
import org.metergate.wmbus.WMBusDecoder;
import org.metergate.wmbus.WMBusException;
import org.metergate.wmbus.WMBusTelegram;
import org.metergate.wmbus.link.LinkFrames;
import org.metergate.wmbus.link.LinkLayer;
import org.metergate.wmbus.security.SecurityError;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;

/**
 * The codecs behind the pipeline: wired frames (EN 13757-2/-3) through the M-Bus codec, wireless
 * telegrams (EN 13757-4, EN 13757-7 / OMS security) through the wM-Bus codec with the meter's key
 * from the key store, then data records to readings. A key store that comes and goes is used while
 * it is there; without one, encrypted telegrams fail with "no key".
 */
@Component(service = TelegramDecoder.class, configurationPid = "org.metergate.core.decoder")
@Designate(ocd = DecoderConfig.class)
public final class CodecTelegramDecoder implements TelegramDecoder {

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile MeterKeyStore keys;

    private final WMBusDecoder wireless;
    private final RecordReadings readings;

    @Activate
    public CodecTelegramDecoder(DecoderConfig config) {
        DecoderOptions options = DecoderOptions.defaults()
                .withReplayDetection(config.replay_detection())
                .withWindows(config.access_number_window(), config.message_counter_window());
        this.wireless = new WMBusDecoder(this::key, options);
        ZoneId zone = config.meter_time_zone().isBlank() ? ZoneId.systemDefault() : ZoneId.of(config.meter_time_zone());
        this.readings = new RecordReadings(zone, ErrorFlagMeanings.none());
    }

    /** The key store to use outside a framework (benchmarks, tools); inside, DS binds it. */
    public void useKeyStore(MeterKeyStore store) {
        this.keys = store;
    }

    private Optional<MeterKey> key(MeterId meter) {
        MeterKeyStore store = keys;
        return store == null ? Optional.empty() : store.keyFor(meter);
    }

    @Override
    public byte[] transmissionKey(RawTelegram t) {
        byte[] frame = t.frame();
        if (t.format() == TelegramFormat.MBUS_FRAME || t.format() == TelegramFormat.WMBUS_NO_CRC) {
            return frame;
        }
        try {
            return LinkFrames.deframe(frame, 0, frame.length, t.format()).frame();
        } catch (WMBusException e) {
            return frame; // broken: identical broken receptions still count as one
        }
    }

    @Override
    public DecodeResult decode(RawTelegram t) {
        return t.format() == TelegramFormat.MBUS_FRAME ? decodeWired(t) : decodeWireless(t);
    }

    private DecodeResult decodeWireless(RawTelegram raw) {
        WMBusTelegram t;
        try {
            t = wireless.decode(raw);
        } catch (WMBusException e) {
            return new DecodeResult.Failed(linkAddress(raw), kind(e), e.getMessage());
        }
        MeterAddress meter = t.meter();
        Optional<SecurityError> error = t.security().error();
        if (error.isPresent()) {
            return new DecodeResult.Failed(meter, kind(error.get()), error.get().message());
        }
        if (t.replay().replay()) {
            return new DecodeResult.Failed(meter, ErrorKind.REPLAY, "possible replay of " + meter + ": " + t.replay().counter()
                    .name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + " " + t.replay().value()
                    + " after " + t.replay().previous());
        }
        RecordReadings.Mapped mapped = readings.map(meter, t.records(), raw.info().time());
        int status = t.status().map(s -> s.value()).orElse(-1);
        return new DecodeResult.Decoded(meter, status, mapped.readings(), mapped.alarms());
    }

    private DecodeResult decodeWired(RawTelegram raw) {
        try {
            ApplicationMessage m = MBusDecoder.decodeReadout(raw.frame());
            if (m instanceof VariableDataResponse v && v.header() instanceof LongHeader h) {
                RecordReadings.Mapped mapped = readings.map(h.address(), v.data().records(), raw.info().time());
                return new DecodeResult.Decoded(h.address(), h.status().value(), mapped.readings(), mapped.alarms());
            }
            return new DecodeResult.Failed(null, ErrorKind.DECODE,
                    "the response carries no secondary address (CI " + String.format("%02X", m.ci()) + "): the wired link must name the meter");
        } catch (MBusDecodeException e) {
            return new DecodeResult.Failed(null, e.reason().contains("checksum") ? ErrorKind.CHECKSUM : ErrorKind.DECODE, e.getMessage());
        }
    }

    /** The transmitter's address from the link layer, when the frame is intact that far; else null. */
    private static MeterAddress linkAddress(RawTelegram raw) {
        try {
            byte[] f = raw.frame();
            LinkFrames.Deframed d = LinkFrames.deframe(f, 0, f.length, raw.format());
            return LinkLayer.read(d.frame(), d.format(), f[0] & 0xFF).address();
        } catch (WMBusException | RuntimeException e) {
            return null;
        }
    }

    static ErrorKind kind(WMBusException e) {
        return switch (e.kind()) {
            case CRC_ERROR, COMPACT_FRAME_CRC_ERROR -> ErrorKind.CHECKSUM;
            case TRUNCATED, LENGTH_MISMATCH -> ErrorKind.FRAMING;
            default -> ErrorKind.DECODE;
        };
    }

    static ErrorKind kind(SecurityError e) {
        return switch (e.kind()) {
            case NO_KEY -> ErrorKind.NO_KEY;
            case WRONG_KEY, MALFORMED_CIPHERTEXT, PLAINTEXT_REFUSED -> ErrorKind.WRONG_KEY;
            case MAC_MISMATCH, MAC_MISSING -> ErrorKind.MAC_MISMATCH;
            case UNSUPPORTED_MODE -> ErrorKind.UNSUPPORTED_SECURITY;
        };
    }
}
