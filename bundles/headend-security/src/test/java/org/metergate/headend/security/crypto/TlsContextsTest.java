package org.metergate.headend.security.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Mutual TLS from PEM files, in process: the right client certificate gets through, a foreign one does
 * not; on the NIST curves with the JDK's TLS, on brainpool (RFC 7027, RFC 8734) with Bouncy Castle's.
 */
class TlsContextsTest {

    @TempDir
    Path dir;

    @Test
    void mutualTlsWithPemFilesAndAForeignClientCertificateIsRefused() throws Exception {
        TestPki pki = new TestPki("Metergate test CA", "secp256r1");
        TestPki.Issued server = pki.issue("localhost", "localhost");
        TestPki.Issued client = pki.issue("gw-1", null);
        TestPki rogue = new TestPki("Rogue CA", "secp256r1");
        TestPki.Issued foreign = rogue.issue("gw-1", null);
        Path ca = pki.writeCa(dir);

        SSLContext serverCtx = TlsContexts.server(new TlsFiles(ca, server.writeCert(dir, "server"), server.writeKey(dir, "server"), null, null));
        try (SSLServerSocket ss = (SSLServerSocket) serverCtx.getServerSocketFactory().createServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            ss.setNeedClientAuth(true);
            ss.setEnabledProtocols(new String[] {"TLSv1.3", "TLSv1.2"});
            CompletableFuture<Void> serving = CompletableFuture.runAsync(() -> {
                for (int i = 0; i < 2; i++) {
                    try (SSLSocket s = (SSLSocket) ss.accept()) {
                        s.setSoTimeout(5000);
                        InputStream in = s.getInputStream();
                        OutputStream out = s.getOutputStream();
                        int b = in.read();
                        out.write(b + 1);
                        out.flush();
                    } catch (IOException expectedForTheForeignClient) {
                        // handshake refused
                    }
                }
            });

            SSLContext good = TlsContexts.client(new TlsFiles(ca, client.writeCert(dir, "client"), client.writeKey(dir, "client"), null, List.of("TLSv1.3")));
            try (SSLSocket s = (SSLSocket) TlsContexts.socketFactory(good, List.of("TLSv1.3")).createSocket("127.0.0.1", ss.getLocalPort())) {
                s.setSoTimeout(5000);
                s.getOutputStream().write(41);
                s.getOutputStream().flush();
                assertThat(s.getInputStream().read()).isEqualTo(42);
                assertThat(s.getSession().getProtocol()).isEqualTo("TLSv1.3");
            }

            SSLContext bad = TlsContexts.client(new TlsFiles(ca, foreign.writeCert(dir, "foreign"), foreign.writeKey(dir, "foreign"), null, null));
            assertThatThrownBy(() -> roundTrip(bad, ss.getLocalPort(), TlsFiles.DEFAULT_PROTOCOLS)).isInstanceOf(IOException.class);
            serving.get(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void brainpoolCertificatesWorkInTls13And12WithBouncyCastleChosenByTheirCurve() throws Exception {
        TestPki pki = new TestPki("Metergate brainpool CA", "brainpoolP256r1");
        TestPki.Issued server = pki.issue("localhost", "localhost");
        TestPki.Issued client = pki.issue("gw-1", null);
        TestPki.Issued foreign = new TestPki("Rogue brainpool CA", "brainpoolP256r1").issue("gw-1", null);
        Path ca = pki.writeCa(dir);
        SSLContext serverCtx = TlsContexts.server(new TlsFiles(ca, server.writeCert(dir, "server"), server.writeKey(dir, "server"), null, null));
        assertThat(TlsContexts.isBouncyCastle(serverCtx)).as("brainpool files choose Bouncy Castle").isTrue();

        try (SSLServerSocket ss = (SSLServerSocket) serverCtx.getServerSocketFactory().createServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            ss.setNeedClientAuth(true);
            CompletableFuture<Void> serving = echo(ss, 4);
            for (String protocol : List.of("TLSv1.3", "TLSv1.2")) {
                SSLContext good = TlsContexts.client(new TlsFiles(ca, client.writeCert(dir, "client"), client.writeKey(dir, "client"), null, List.of(protocol)));
                assertThat(TlsContexts.isBouncyCastle(good)).isTrue();
                try (SSLSocket s = (SSLSocket) TlsContexts.socketFactory(good, List.of(protocol)).createSocket("127.0.0.1", ss.getLocalPort())) {
                    s.setSoTimeout(5000);
                    s.getOutputStream().write(41);
                    s.getOutputStream().flush();
                    assertThat(s.getInputStream().read()).isEqualTo(42);
                    assertThat(s.getSession().getProtocol()).isEqualTo(protocol);
                    assertThat(((java.security.interfaces.ECPublicKey) s.getSession().getPeerCertificates()[0].getPublicKey()).getParams().getCurve().getField().getFieldSize()).isEqualTo(256);
                }
            }
            SSLContext bad = TlsContexts.client(new TlsFiles(ca, foreign.writeCert(dir, "foreign"), foreign.writeKey(dir, "foreign"), null, null));
            assertThatThrownBy(() -> roundTrip(bad, ss.getLocalPort(), TlsFiles.DEFAULT_PROTOCOLS)).as("foreign client certificate").isInstanceOf(IOException.class);
            SSLContext jdkOnly = TlsContexts.client(new TlsFiles(ca, client.writeCert(dir, "client"), client.writeKey(dir, "client"), null, null, TlsProvider.JDK));
            assertThat(TlsContexts.isBouncyCastle(jdkOnly)).isFalse();
            assertThatThrownBy(() -> roundTrip(jdkOnly, ss.getLocalPort(), TlsFiles.DEFAULT_PROTOCOLS))
                    .as("the JDK's TLS cannot negotiate a brainpool certificate").isInstanceOf(IOException.class);
            serving.get(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void theJdkIsChosenForNistCurvesUnlessBouncyCastleIsAskedFor() throws Exception {
        TestPki pki = new TestPki("Metergate test CA", "secp256r1");
        Path ca = pki.writeCa(dir);
        assertThat(TlsContexts.isBouncyCastle(TlsContexts.client(new TlsFiles(ca, null, null, null, null)))).isFalse();
        assertThat(TlsContexts.isBouncyCastle(TlsContexts.client(new TlsFiles(ca, null, null, null, null, TlsProvider.BOUNCY_CASTLE)))).isTrue();
        assertThat(TlsContexts.needsBouncyCastle(EcKeys.generate("secp384r1").getPublic())).isFalse();
        assertThat(TlsContexts.needsBouncyCastle(EcKeys.generate("brainpoolP384r1").getPublic())).isTrue();
        assertThat(TlsProvider.parse("BouncyCastle")).isEqualTo(TlsProvider.BOUNCY_CASTLE);
        assertThat(TlsProvider.parse("")).isEqualTo(TlsProvider.AUTO);
        assertThatThrownBy(() -> TlsProvider.parse("openssl")).hasMessage("TLS provider 'openssl' is not one of auto, jdk, bouncycastle");
    }

    /** Answers each of {@code connections} with the byte it read plus one; failed handshakes count too. */
    private static CompletableFuture<Void> echo(SSLServerSocket ss, int connections) {
        return CompletableFuture.runAsync(() -> {
            for (int i = 0; i < connections; i++) {
                try (SSLSocket s = TlsContexts.configure((SSLSocket) ss.accept(), TlsFiles.DEFAULT_PROTOCOLS)) {
                    s.setSoTimeout(5000);
                    int b = s.getInputStream().read();
                    s.getOutputStream().write(b + 1);
                    s.getOutputStream().flush();
                } catch (IOException refused) {
                    // a handshake the test expects to fail
                }
            }
        });
    }

    private static void roundTrip(SSLContext ctx, int port, List<String> protocols) throws IOException {
        try (SSLSocket s = (SSLSocket) TlsContexts.socketFactory(ctx, protocols).createSocket("127.0.0.1", port)) {
            s.setSoTimeout(5000);
            s.startHandshake();
            s.getOutputStream().write(1);
            s.getOutputStream().flush();
            if (s.getInputStream().read() < 0) {
                throw new IOException("closed by the server");
            }
        }
    }

    @Test
    void onlyTls12And13AreAccepted() {
        assertThatThrownBy(() -> new TlsFiles(null, null, null, null, List.of("TLSv1.1")))
                .hasMessageContaining("TLSv1.1 is not allowed");
        assertThatThrownBy(() -> new TlsFiles(null, Path.of("a"), null, null, null)).hasMessageContaining("private key");
    }
}
