/**
 * EN 13757-3 data records: the data information block (DIF, DIFEs: data field coding, function,
 * storage number, tariff, subunit), the value information block (primary VIF table, the 0xFD and
 * 0xFB extension tables, combinable VIFEs, plain-text and manufacturer-specific VIFs), the decoded
 * values (exact {@link java.math.BigDecimal}, text, bytes, date/time types F, G, I, J, K, M) and the
 * decoder over a byte range that the wired and the wireless codecs share.
 */
@Export
@Version("1.0.0")
package org.metergate.mbus.record;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
