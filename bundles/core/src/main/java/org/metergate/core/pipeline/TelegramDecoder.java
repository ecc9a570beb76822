package org.metergate.core.pipeline;

import org.metergate.api.telegram.RawTelegram;

/**
 * The codecs as the pipeline uses them: the wired (EN 13757-2/-3) and wireless (EN 13757-4/-7, OMS)
 * decoders behind one call. Implementations never throw for bad input: it becomes a
 * {@link DecodeResult.Failed}.
 */
public interface TelegramDecoder {

    /**
     * The bytes that identify this transmission for de-duplication: the link-layer frame without
     * receiver-specific framing (link CRCs removed), so that receptions of one transmission by
     * different receivers compare equal. Null when the frame is too broken to tell.
     */
    byte[] transmissionKey(RawTelegram telegram);

    /** Decodes the telegram, with the key from the key store when it is encrypted. */
    DecodeResult decode(RawTelegram telegram);
}
