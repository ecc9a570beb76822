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

/** Mutual TLS from PEM files, in process: the right client certificate gets through, a foreign one does not. */
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
            assertThatThrownBy(() -> {
                try (SSLSocket s = (SSLSocket) TlsContexts.socketFactory(bad, TlsFiles.DEFAULT_PROTOCOLS).createSocket("127.0.0.1", ss.getLocalPort())) {
                    s.setSoTimeout(5000);
                    s.startHandshake();
                    s.getOutputStream().write(1);
                    s.getOutputStream().flush();
                    if (s.getInputStream().read() < 0) {
                        throw new IOException("closed by the server");
                    }
                }
            }).isInstanceOf(IOException.class);
            serving.get(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void onlyTls12And13AreAccepted() {
        assertThatThrownBy(() -> new TlsFiles(null, null, null, null, List.of("TLSv1.1")))
                .hasMessageContaining("TLSv1.1 is not allowed");
        assertThatThrownBy(() -> new TlsFiles(null, Path.of("a"), null, null, null)).hasMessageContaining("private key");
    }
}
