package org.metergate.wmbus;

import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.metergate.api.meter.MeterAddress;
import org.metergate.api.meter.MeterId;
import org.metergate.api.security.MeterKey;
import org.metergate.api.security.MeterKeyStore;
import org.metergate.api.telegram.RawTelegram;
import org.metergate.api.telegram.TelegramFormat;
import org.metergate.mbus.MBusDecodeException;
import org.metergate.mbus.record.DataRecordDecoder;
import org.metergate.mbus.record.DataRecords;
import org.metergate.mbus.record.Direction;
import org.metergate.wmbus.WMBusException.Kind;
import org.metergate.wmbus.internal.Addresses;
import org.metergate.wmbus.internal.Crypto;
import org.metergate.wmbus.link.Crc16;
import org.metergate.wmbus.link.LinkFrames;
import org.metergate.wmbus.link.LinkLayer;
import org.metergate.wmbus.security.OmsKeyDerivation;
import org.metergate.wmbus.security.SecurityError;
import org.metergate.wmbus.security.SecurityErrorKind;
import org.metergate.wmbus.security.SecurityInfo;
import org.metergate.wmbus.security.SecurityMode;
import org.metergate.wmbus.security.SecurityStatus;
import org.metergate.wmbus.transport.ApplicationKind;
import org.metergate.wmbus.transport.AuthenticationFragmentationLayer;
import org.metergate.wmbus.transport.CiField;
import org.metergate.wmbus.transport.CompactFrameCache;
import org.metergate.wmbus.transport.ConfigurationField;
import org.metergate.wmbus.transport.ExtendedLinkLayer;
import org.metergate.wmbus.transport.HeaderType;
import org.metergate.wmbus.transport.RecordFormat;
import org.metergate.wmbus.transport.TransportHeader;

/**
 * Decodes wireless M-Bus telegrams: EN 13757-4 link layer (formats A and B, with or without CRCs),
 * ELL (with AES-128-CTR), AFL (with its AES-CMAC), TPL (security modes 5 and 7 of EN 13757-7 / OMS),
 * OMS compact frames, replay detection, and the EN 13757-3 data records.
 *
 * <p>One call from raw bytes and a key lookup to everything a caller shows:
 * <pre>{@code
 * WMBusDecoder decoder = new WMBusDecoder(meter -> Optional.of(MeterKey.ofHex(hex)));
 * WMBusTelegram t = decoder.decode(bytes);           // format A, B or no CRCs, detected
 * t.link(); t.ciChain(); t.security(); t.records();
 * }</pre>
 * Bad input throws {@link WMBusException} (its kind and offset say what and where); security failures
 * are part of the result. A decoder keeps per-meter state (replay counters, compact-frame formats) and
 * is safe for use by many threads.
 */
public final class WMBusDecoder {

    private static final int MAX_CI_CHAIN = 8;

    private final Function<MeterId, Optional<MeterKey>> keys;
    private final DecoderOptions options;
    private final ReplayGuard replayGuard;
    private final CompactFrameCache compactFrames;

    /** A decoder with {@link DecoderOptions#defaults()}. */
    public WMBusDecoder(Function<MeterId, Optional<MeterKey>> keys) {
        this(keys, DecoderOptions.defaults());
    }

    public WMBusDecoder(Function<MeterId, Optional<MeterKey>> keys, DecoderOptions options) {
        this.keys = Objects.requireNonNull(keys, "keys");
        this.options = Objects.requireNonNull(options, "options");
        this.replayGuard = new ReplayGuard(options.accessNumberWindow(), options.messageCounterWindow(), options.maxMeters());
        this.compactFrames = new CompactFrameCache(options.maxMeters());
    }

    /** A decoder that takes keys from a key store (the meter's own key, else the store's default key). */
    public static WMBusDecoder withKeyStore(MeterKeyStore store, DecoderOptions options) {
        Objects.requireNonNull(store, "store");
        return new WMBusDecoder(store::keyFor, options);
    }

    /** A decoder for unencrypted traffic only (encrypted telegrams fail with {@link SecurityErrorKind#NO_KEY}). */
    public static WMBusDecoder withoutKeys() {
        return new WMBusDecoder(meter -> Optional.empty());
    }

    public DecoderOptions options() {
        return options;
    }

    /** The replay guard: its counters say how many telegrams were flagged. */
    public ReplayGuard replayGuard() {
        return replayGuard;
    }

    /** The compact-frame formats seen so far (can be preloaded). */
    public CompactFrameCache compactFrames() {
        return compactFrames;
    }

    /** Decodes a frame of unknown framing (format A, format B or without CRCs, detected). */
    public WMBusTelegram decode(byte[] frame) throws WMBusException {
        return decode(frame, 0, frame.length, TelegramFormat.WMBUS_DETECT);
    }

    public WMBusTelegram decode(byte[] frame, TelegramFormat format) throws WMBusException {
        return decode(frame, 0, frame.length, format);
    }

    public WMBusTelegram decode(RawTelegram telegram) throws WMBusException {
        return decode(telegram.frame(), telegram.format());
    }

    /** Decodes {@code length} bytes from {@code offset}; the input is not changed. */
    public WMBusTelegram decode(byte[] input, int offset, int length, TelegramFormat format) throws WMBusException {
        Objects.requireNonNull(input, "input");
        Objects.checkFromIndexSize(offset, length, input.length);
        if (format == TelegramFormat.MBUS_FRAME) {
            throw new WMBusException(Kind.UNSUPPORTED, 0, "a wired EN 13757-2 frame: decode it with org.metergate.mbus");
        }
        LinkFrames.Deframed deframed = LinkFrames.deframe(input, offset, length, format);
        byte[] f = deframed.frame();
        LinkLayer.checkLength(f);
        Addresses.Entry linkAddress = Addresses.linkOrder(f, 2);
        LinkLayer link = new LinkLayer(deframed.format(), input[offset] & 0xFF, LinkLayer.cField(f[1]), linkAddress.address());
        return decodeFrame(f, link, linkAddress);
    }

    /** Everything after the link layer, on the private copy {@code f} (decrypted in place). */
    private WMBusTelegram decodeFrame(byte[] f, LinkLayer link, Addresses.Entry linkAddress) throws WMBusException {
        final int end = f.length;
        int[] chain = new int[MAX_CI_CHAIN];
        int chainLength = 0;
        ExtendedLinkLayer ell = null;
        AuthenticationFragmentationLayer afl = null;
        TransportHeader tpl = null;
        int tplOffset = -1;
        ApplicationKind application = ApplicationKind.NONE;
        Outcome ellOutcome = null;
        int p = LinkLayer.LENGTH;

        walk:
        while (true) {
            if (p >= end) {
                if (chainLength == 0) {
                    throw new WMBusException(Kind.TRUNCATED, p, "the frame ends before its first CI-field");
                }
                break; // e.g. an acknowledgement that is only an ELL
            }
            int ci = f[p] & 0xFF;
            if (chainLength == MAX_CI_CHAIN) {
                throw new WMBusException(Kind.MALFORMED, p, "more than " + MAX_CI_CHAIN + " CI-fields");
            }
            switch (CiField.kind(ci)) {
                case EXTENDED_LINK_LAYER: {
                    if (chainLength != 0) {
                        throw new WMBusException(Kind.MALFORMED, p, "an extended link layer (CI " + CiField.hex(ci)
                                + ") must follow the link layer directly");
                    }
                    chain[chainLength++] = ci;
                    ell = ExtendedLinkLayer.readHeader(f, p, end);
                    int q = ExtendedLinkLayer.payloadOffset(ci, p);
                    if (ExtendedLinkLayer.hasSessionNumber(ci)) {
                        if (ell.encrypted()) {
                            ellOutcome = decryptEll(f, q, end, linkAddress, ell.cc().value());
                            if (ellOutcome.status == SecurityStatus.FAILED) {
                                return failed(link, chain, chainLength, ell, null, null, linkAddress.address(),
                                        new SecurityInfo(0, true, SecurityStatus.FAILED, false, ellOutcome.error));
                            }
                        } else if (payloadCrc(f, q) != Crc16.compute(f, q + 2, end - q - 2)) {
                            throw new WMBusException(Kind.CRC_ERROR, q, "ELL payload CRC 0x" + hex4(payloadCrc(f, q))
                                    + " does not match the payload (0x" + hex4(Crc16.compute(f, q + 2, end - q - 2)) + ")");
                        }
                        ell = ell.withPayloadCrc(payloadCrc(f, q));
                        p = q + 2;
                    } else {
                        p = q;
                    }
                    break;
                }
                case AUTHENTICATION_FRAGMENTATION_LAYER: {
                    if (afl != null) {
                        throw new WMBusException(Kind.MALFORMED, p, "a second authentication and fragmentation layer");
                    }
                    chain[chainLength++] = ci;
                    afl = AuthenticationFragmentationLayer.read(f, p, end);
                    if (afl.moreFragments()) {
                        throw new WMBusException(Kind.UNSUPPORTED, p + 2, "AFL fragment " + afl.fragmentId()
                                + " of a fragmented message: reassembly of AFL fragments is not supported");
                    }
                    p += 2 + afl.length();
                    break;
                }
                case TRANSPORT_LAYER: {
                    chain[chainLength++] = ci;
                    tplOffset = p;
                    tpl = TransportHeader.read(f, p, end);
                    p += 1 + tpl.length();
                    application = CiField.application(ci);
                    break walk;
                }
                case MANUFACTURER_SPECIFIC: {
                    chain[chainLength++] = ci;
                    p += 1;
                    application = ApplicationKind.MANUFACTURER_SPECIFIC;
                    break walk;
                }
                case NETWORK_LAYER:
                    throw new WMBusException(Kind.UNSUPPORTED, p, "CI " + CiField.hex(ci) + ": " + CiField.description(ci)
                            + " is recognised but not decoded");
                case RECOGNISED_UNSUPPORTED:
                    throw new WMBusException(Kind.UNSUPPORTED, p, "CI " + CiField.hex(ci) + ": " + CiField.description(ci)
                            + " is recognised but not decoded");
                default:
                    throw new WMBusException(Kind.UNKNOWN_CI, p, "CI-field " + CiField.hex(ci) + " is not defined by EN 13757-4/-7");
            }
        }

        Addresses.Entry meter = tpl != null && tpl.type() == HeaderType.LONG ? Addresses.headerOrder(f, tplOffset + 1) : linkAddress;
        Outcome tplOutcome = Outcome.CLEAR;
        int mode = tpl == null ? 0 : tpl.securityMode();
        if (mode != 0) {
            tplOutcome = decryptTpl(f, p, end, tpl, tplOffset, afl, meter, linkAddress);
        }
        SecurityInfo security = combine(mode, ellOutcome, tplOutcome);
        if (security.status() == SecurityStatus.FAILED) {
            return failed(link, chain, chainLength, ell, afl, tpl, meter.address(), security);
        }

        byte[] apl = f;
        int aplFrom = p;
        int aplTo = end;
        int signature = -1;
        if (application == ApplicationKind.COMPACT_RECORDS) {
            if (end - p < 4) {
                throw new WMBusException(Kind.TRUNCATED, end, "a compact frame starts with its format signature and full-frame CRC");
            }
            signature = (f[p] & 0xFF) | (f[p + 1] & 0xFF) << 8;
            int fullCrc = (f[p + 2] & 0xFF) | (f[p + 3] & 0xFF) << 8;
            RecordFormat format = compactFrames.format(meter.address(), signature);
            if (format == null) {
                throw new WMBusException(Kind.COMPACT_FRAME_UNKNOWN_FORMAT, p, "compact frame of " + meter.address()
                        + " with format signature 0x" + hex4(signature) + ": no full frame with that format has been seen");
            }
            apl = format.rebuild(f, p + 4, end);
            aplFrom = 0;
            aplTo = apl.length;
            int crc = Crc16.compute(apl, 0, apl.length);
            if (crc != fullCrc) {
                throw new WMBusException(Kind.COMPACT_FRAME_CRC_ERROR, p + 2, "compact frame rebuilt with format 0x"
                        + hex4(signature) + " has CRC 0x" + hex4(crc) + ", the frame names 0x" + hex4(fullCrc));
            }
        } else if (application == ApplicationKind.MBUS_RECORDS) {
            compactFrames.fullFrame(meter.address(), tpl.ci(), f, p, end);
        }

        DataRecords records = WMBusTelegram.NO_RECORDS;
        if (application == ApplicationKind.MBUS_RECORDS || application == ApplicationKind.COMPACT_RECORDS) {
            try {
                records = DataRecordDecoder.decode(apl, aplFrom, aplTo, Direction.SLAVE_TO_MASTER, meter.address().deviceType());
            } catch (MBusDecodeException e) {
                throw new WMBusException(Kind.APPLICATION_LAYER, e.offset(), (apl == f ? "" : "rebuilt compact frame: ")
                        + e.reason(), e);
            }
        }

        ReplayCheck replay = ReplayCheck.NOT_CHECKED;
        if (options.replayDetection()) {
            if (afl != null && afl.hasMessageCounter()) {
                replay = replayGuard.check(meter.meterId(), ReplayCheck.Counter.MESSAGE_COUNTER, afl.messageCounter(), true);
            } else if (tpl != null && tpl.accessNumber() >= 0) {
                replay = replayGuard.check(meter.meterId(), ReplayCheck.Counter.ACCESS_NUMBER, tpl.accessNumber(), true);
            } else if (ell != null) {
                replay = replayGuard.check(meter.meterId(), ReplayCheck.Counter.ACCESS_NUMBER, ell.accessNumber(), true);
            }
        }
        return new WMBusTelegram(link, Arrays.copyOf(chain, chainLength), ell, afl, tpl, meter.address(), security,
                replay, application, apl, aplFrom, aplTo, signature, records);
    }

    private static WMBusTelegram failed(LinkLayer link, int[] chain, int chainLength, ExtendedLinkLayer ell,
                                        AuthenticationFragmentationLayer afl, TransportHeader tpl, MeterAddress meter,
                                        SecurityInfo security) {
        return new WMBusTelegram(link, Arrays.copyOf(chain, chainLength), ell, afl, tpl, meter, security,
                ReplayCheck.NOT_CHECKED, ApplicationKind.NONE, new byte[0], 0, 0, -1, WMBusTelegram.NO_RECORDS);
    }

    // ---------------------------------------------------------------- security

    /** What one security layer did. */
    private record Outcome(SecurityStatus status, boolean authenticated, SecurityError error) {
        static final Outcome CLEAR = new Outcome(SecurityStatus.NOT_ENCRYPTED, false, null);
        static final Outcome DECRYPTED = new Outcome(SecurityStatus.DECRYPTED, false, null);
        static final Outcome AUTHENTICATED = new Outcome(SecurityStatus.DECRYPTED, true, null);
        static final Outcome PLAINTEXT = new Outcome(SecurityStatus.PLAINTEXT_DESPITE_ENCRYPTION_FLAG, false, null);

        static Outcome failure(SecurityError e) {
            return new Outcome(SecurityStatus.FAILED, false, e);
        }
    }

    private SecurityInfo combine(int mode, Outcome ell, Outcome tpl) {
        if (ell == null && tpl == Outcome.CLEAR) {
            return SecurityInfo.NOT_ENCRYPTED; // the common case of unencrypted traffic: nothing to build
        }
        boolean ellEncrypted = ell != null;
        if (tpl.status == SecurityStatus.FAILED) {
            return new SecurityInfo(mode, ellEncrypted, SecurityStatus.FAILED, false, tpl.error);
        }
        SecurityStatus status = merge(merge(SecurityStatus.NOT_ENCRYPTED, ell), tpl);
        return new SecurityInfo(mode, ellEncrypted, status, tpl.authenticated, null);
    }

    private static SecurityStatus merge(SecurityStatus status, Outcome o) {
        if (o == null) {
            return status;
        }
        if (o.status == SecurityStatus.PLAINTEXT_DESPITE_ENCRYPTION_FLAG) {
            return o.status; // a layer that was not really decrypted: never claim "decrypted"
        }
        return o.status == SecurityStatus.DECRYPTED && status == SecurityStatus.NOT_ENCRYPTED ? SecurityStatus.DECRYPTED : status;
    }

    private Outcome plaintext(MeterId meter, boolean keyed) {
        DecoderOptions.PlaintextPolicy policy = options.plaintext();
        if (policy == DecoderOptions.PlaintextPolicy.REFUSE || (keyed && policy == DecoderOptions.PlaintextPolicy.REFUSE_WHEN_KEYED)) {
            return Outcome.failure(new SecurityError(SecurityErrorKind.PLAINTEXT_REFUSED, meter,
                    "telegram of meter " + meter + " is flagged encrypted but arrived in clear; refused"));
        }
        return Outcome.PLAINTEXT;
    }

    /** ELL II/IV payload (from its CRC to the end) in AES-128-CTR, IV = M, A, CC, SN, FN 0, BC 0 (EN 13757-4). */
    private Outcome decryptEll(byte[] f, int q, int end, Addresses.Entry link, int cc) {
        int length = end - q;
        if (length < 2) {
            return Outcome.failure(new SecurityError(SecurityErrorKind.MALFORMED_CIPHERTEXT, link.meterId(),
                    "ELL of meter " + link.meterId() + " has no room for its payload CRC"));
        }
        Optional<MeterKey> key = keys.apply(link.meterId());
        if (key.isEmpty()) {
            return ellCrcMatches(f, q, end) ? plaintext(link.meterId(), false) : Outcome.failure(SecurityError.noKey(link.meterId()));
        }
        byte[] iv = new byte[16];
        System.arraycopy(f, 2, iv, 0, 8); // M, A of the link layer
        iv[8] = (byte) cc;
        System.arraycopy(f, q - 4, iv, 9, 4); // SN as received; FN and BC are 0
        Crypto crypto = Crypto.get();
        crypto.ctr(link.meterId(), key.get(), iv, f, q, length, f, q);
        if (ellCrcMatches(f, q, end)) {
            return Outcome.DECRYPTED;
        }
        crypto.ctr(link.meterId(), key.get(), iv, f, q, length, f, q); // counter mode again restores the bytes as received
        if (ellCrcMatches(f, q, end)) {
            return plaintext(link.meterId(), true);
        }
        return Outcome.failure(SecurityError.wrongKey(link.meterId(), "ELL payload CRC does not match after decryption"));
    }

    private static boolean ellCrcMatches(byte[] f, int q, int end) {
        return payloadCrc(f, q) == Crc16.compute(f, q + 2, end - q - 2);
    }

    private static int payloadCrc(byte[] f, int q) {
        return (f[q] & 0xFF) | (f[q + 1] & 0xFF) << 8;
    }

    private Outcome decryptTpl(byte[] f, int p, int end, TransportHeader tpl, int tplOffset,
                               AuthenticationFragmentationLayer afl, Addresses.Entry meter, Addresses.Entry link) {
        ConfigurationField cf = tpl.configuration();
        int mode = cf.securityMode();
        MeterId id = meter.meterId();
        SecurityMode sm = SecurityMode.of(mode);
        if (!sm.supported()) {
            return Outcome.failure(new SecurityError(SecurityErrorKind.UNSUPPORTED_MODE, id, "security mode " + mode + " ("
                    + sm.description() + ") of meter " + id + " is not supported"));
        }
        int available = end - p;
        int blocks = cf.encryptedBlocks();
        int encrypted = blocks == 0 ? available - available % Crypto.BLOCK : blocks * Crypto.BLOCK;
        if (encrypted > available || encrypted == 0) {
            return Outcome.failure(new SecurityError(SecurityErrorKind.MALFORMED_CIPHERTEXT, id, "meter " + id
                    + ": configuration field announces " + blocks + " encrypted blocks, " + available + " bytes follow"));
        }
        boolean clear = available >= 2 && f[p] == 0x2F && f[p + 1] == 0x2F;
        if (mode == 7) {
            if (afl == null || !afl.hasMessageCounter() || !afl.hasMac()) {
                if (clear) {
                    return plaintext(id, keys.apply(id).isPresent());
                }
                return Outcome.failure(new SecurityError(SecurityErrorKind.MAC_MISSING, id, "security mode 7 of meter " + id
                        + " needs the AFL message counter and MAC, the telegram has " + (afl == null ? "no AFL" : "an AFL without them")));
            }
            if (cf.keyDerivation() != 1) {
                return Outcome.failure(new SecurityError(SecurityErrorKind.UNSUPPORTED_MODE, id, "security mode 7 of meter " + id
                        + " selects key derivation function " + cf.keyDerivation() + "; only KDF-A (1) is defined"));
            }
        }
        Optional<MeterKey> key = keys.apply(id);
        if (key.isEmpty()) {
            return clear ? plaintext(id, false) : Outcome.failure(SecurityError.noKey(id));
        }
        byte[] saved = clear ? Arrays.copyOfRange(f, p, p + encrypted) : null;
        Outcome outcome;
        if (mode == 5) {
            byte[] iv = new byte[16];
            if (tpl.type() == HeaderType.LONG) { // M, A of the long header: ID(4) M(2) V T -> M ID V T
                int h = tplOffset + 1;
                iv[0] = f[h + 4];
                iv[1] = f[h + 5];
                System.arraycopy(f, h, iv, 2, 4);
                iv[6] = f[h + 6];
                iv[7] = f[h + 7];
            } else {
                System.arraycopy(f, 2, iv, 0, 8);
            }
            Arrays.fill(iv, 8, 16, (byte) tpl.accessNumber());
            Crypto.get().cbcDecrypt(id, key.get(), iv, f, p, encrypted);
            outcome = Outcome.DECRYPTED;
        } else {
            int idOffset = tpl.type() == HeaderType.LONG ? tplOffset + 1 : 4;
            byte[] kmac = OmsKeyDerivation.derive(key.get(), OmsKeyDerivation.MAC_FROM_METER, afl.messageCounter(), f, idOffset);
            byte[] prefix = macPrefix(afl, end - tplOffset);
            byte[] mac = Crypto.get().cmac(kmac, prefix, 0, prefix.length, f, tplOffset, end - tplOffset);
            Arrays.fill(kmac, (byte) 0);
            if (!afl.macMatches(mac)) {
                return clear ? plaintext(id, true) : Outcome.failure(SecurityError.macMismatch(id));
            }
            byte[] kenc = OmsKeyDerivation.derive(key.get(), OmsKeyDerivation.ENCRYPTION_FROM_METER, afl.messageCounter(), f, idOffset);
            Crypto.get().cbc(false, kenc, new byte[16], f, p, encrypted);
            Arrays.fill(kenc, (byte) 0);
            outcome = Outcome.AUTHENTICATED;
        }
        if (f[p] == 0x2F && f[p + 1] == 0x2F) {
            return outcome;
        }
        if (saved != null) {
            System.arraycopy(saved, 0, f, p, encrypted);
            return plaintext(id, true);
        }
        return Outcome.failure(SecurityError.wrongKey(id, "decrypted payload does not start with 2F2F"));
    }

    /** MCL, then KI, MCR and ML where MCL says they are part of the MAC (EN 13757-7). */
    private static byte[] macPrefix(AuthenticationFragmentationLayer afl, int messageLength) {
        int mcl = afl.mcl();
        boolean ki = (mcl & 0x10) != 0 && afl.keyInfo() >= 0;
        boolean mcr = (mcl & 0x20) != 0;
        boolean ml = (mcl & 0x40) != 0;
        byte[] out = new byte[1 + (ki ? 2 : 0) + (mcr ? 4 : 0) + (ml ? 2 : 0)];
        int i = 0;
        out[i++] = (byte) mcl;
        if (ki) {
            out[i++] = (byte) afl.keyInfo();
            out[i++] = (byte) (afl.keyInfo() >>> 8);
        }
        if (mcr) {
            long c = afl.messageCounter();
            for (int b = 0; b < 4; b++) {
                out[i++] = (byte) (c >>> (8 * b));
            }
        }
        if (ml) {
            int length = afl.messageLength() >= 0 ? afl.messageLength() : messageLength;
            out[i++] = (byte) length;
            out[i++] = (byte) (length >>> 8);
        }
        return out;
    }

    private static String hex4(int v) {
        return Integer.toHexString(v | 0x10000).substring(1).toUpperCase(java.util.Locale.ROOT);
    }
}
