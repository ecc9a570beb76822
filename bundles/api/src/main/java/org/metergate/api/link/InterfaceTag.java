package org.metergate.api.link;

/**
 * The interfaces of the TR 50572 functional reference architecture. Every service that implements
 * one carries the service property {@value #PROPERTY} with the interface's name, so the gateway,
 * the shell and the launcher can tell which interfaces are up.
 */
public enum InterfaceTag {
    /** Meter &lt;-&gt; LNAP: wired and wireless M-Bus, DLMS local port, SML optical port. */
    M,
    /** Meter or LNAP -&gt; NNAP over the neighbourhood network. */
    C,
    /** Meter -&gt; simple external consumer display (one-way). */
    H1,
    /** LNAP -&gt; home automation. */
    H2,
    /** LNAP -&gt; advanced displays and home automation. */
    H3,
    /** LNAP &lt;-&gt; peer LNAP. */
    L,
    /** NNAP &lt;-&gt; peer NNAP. */
    N,
    /** Meter -&gt; head-end system over the WAN. */
    G1,
    /** LNAP / NNAP -&gt; head-end system over the WAN. */
    G2;

    /** The service property that names the interface(s) a service implements. */
    public static final String PROPERTY = "metergate.interface";
}
