package org.metergate.headend.security.crypto;

import java.nio.file.Path;
import java.util.List;

/**
 * The PEM files of one TLS endpoint: the CA certificates that are trusted to sign the peer's
 * certificate, and this side's certificate chain and private key (optional on a client that does not
 * authenticate itself).
 *
 * @param caFile trusted CA certificates (PEM, one or more); null trusts the JDK's default CAs
 * @param certFile own certificate chain, leaf first (PEM); null for no client certificate
 * @param keyFile own private key (PEM; SEC1, PKCS#8 or encrypted PKCS#8); null with certFile null
 * @param keyPassword password of an encrypted private key, else null or empty
 * @param protocols TLS versions to enable, e.g. {@code [TLSv1.3, TLSv1.2]}
 * @param provider the TLS implementation; null means {@link TlsProvider#AUTO}
 */
public record TlsFiles(Path caFile, Path certFile, Path keyFile, char[] keyPassword, List<String> protocols,
                       TlsProvider provider) {

    public static final List<String> DEFAULT_PROTOCOLS = List.of("TLSv1.3", "TLSv1.2");

    /** With the TLS implementation chosen by the files' curves ({@link TlsProvider#AUTO}). */
    public TlsFiles(Path caFile, Path certFile, Path keyFile, char[] keyPassword, List<String> protocols) {
        this(caFile, certFile, keyFile, keyPassword, protocols, TlsProvider.AUTO);
    }

    public TlsFiles {
        provider = provider == null ? TlsProvider.AUTO : provider;
        protocols = protocols == null || protocols.isEmpty() ? DEFAULT_PROTOCOLS : List.copyOf(protocols);
        for (String p : protocols) {
            if (!p.equals("TLSv1.3") && !p.equals("TLSv1.2")) {
                throw new IllegalArgumentException("TLS protocol " + p + " is not allowed: only TLSv1.3 and TLSv1.2");
            }
        }
        if ((certFile == null) != (keyFile == null)) {
            throw new IllegalArgumentException("a client certificate needs its private key and the other way round");
        }
    }

    @Override
    public String toString() {
        return "TlsFiles[ca=" + caFile + ", cert=" + certFile + ", key=" + keyFile + ", protocols=" + protocols + ", provider=" + provider + "]";
    }
}
