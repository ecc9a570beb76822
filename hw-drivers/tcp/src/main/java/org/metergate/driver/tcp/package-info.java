/**
 * A transceiver for network receivers (a wM-Bus gateway, a stick on another machine behind {@code ser2net}, a
 * collector forwarding what it hears) that send one frame per text line over TCP. The driver either connects to the
 * receiver (client role, reconnecting with back-off) or listens for receivers (server role, any number connected).
 *
 * <h2>Line format</h2>
 * <pre>
 * # a comment; blank lines are ignored; CR LF or LF ends a line
 * &lt;hex&gt;
 * &lt;mode&gt;;&lt;rssi&gt;;&lt;hex&gt;
 * &lt;mode&gt;;&lt;rssi&gt;;&lt;framing&gt;;&lt;hex&gt;
 * </pre>
 * <ul>
 * <li>{@code hex}: the frame from its L-field on, upper or lower case, optionally prefixed {@code 0x}.</li>
 * <li>{@code mode}: the EN 13757-4 mode it was received in ({@code T1}, {@code C1}, {@code S1-m}, ...) or {@code -}
 * when unknown.</li>
 * <li>{@code rssi}: signal strength in whole dBm (-150 to 20) or {@code -}.</li>
 * <li>{@code framing}: {@code NOCRC} (link CRCs removed; the L-field must count the bytes after it), {@code A} or
 * {@code B} (frame format A / B with the link CRCs), or {@code DETECT} (let the decoder tell); without the field the
 * configured default applies (NOCRC unless configured otherwise).</li>
 * </ul>
 * Examples: {@code 1844AE4C4455223368077A55000000041389E20100023B0000},
 * {@code T1;-71;1844AE4C4455223368077A55000000041389E20100023B0000}, {@code C1;-80;B;0x2344...}.
 */
package org.metergate.driver.tcp;
