package org.metergate.headend.security.crypto;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;

/**
 * TLS 1.3 / 1.2 contexts from PEM files, on the JDK's TLS implementation with the certificates and
 * keys read by Bouncy Castle ({@link Pem}). The server's certificate is verified against the given
 * CAs (PKIX); the host name is checked by the MQTT client (endpoint identification). Socket factories
 * enable only the configured protocol versions.
 */
public final class TlsContexts {

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
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        if (files.caFile() == null) {
            tmf.init((KeyStore) null);
        } else {
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            int i = 0;
            for (X509Certificate ca : Pem.certificates(files.caFile())) {
                trust.setCertificateEntry("ca-" + i++, ca);
            }
            tmf.init(trust);
        }
        KeyManagerFactory kmf = null;
        if (files.certFile() != null) {
            List<X509Certificate> chain = Pem.certificates(files.certFile());
            PrivateKey key = Pem.privateKey(files.keyFile(), files.keyPassword());
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            char[] pw = "metergate".toCharArray(); // protects only this in-memory store
            ks.setKeyEntry("own", key, pw, chain.toArray(X509Certificate[]::new));
            kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(ks, pw);
        }
        SSLContext ctx = SSLContext.getInstance(files.protocols().contains("TLSv1.3") ? "TLSv1.3" : "TLSv1.2");
        ctx.init(kmf == null ? null : kmf.getKeyManagers(), tmf.getTrustManagers(), null);
        return ctx;
    }

    /** A socket factory of {@code ctx} whose sockets enable exactly {@code protocols}. */
    public static SSLSocketFactory socketFactory(SSLContext ctx, List<String> protocols) {
        return new Restricted(ctx.getSocketFactory(), protocols.toArray(String[]::new));
    }

    /** Wraps the JDK factory to fix the enabled protocols on every socket it makes. */
    private static final class Restricted extends SSLSocketFactory {
        private final SSLSocketFactory delegate;
        private final String[] protocols;

        Restricted(SSLSocketFactory delegate, String[] protocols) {
            this.delegate = delegate;
            this.protocols = protocols;
        }

        private Socket restrict(Socket s) {
            if (s instanceof SSLSocket ssl) {
                ssl.setEnabledProtocols(protocols);
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
