package org.metergate.wmbus;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.metergate.api.meter.MeterAddress;
import org.metergate.mbus.app.StatusByte;
import org.metergate.mbus.record.DataRecord;
import org.metergate.mbus.record.DataRecords;
import org.metergate.wmbus.link.LinkLayer;
import org.metergate.wmbus.security.SecurityInfo;
import org.metergate.wmbus.security.SecurityStatus;
import org.metergate.wmbus.transport.ApplicationKind;
import org.metergate.wmbus.transport.AuthenticationFragmentationLayer;
import org.metergate.wmbus.transport.ExtendedLinkLayer;
import org.metergate.wmbus.transport.TransportHeader;

/**
 * A decoded wireless M-Bus telegram: every layer that was present (DLL, ELL, AFL, TPL), the CI-field
 * chain, the security outcome, the replay check and the application layer (the EN 13757-3 data
 * records, decrypted). Immutable.
 */
public final class WMBusTelegram {

    private final LinkLayer link;
    private final int[] ciChain;
    private final ExtendedLinkLayer ell;
    private final AuthenticationFragmentationLayer afl;
    private final TransportHeader transport;
    private final MeterAddress meter;
    private final SecurityInfo security;
    private final ReplayCheck replay;
    private final ApplicationKind applicationKind;
    private final byte[] apl;
    private final int aplFrom;
    private final int aplTo;
    private final int compactSignature;
    private final DataRecords records;

    /** No records: security failed, or the application layer is not EN 13757-3 records. */
    static final DataRecords NO_RECORDS = new DataRecords(List.of(), new byte[0], -1, false);

    WMBusTelegram(LinkLayer link, int[] ciChain, ExtendedLinkLayer ell, AuthenticationFragmentationLayer afl,
                  TransportHeader transport, MeterAddress meter, SecurityInfo security, ReplayCheck replay,
                  ApplicationKind applicationKind, byte[] apl, int aplFrom, int aplTo, int compactSignature,
                  DataRecords records) {
        this.link = Objects.requireNonNull(link, "link");
        this.ciChain = ciChain;
        this.ell = ell;
        this.afl = afl;
        this.transport = transport;
        this.meter = Objects.requireNonNull(meter, "meter");
        this.security = Objects.requireNonNull(security, "security");
        this.replay = Objects.requireNonNull(replay, "replay");
        this.applicationKind = applicationKind;
        this.apl = apl;
        this.aplFrom = aplFrom;
        this.aplTo = aplTo;
        this.compactSignature = compactSignature;
        this.records = Objects.requireNonNull(records, "records");
    }

    /** The data link layer: L, C, M, A and the frame format. */
    public LinkLayer link() {
        return link;
    }

    /** The CI-fields in the order they appeared, e.g. [0x8C, 0x90, 0x7A]. */
    public List<Integer> ciChain() {
        List<Integer> l = new ArrayList<>(ciChain.length);
        for (int ci : ciChain) {
            l.add(ci);
        }
        return Collections.unmodifiableList(l);
    }

    public Optional<ExtendedLinkLayer> extendedLinkLayer() {
        return Optional.ofNullable(ell);
    }

    public Optional<AuthenticationFragmentationLayer> authenticationLayer() {
        return Optional.ofNullable(afl);
    }

    /** The TPL header; empty for a manufacturer-specific CI or a frame that ends after the ELL. */
    public Optional<TransportHeader> transport() {
        return Optional.ofNullable(transport);
    }

    /**
     * The meter the data belongs to: the address in a long TPL header, else the transmitter's
     * link-layer address.
     */
    public MeterAddress meter() {
        return meter;
    }

    public SecurityInfo security() {
        return security;
    }

    public ReplayCheck replay() {
        return replay;
    }

    /** What the application layer holds; {@link ApplicationKind#NONE} when security failed. */
    public ApplicationKind applicationKind() {
        return applicationKind;
    }

    /**
     * The application layer bytes after the TPL header, in clear (for a compact frame: the rebuilt full
     * frame records); empty when the security layer failed. A copy.
     */
    public byte[] applicationData() {
        byte[] out = new byte[aplTo - aplFrom];
        System.arraycopy(apl, aplFrom, out, 0, out.length);
        return out;
    }

    /**
     * The EN 13757-3 data records of the application layer (decoded by {@code org.metergate.mbus}), with
     * any manufacturer-specific data after DIF 0x0F / 0x1F. Empty when the security layer failed or the
     * application layer is not made of data records. Record offsets count from the L-field of the
     * frame without CRCs (for a compact frame: in the rebuilt full-frame records).
     */
    public DataRecords dataRecords() {
        return records;
    }

    /** The records only (shortcut for {@code dataRecords().records()}). */
    public List<DataRecord> records() {
        return records.records();
    }

    /** The EN 13757-3 status byte of the TPL header; empty without short or long header. */
    public Optional<StatusByte> status() {
        return transport == null || transport.status() < 0 ? Optional.empty() : Optional.of(new StatusByte(transport.status()));
    }

    /** The access number: of the TPL header, else of the ELL; -1 when neither has one. */
    public int accessNumber() {
        if (transport != null && transport.accessNumber() >= 0) {
            return transport.accessNumber();
        }
        return ell != null ? ell.accessNumber() : -1;
    }

    /** The format signature of a compact frame (CI 0x79), else -1. */
    public int compactFrameSignature() {
        return compactSignature;
    }

    /** True when a repeater relayed the telegram (H bit of the ELL CC-field or of the TPL configuration field, EN 13757-5). */
    public boolean relayed() {
        return (ell != null && ell.cc().hopCounter())
                || (transport != null && transport.configuration() != null && transport.configuration().hopCounter());
    }

    /** True when the data was readable: not encrypted, decrypted, or clear despite the flag. */
    public boolean readable() {
        return security.status() != SecurityStatus.FAILED;
    }

    @Override
    public String toString() {
        return "WMBusTelegram[" + link.c() + " " + link.address() + ", CI " + ciChainText() + ", meter " + meter
                + ", security " + security.status() + (security.failure() != null ? " (" + security.failure() + ")" : "")
                + ", replay " + replay.verdict() + ", " + records.records().size() + " records]";
    }

    private String ciChainText() {
        StringBuilder sb = new StringBuilder();
        for (int ci : ciChain) {
            if (sb.length() > 0) {
                sb.append(' ');
            }
            sb.append(Integer.toHexString(ci | 0x100).substring(1).toUpperCase(java.util.Locale.ROOT));
        }
        return sb.toString();
    }
}
