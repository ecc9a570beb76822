package org.metergate.mbus.app;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import org.metergate.mbus.Hex;
import org.metergate.mbus.MBusDecodeException;
import org.metergate.mbus.record.DataRecordDecoder;
import org.metergate.mbus.record.DataRecords;
import org.metergate.mbus.record.Direction;

/**
 * The EN 13757-3 application layer after a CI-field: decodes what a wired slave or master sends,
 * and encodes the master's messages.
 */
public final class ApplicationLayer {

    private ApplicationLayer() {
    }

    /**
     * Decodes the application layer whose CI is {@code buf[ciOffset]}, up to (exclusive) {@code end}.
     *
     * @param direction who sent the records of a response (normally {@link Direction#SLAVE_TO_MASTER});
     *        a data send (CI 0x51) is always decoded as {@link Direction#MASTER_TO_SLAVE}
     * @throws MBusDecodeException for an unsupported CI, a header or data cut short, malformed records,
     *         or records encrypted by the security mode of the configuration field
     */
    public static ApplicationMessage decode(byte[] buf, int ciOffset, int end, Direction direction)
            throws MBusDecodeException {
        if (ciOffset < 0 || end > buf.length || ciOffset > end) {
            throw new IllegalArgumentException("range [" + ciOffset + ", " + end + ") outside an array of " + buf.length);
        }
        if (ciOffset == end) {
            throw new MBusDecodeException(ciOffset, "premature end of data: CI-field expected");
        }
        int ci = buf[ciOffset] & 0xFF;
        int p = ciOffset + 1;
        switch (ci) {
            case CiField.RESPONSE_LONG_HEADER: {
                LongHeader h = LongHeader.decode(buf, p, end);
                int from = p + LongHeader.LENGTH;
                checkNotEncrypted(buf, from, end, h.configuration());
                return new VariableDataResponse(ci, h,
                        DataRecordDecoder.decode(buf, from, end, direction, h.address().deviceType()));
            }
            case CiField.RESPONSE_SHORT_HEADER: {
                ShortHeader h = ShortHeader.decode(buf, p, end);
                int from = p + ShortHeader.LENGTH;
                checkNotEncrypted(buf, from, end, h.configuration());
                return new VariableDataResponse(ci, h, DataRecordDecoder.decode(buf, from, end, direction, -1));
            }
            case CiField.RESPONSE_NO_HEADER:
                return new VariableDataResponse(ci, NoHeader.INSTANCE, DataRecordDecoder.decode(buf, p, end, direction, -1));
            case CiField.RESPONSE_FIXED:
            case CiField.RESPONSE_FIXED_MSB_FIRST:
                return FixedDataResponse.decode(ci, buf, p, end);
            case CiField.APPLICATION_ERROR:
                return new ApplicationErrorResponse(p < end ? buf[p] & 0xFF : -1,
                        p < end ? Arrays.copyOfRange(buf, p + 1, end) : new byte[0]);
            case CiField.APPLICATION_RESET:
                if (end - p > 1) {
                    throw new MBusDecodeException(p + 1, "application reset carries at most one subcode byte");
                }
                return new ApplicationReset(p < end ? buf[p] & 0xFF : -1);
            case CiField.DATA_SEND: {
                DataRecords records = DataRecordDecoder.decode(buf, p, end, Direction.MASTER_TO_SLAVE, -1);
                return new DataSend(records, Arrays.copyOfRange(buf, p, end));
            }
            case CiField.SLAVE_SELECT: {
                if (end - p != SlaveSelect.LENGTH) {
                    throw new MBusDecodeException(end - p < SlaveSelect.LENGTH ? end : p + SlaveSelect.LENGTH,
                            "selection of slaves needs " + SlaveSelect.LENGTH + " bytes, got " + (end - p));
                }
                return new SlaveSelect(LongHeader.identification(buf, p), (buf[p + 4] & 0xFF) | (buf[p + 5] & 0xFF) << 8,
                        buf[p + 6] & 0xFF, buf[p + 7] & 0xFF);
            }
            default:
                if (CiField.isBaudRateSwitch(ci)) {
                    if (end != p) {
                        throw new MBusDecodeException(p, "a baud rate switch carries no data");
                    }
                    return new BaudRateSwitch(ci);
                }
                throw new MBusDecodeException(ciOffset, "unsupported CI-field " + Hex.byteHex(ci));
        }
    }

    /** The CI and the data of a message, for the user data of a long frame (or a control frame when only the CI). */
    public static byte[] encode(ApplicationMessage message) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(message.ci());
        if (message instanceof ApplicationReset r) {
            if (r.subcode() >= 0) {
                out.write(r.subcode());
            }
        } else if (message instanceof DataSend d) {
            out.writeBytes(d.encoded());
        } else if (message instanceof SlaveSelect s) {
            out.writeBytes(s.encode());
        } else if (message instanceof ApplicationErrorResponse e) {
            if (e.code() >= 0) {
                out.write(e.code());
                out.writeBytes(e.additional());
            }
        } else if (message instanceof BaudRateSwitch) {
            // the CI says it all
        } else {
            throw new IllegalArgumentException("responses with data are not encoded here: build them from "
                    + "LongHeader.encode() / ShortHeader.encode() and record bytes");
        }
        return out.toByteArray();
    }

    /**
     * Records encrypted by EN 13757-7 security modes cannot be decoded without the key. A payload that
     * starts with the two idle fillers 2F 2F is decrypted already (gateways often hand it on so).
     */
    private static void checkNotEncrypted(byte[] buf, int from, int end, ConfigurationField configuration)
            throws MBusDecodeException {
        int mode = configuration.securityMode();
        // EN 13757-7 modes 1-5, 7-10 and 13 encrypt; other values (old meters send a signature FFFF) do not
        boolean encrypting = (mode >= 1 && mode <= 5 || mode >= 7 && mode <= 10 || mode == 13)
                && !((mode == 5 || mode == 7) && configuration.encryptedBlocks() == 0);
        if (encrypting && !(end - from >= 2 && buf[from] == 0x2F && buf[from + 1] == 0x2F)) {
            throw new MBusDecodeException(from, "user data encrypted with security mode " + mode
                    + ": decrypt it first (wireless M-Bus codec, with the meter's key)");
        }
    }
}
