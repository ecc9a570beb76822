package org.metergate.headend.security.crypto;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.jsse.BCSSLParameters;
import org.bouncycastle.jsse.BCSSLSocket;
import org.bouncycastle.jsse.provider.BouncyCastleJsseProvider;

/**
 * TLS 1.3 / 1.2 contexts from PEM files, with the certificates and keys read by Bouncy Castle
 * ({@link Pem}). The server's certificate is verified against the given CAs (PKIX); the host name is
 * checked by the MQTT client (endpoint identification). Socket factories enable only the configured
 * protocol versions.
 *
 * <p>The TLS implementation is the JDK's unless the files need Bouncy Castle's ({@link TlsProvider}):
 * SunJSSE offers only the NIST curves in the supported_groups extension, so it can neither present
 * nor accept a brainpool certificate. Bouncy Castle's sockets offer the brainpool groups of RFC 7027
 * (TLS 1.2) and RFC 8734 (TLS 1.3) after the usual ones, which keep their preference for key exchange.
 */
public final class TlsContexts {

    /**
     * Named groups offered by Bouncy Castle sockets: the JDK's usual order for key exchange first, then
     * the brainpool groups, which in TLS 1.2 also say which certificate curves this side accepts.
     */
    static final List<String> BOUNCY_CASTLE_GROUPS = List.of("x25519", "secp256r1", "secp384r1", "secp521r1", "x448",
            "brainpoolP256r1tls13", "brainpoolP384r1tls13", "brainpoolP512r1tls13",
            "brainpoolP256r1", "brainpoolP384r1", "brainpoolP512r1", "ffdhe2048", "ffdhe3072");

    /** The EC curves SunJSSE can negotiate (RFC 8422 / RFC 8446 names): P-256, P-384, P-521. */
    private static final Set<String> JDK_CURVE_OIDS = Set.of("1.2.840.10045.3.1.7", "1.3.132.0.34", "1.3.132.0.35");

    private TlsContexts() {
    }

    /** A client context: trusts {@code files.caFile()} and presents the client certificate when given. */
    public static SSLContext client(TlsFiles files) throws IOException, GeneralSecurityException {
        return context(files);
    }

    /** A server context (tests, tools): presents the certificate and, with CAs given, can verify clients. */
    public static SSLContext server(TlsFiles files) throws IOException, GeneralSecurityException {
        if (files.certFile() == null) {
            throw new IllegalArgumentException("a TLS server needs a certificate and key");
        }
        return context(files);
    }

    private static SSLContext context(TlsFiles files) throws IOException, GeneralSecurityException {
        List<X509Certificate> cas = files.caFile() == null ? List.of() : Pem.certificates(files.caFile());
        List<X509Certificate> chain = files.certFile() == null ? List.of() : Pem.certificates(files.certFile());
        PrivateKey key = files.certFile() == null ? null : Pem.privateKey(files.keyFile(), files.keyPassword());
        Provider jsse = switch (files.provider()) {
            case JDK -> null;
            case BOUNCY_CASTLE -> bouncyCastleJsse();
            case AUTO -> Stream.concat(cas.stream(), chain.stream()).anyMatch(c -> needsBouncyCastle(c.getPublicKey()))
                    ? bouncyCastleJsse() : null;
        };

        TrustManagerFactory tmf = jsse == null
                ? TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm())
                : TrustManagerFactory.getInstance("PKIX", jsse);
        if (cas.isEmpty()) {
            tmf.init((KeyStore) null);
        } else {
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            int i = 0;
            for (X509Certificate ca : cas) {
                trust.setCertificateEntry("ca-" + i++, ca);
            }
            tmf.init(trust);
        }
        KeyManagerFactory kmf = null;
        if (key != null) {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            char[] pw = "metergate".toCharArray(); // protects only this in-memory store
            ks.setKeyEntry("own", key, pw, chain.toArray(X509Certificate[]::new));
            kmf = jsse == null ? KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm())
                    : KeyManagerFactory.getInstance("PKIX", jsse);
            kmf.init(ks, pw);
        }
        String protocol = files.protocols().contains("TLSv1.3") ? "TLSv1.3" : "TLSv1.2";
        SSLContext ctx = jsse == null ? SSLContext.getInstance(protocol) : SSLContext.getInstance(protocol, jsse);
        ctx.init(kmf == null ? null : kmf.getKeyManagers(), tmf.getTrustManagers(), null);
        return ctx;
    }

    private static Provider bouncyCastleJsse() {
        return new BouncyCastleJsseProvider(BouncyCastle.PROVIDER);
    }

    /** True for an EC key on a curve SunJSSE cannot negotiate (brainpool, or explicit parameters). */
    static boolean needsBouncyCastle(PublicKey key) {
        if (!"EC".equals(key.getAlgorithm()) && !"ECDSA".equals(key.getAlgorithm())) {
            return false;
        }
        ASN1Encodable params = SubjectPublicKeyInfo.getInstance(key.getEncoded()).getAlgorithm().getParameters();
        return !(params instanceof ASN1ObjectIdentifier oid && JDK_CURVE_OIDS.contains(oid.getId()));
    }

    /** True when {@code ctx} is Bouncy Castle's TLS implementation. */
    public static boolean isBouncyCastle(SSLContext ctx) {
        return ctx.getProvider() instanceof BouncyCastleJsseProvider;
    }

    /** A socket factory of {@code ctx} whose sockets enable exactly {@code protocols}. */
    public static SSLSocketFactory socketFactory(SSLContext ctx, List<String> protocols) {
        return new Restricted(ctx.getSocketFactory(), protocols.toArray(String[]::new));
    }

    /**
     * Sets up a socket before its handshake: exactly {@code protocols}, and on Bouncy Castle's sockets
     * the named groups that include brainpool. Servers call it on accepted sockets.
     */
    public static SSLSocket configure(SSLSocket socket, List<String> protocols) {
        socket.setEnabledProtocols(protocols.toArray(String[]::new));
        if (socket instanceof BCSSLSocket bc) {
            BCSSLParameters p = bc.getParameters();
            p.setNamedGroups(BOUNCY_CASTLE_GROUPS.toArray(String[]::new));
            bc.setParameters(p);
        }
        return socket;
    }

    /** Wraps a context's factory to set up every socket it makes ({@link #configure}). */
    private static final class Restricted extends SSLSocketFactory {
        private final SSLSocketFactory delegate;
        private final String[] protocols;

        Restricted(SSLSocketFactory delegate, String[] protocols) {
            this.delegate = delegate;
            this.protocols = protocols;
        }

        private Socket restrict(Socket s) {
            if (s instanceof SSLSocket ssl) {
                configure(ssl, List.of(protocols));
            }
            return s;
        }

        @Override
        public String[] getDefaultCipherSuites() {
            return delegate.getDefaultCipherSuites();
        }

        @Override
        public String[] getSupportedCipherSuites() {
            return delegate.getSupportedCipherSuites();
        }

        @Override
        public Socket createSocket(Socket s, String host, int port, boolean autoClose) throws IOException {
            return restrict(delegate.createSocket(s, host, port, autoClose));
        }

        @Override
        public Socket createSocket() throws IOException {
            return restrict(delegate.createSocket());
        }

        @Override
        public Socket createSocket(String host, int port) throws IOException {
            return restrict(delegate.createSocket(host, port));
        }

        @Override
        public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
            return restrict(delegate.createSocket(host, port, localHost, localPort));
        }

        @Override
        public Socket createSocket(InetAddress host, int port) throws IOException {
            return restrict(delegate.createSocket(host, port));
        }

        @Override
        public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort) throws IOException {
            return restrict(delegate.createSocket(address, port, localAddress, localPort));
        }
    }
}
