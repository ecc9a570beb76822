package org.metergate.wmbus;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.Objects;
import org.metergate.api.meter.MeterAddress;
import org.metergate.api.security.MeterKey;
import org.metergate.wmbus.internal.Addresses;
import org.metergate.wmbus.internal.Crypto;
import org.metergate.wmbus.link.CField;
import org.metergate.wmbus.link.Crc16;
import org.metergate.wmbus.link.FrameFormat;
import org.metergate.wmbus.link.LinkFrames;
import org.metergate.wmbus.security.OmsKeyDerivation;
import org.metergate.wmbus.transport.SessionNumber;

/**
 * Builds wireless M-Bus telegrams as a meter sends them: link layer, optional ELL (plain, or AES-128-CTR
 * encrypted ELL II), optional AFL (with the AES-CMAC of security mode 7), TPL header (none, short or
 * long) and the EN 13757-3 records, in clear or encrypted with security mode 5 or 7. Simulators and
 * round-trip tests use it; the result decodes with {@link WMBusDecoder}.
 *
 * <pre>{@code
 * byte[] frame = TelegramBuilder.meter(address).accessNumber(0x2A).records(apl).mode5(key).build(FrameFormat.A);
 * }</pre>
 * Encrypted payloads get the 2F2F check bytes in front and 0x2F idle fillers up to whole AES blocks.
 * A builder is not thread-safe; {@link #build()} may be called repeatedly.
 */
public final class TelegramBuilder {

    private enum Header { NONE, SHORT, LONG }

    private final MeterAddress meter;
    private MeterAddress transmitter;
    private CField control = CField.SND_NR;
    private Header header = Header.SHORT;
    private int accessNumber;
    private int status;
    private int configurationFlags;
    private byte[] records = new byte[0];
    private int mode;
    private MeterKey key;
    private long messageCounter = -1;
    private boolean afl;
    private int ellCi = -1;
    private int ellCc;
    private SessionNumber sessionNumber;
    private MeterKey ellKey;

    private TelegramBuilder(MeterAddress meter) {
        this.meter = Objects.requireNonNull(meter, "meter");
        this.transmitter = meter;
    }

    /** A telegram of {@code meter}, sent by the meter itself (SND_NR, short header, mode 0, no records). */
    public static TelegramBuilder meter(MeterAddress meter) {
        return new TelegramBuilder(meter);
    }

    /** The link-layer address when another device (a radio converter, a repeater) transmits; implies a long header. */
    public TelegramBuilder transmitter(MeterAddress address) {
        this.transmitter = Objects.requireNonNull(address, "address");
        this.header = Header.LONG;
        return this;
    }

    public TelegramBuilder control(CField c) {
        this.control = Objects.requireNonNull(c, "c");
        return this;
    }

    /** CI 0x7A (the default). */
    public TelegramBuilder shortHeader() {
        header = Header.SHORT;
        return this;
    }

    /** CI 0x72: the meter's address in the TPL. */
    public TelegramBuilder longHeader() {
        header = Header.LONG;
        return this;
    }

    /** CI 0x78: no TPL header (no security mode either). */
    public TelegramBuilder noHeader() {
        header = Header.NONE;
        return this;
    }

    public TelegramBuilder accessNumber(int acc) {
        this.accessNumber = acc & 0xFF;
        return this;
    }

    /** The EN 13757-3 status byte. */
    public TelegramBuilder status(int status) {
        this.status = status & 0xFF;
        return this;
    }

    /** Configuration field bits besides mode and block count (e.g. 0x8000 bidirectional, 0x0001 hop counter). */
    public TelegramBuilder configurationFlags(int flags) {
        this.configurationFlags = flags & 0xE00F;
        return this;
    }

    /** The application data: EN 13757-3 data records (without 2F2F check bytes). */
    public TelegramBuilder records(byte[] apl) {
        this.records = apl.clone();
        return this;
    }

    /** No TPL encryption (the default). */
    public TelegramBuilder mode0() {
        mode = 0;
        key = null;
        return this;
    }

    /** Security mode 5: AES-128-CBC with the meter's key, IV from M, A and the access number. */
    public TelegramBuilder mode5(MeterKey meterKey) {
        mode = 5;
        key = Objects.requireNonNull(meterKey, "meterKey");
        return this;
    }

    /**
     * Security mode 7: an AFL with message counter and 8-byte AES-CMAC, keys derived with OMS KDF-A from
     * the meter key and {@code counter}, AES-128-CBC with IV 0.
     */
    public TelegramBuilder mode7(MeterKey meterKey, long counter) {
        if (counter < 0 || counter > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("message counter is 32 bits: " + counter);
        }
        mode = 7;
        key = Objects.requireNonNull(meterKey, "meterKey");
        messageCounter = counter;
        afl = true;
        return this;
    }

    /** ELL I (CI 0x8C): communication control and access number (the TPL's). */
    public TelegramBuilder ell(int communicationControl) {
        ellCi = 0x8C;
        ellCc = communicationControl & 0xFF;
        sessionNumber = null;
        ellKey = null;
        return this;
    }

    /** ELL II (CI 0x8D) in clear: session number and payload CRC. */
    public TelegramBuilder ell(int communicationControl, SessionNumber sn) {
        if (sn.encryption() != 0) {
            throw new IllegalArgumentException("a clear ELL needs a session number with encryption 0");
        }
        ellCi = 0x8D;
        ellCc = communicationControl & 0xFF;
        sessionNumber = sn;
        ellKey = null;
        return this;
    }

    /** ELL II (CI 0x8D) with its payload (CRC included) in AES-128-CTR under the meter key. */
    public TelegramBuilder ellCtr(int communicationControl, SessionNumber sn, MeterKey meterKey) {
        if (sn.encryption() != SessionNumber.AES_CTR) {
            throw new IllegalArgumentException("an encrypted ELL needs a session number with encryption 1 (AES-CTR)");
        }
        ellCi = 0x8D;
        ellCc = communicationControl & 0xFF;
        sessionNumber = sn;
        ellKey = Objects.requireNonNull(meterKey, "meterKey");
        return this;
    }

    /** The frame without link-layer CRCs (what most receivers deliver). */
    public byte[] build() {
        if (header == Header.NONE && mode != 0) {
            throw new IllegalStateException("security mode " + mode + " needs a TPL header");
        }
        // TPL: CI, header, payload
        ByteArrayOutputStream tpl = new ByteArrayOutputStream();
        byte[] payload = records;
        int blocks = 0;
        if (mode != 0) {
            int length = 2 + records.length;
            int padded = (length + 15) / 16 * 16;
            blocks = padded / 16;
            if (blocks > 15) {
                throw new IllegalStateException("the configuration field counts at most 15 encrypted blocks: "
                        + records.length + " bytes of records are too many");
            }
            payload = new byte[padded];
            Arrays.fill(payload, (byte) 0x2F);
            System.arraycopy(records, 0, payload, 2, records.length);
        }
        int cf = configurationFlags | (mode << 8) | (blocks << 4);
        switch (header) {
            case NONE:
                tpl.write(0x78);
                break;
            case SHORT:
                tpl.write(0x7A);
                writeShortHeader(tpl, cf);
                break;
            case LONG:
                tpl.write(0x72);
                byte[] a = new byte[8];
                Addresses.writeHeaderOrder(meter, a, 0);
                tpl.writeBytes(a);
                writeShortHeader(tpl, cf);
                break;
            default:
                throw new IllegalStateException();
        }
        int tplHeaderLength = tpl.size();
        tpl.writeBytes(payload);
        byte[] tplBytes = tpl.toByteArray();

        byte[] link = new byte[10];
        link[1] = (byte) control.value();
        Addresses.writeLinkOrder(transmitter, link, 2);

        if (mode == 5) {
            byte[] iv = new byte[16];
            Addresses.writeLinkOrder(header == Header.LONG ? meter : transmitter, iv, 0);
            Arrays.fill(iv, 8, 16, (byte) accessNumber);
            Crypto.get().cbc(true, key, iv, tplBytes, tplHeaderLength, payload.length);
        }
        byte[] aflBytes = new byte[0];
        if (mode == 7) {
            byte[] id = new byte[4];
            Addresses.writeIdentification(header == Header.LONG ? meter.identification() : transmitter.identification(), id, 0);
            byte[] kenc = OmsKeyDerivation.derive(key, OmsKeyDerivation.ENCRYPTION_FROM_METER, messageCounter, id, 0);
            Crypto.get().cbc(true, kenc, new byte[16], tplBytes, tplHeaderLength, payload.length);
            byte[] kmac = OmsKeyDerivation.derive(key, OmsKeyDerivation.MAC_FROM_METER, messageCounter, id, 0);
            int mcl = 0x25; // MCMP (counter in MAC), AT 5: AES-CMAC-128 truncated to 8 bytes
            byte[] prefix = new byte[5];
            prefix[0] = (byte) mcl;
            for (int i = 0; i < 4; i++) {
                prefix[1 + i] = (byte) (messageCounter >>> (8 * i));
            }
            byte[] mac = Crypto.get().cmac(kmac, prefix, 0, prefix.length, tplBytes, 0, tplBytes.length);
            Arrays.fill(kenc, (byte) 0);
            Arrays.fill(kmac, (byte) 0);
            aflBytes = new byte[2 + 2 + 1 + 4 + 8];
            aflBytes[0] = (byte) 0x90;
            aflBytes[1] = (byte) (aflBytes.length - 2);
            int fcl = 0x2000 | 0x0800 | 0x0400; // MCL, MCR and MAC present; fragment 0, last fragment
            aflBytes[2] = (byte) fcl;
            aflBytes[3] = (byte) (fcl >>> 8);
            System.arraycopy(prefix, 0, aflBytes, 4, 5);
            System.arraycopy(mac, 0, aflBytes, 9, 8);
        }
        byte[] afterEll = concat(aflBytes, tplBytes);
        byte[] ellBytes = new byte[0];
        if (ellCi >= 0) {
            boolean sn = ellCi == 0x8D;
            ellBytes = new byte[3 + (sn ? 4 : 0)];
            ellBytes[0] = (byte) ellCi;
            ellBytes[1] = (byte) ellCc;
            ellBytes[2] = (byte) accessNumber;
            if (sn) {
                long v = sessionNumber.value();
                for (int i = 0; i < 4; i++) {
                    ellBytes[3 + i] = (byte) (v >>> (8 * i));
                }
                int crc = Crc16.compute(afterEll, 0, afterEll.length);
                byte[] withCrc = new byte[afterEll.length + 2];
                withCrc[0] = (byte) crc;
                withCrc[1] = (byte) (crc >>> 8);
                System.arraycopy(afterEll, 0, withCrc, 2, afterEll.length);
                if (ellKey != null) {
                    byte[] iv = new byte[16];
                    System.arraycopy(link, 2, iv, 0, 8);
                    iv[8] = (byte) ellCc;
                    System.arraycopy(ellBytes, 3, iv, 9, 4);
                    Crypto.get().ctr(ellKey, iv, withCrc, 0, withCrc.length, withCrc, 0);
                }
                afterEll = withCrc;
            }
        }
        byte[] frame = concat(link, concat(ellBytes, afterEll));
        if (frame.length - 1 > 0xFF) {
            throw new IllegalStateException("telegram too long for an L-field: " + frame.length + " bytes");
        }
        frame[0] = (byte) (frame.length - 1);
        return frame;
    }

    /** The frame with the CRCs of {@code format}. */
    public byte[] build(FrameFormat format) {
        return LinkFrames.enframe(build(), format);
    }

    private void writeShortHeader(ByteArrayOutputStream out, int cf) {
        out.write(accessNumber);
        out.write(status);
        out.write(cf & 0xFF);
        out.write(cf >>> 8);
        if (mode == 7) {
            out.write(0x10); // configuration field extension: KDF-A, key id 0
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
