/**
 * The meter key store: OMS / EN 13757-7 AES-128 keys per meter (manufacturer + identification) and an
 * optional default key for meters without their own, encrypted at rest, imported and exported as text.
 * Plain Java ({@link org.metergate.security.EncryptedMeterKeyStore}); the bundle's DS component
 * publishes it as {@link org.metergate.api.security.MeterKeyStore}.
 *
 * <h2>Meter key text format (import and export), version 1</h2>
 * <pre>
 * # keys of building 7                       comment line
 * KAM-12345678 0F1E2D3C4B5A69788796A5B4C3D2E1F0
 * lse-0000AB12 00112233445566778899aabbccddeeff   # flat 3 (trailing comment)
 * default      A0B1C2D3E4F5061728394A5B6C7D8E9F
 * </pre>
 * <ul>
 * <li>UTF-8 text (only ASCII is meaningful), lines end in LF, CRLF or CR; a byte order mark at the start
 * is ignored; a line has at most {@value org.metergate.security.MeterKeyText#MAX_LINE_LENGTH}
 * characters.</li>
 * <li>Fields are separated by spaces or tabs. A field that starts with {@code #} starts a comment that
 * runs to the end of the line; empty and comment-only lines are ignored.</li>
 * <li>Every other line has exactly two fields: the target and the key.</li>
 * <li>The target is a meter, {@code MAN-IDENTIFICATION}: the manufacturer's three-letter FLAG code, a
 * hyphen and the 8 hex digits of the identification number as the meter sends them (for a BCD number,
 * its 8 decimal digits); or the word {@code default} for the default key. Case does not matter. (The
 * manufacturer may also use the characters {@code @ [ \ ] ^ _} that out-of-range manufacturer fields
 * print as, so every meter the gateway can see has a writable name.)</li>
 * <li>The key is the AES-128 key as 32 hex digits, first byte first, either case.</li>
 * <li>A meter appears at most once, {@code default} at most once.</li>
 * </ul>
 * Reading is all or nothing: the first bad line rejects the whole text with a
 * {@link org.metergate.security.MeterKeyTextException} naming the line number and the broken rule,
 * never the line's content. Importing into a store adds the keys, replacing the keys of the meters
 * (and the default key) that the text names; keys of other meters stay. Export writes two header
 * comment lines, the default key, then the meters in ascending order, keys in upper-case hex.
 * <b>An export holds every key in clear</b>: it is meant for an operator's explicit backup or move,
 * and its output must be protected and deleted like the keys themselves.
 *
 * <h2>At-rest file format, version 1</h2>
 * <pre>
 * offset  length  content
 *      0       6  magic, ASCII "MGKEYS" (4D 47 4B 45 59 53)
 *      6       2  format version, unsigned big-endian: 00 01
 *      8      12  AES-GCM nonce (IV), 96 random bits, fresh for every write (SecureRandom)
 *     20   n + 16 AES-GCM ciphertext of the n-byte payload, followed by the 128-bit tag
 * </pre>
 * The cipher is the JDK's {@code AES/GCM/NoPadding} under the key-encryption key (AES-128 or AES-256);
 * the associated data is bytes 0-7 (magic and version), so the version cannot be changed without the
 * tag failing. The payload, in clear only in memory:
 * <pre>
 * flags          1 byte   bit 0: a default key follows; other bits 0
 * default key   16 bytes  only when bit 0 is set
 * count          4 bytes  number of meter entries, unsigned big-endian
 * count entries 22 bytes each, meters in ascending order (manufacturer, then identification):
 *                  manufacturer field, 2 bytes big-endian (the 15-bit FLAG packing)
 *                  identification, 4 bytes: the 8 hex digits, first pair first (12345678 -> 12 34 56 78)
 *                  key, 16 bytes
 * </pre>
 * A failed tag gives {@link org.metergate.security.KeyStoreFileException} with reason
 * {@code UNDECRYPTABLE}: "key store PATH cannot be decrypted: wrong key-encryption key or the file was
 * modified"; a wrong magic, version or length gives the other reasons. Nothing is written then, so the
 * original file stays as it was. The store file and its lock file {@code <store>.lock} are created with
 * permissions 0600 (owner read and write) where the file system has POSIX permissions, and an existing
 * store with wider permissions is narrowed to 0600 when opened. Every write goes to
 * {@code <store>.<16 hex digits>.tmp} (0600), is fsynced, renamed atomically over the store, and the
 * directory is fsynced; temporary files a crash left behind are deleted when the store is next opened.
 *
 * <h2>Key-encryption key (KEK)</h2>
 * 128 or 256 bits, written as 32 or 64 hex digits, or base64 (standard or URL-safe alphabet, padding
 * optional) of 16 or 32 bytes; whitespace around it (a trailing newline) is ignored. It comes from a
 * file or an environment variable (see {@link org.metergate.security.KeyEncryptionKey}); generate one
 * with e.g. {@code openssl rand -hex 32}. There is deliberately no way to store keys without a KEK.
 * Random 96-bit nonces are safe for far more writes (2^32 under one KEK) than a key store sees.
 */
@Export
@Version("1.0.0")
package org.metergate.security;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
