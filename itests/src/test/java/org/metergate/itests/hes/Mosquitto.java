package org.metergate.itests.hes;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.Assume;

/** Debian's mosquitto, started by the test on free loopback ports: a plain listener and a TLS one with client certificates. */
final class Mosquitto implements AutoCloseable {

    final int plainPort;
    final int tlsPort;
    private final Path conf;
    private Proc proc;

    static Path binary() {
        for (String p : List.of("/usr/sbin/mosquitto", "/usr/bin/mosquitto", "/usr/local/sbin/mosquitto")) {
            if (Files.isExecutable(Path.of(p))) {
                return Path.of(p);
            }
        }
        return null;
    }

    static void assumeInstalled() {
        Assume.assumeTrue("mosquitto is not installed (apt-get install mosquitto): the head-end end-to-end tests are skipped",
                binary() != null);
    }

    private final Map<String, String> env;

    Mosquitto(Path dir, Path ca, Path cert, Path key) throws Exception {
        this(dir, ca, cert, key, false);
    }

    /**
     * {@code brainpool}: the TLS listener takes brainpool certificates (RFC 7027). OpenSSL offers no
     * brainpool group unless configured to, so mosquitto gets an OpenSSL configuration naming them; and
     * OpenSSL 3.0 (Debian 12) has brainpool only in TLS 1.2, so that listener is TLS 1.2.
     */
    Mosquitto(Path dir, Path ca, Path cert, Path key, boolean brainpool) throws Exception {
        plainPort = freePort();
        tlsPort = freePort();
        Files.createDirectories(dir.resolve("db"));
        conf = dir.resolve("mosquitto.conf");
        Files.writeString(conf, String.join("\n",
                "user root",
                "allow_anonymous true",
                "persistence true",
                "persistence_location " + dir.resolve("db") + "/",
                "autosave_interval 1",
                "max_queued_messages 100000",
                "log_dest file " + dir.resolve("mosquitto.log"),
                "listener " + plainPort + " 127.0.0.1",
                "listener " + tlsPort + " 127.0.0.1",
                "cafile " + ca,
                "certfile " + cert,
                "keyfile " + key,
                "require_certificate true",
                brainpool ? "tls_version tlsv1.2" : "",
                ""));
        if (brainpool) {
            Path openssl = dir.resolve("openssl.cnf");
            Files.writeString(openssl, String.join("\n",
                    "openssl_conf = openssl_init",
                    "[openssl_init]",
                    "ssl_conf = ssl_sect",
                    "[ssl_sect]",
                    "system_default = system_default_sect",
                    "[system_default_sect]",
                    "Groups = x25519:secp256r1:secp384r1:brainpoolP256r1:brainpoolP384r1:brainpoolP512r1",
                    ""));
            env = Map.of("OPENSSL_CONF", openssl.toString());
        } else {
            env = Map.of();
        }
        start();
    }

    void start() throws Exception {
        proc = new Proc(List.of(binary().toString(), "-c", conf.toString()), env);
        long end = System.nanoTime() + 10_000_000_000L;
        while (System.nanoTime() < end) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", plainPort), 200);
                return;
            } catch (IOException notYet) {
                Thread.sleep(100);
            }
        }
        throw new AssertionError("mosquitto did not start: " + proc.snapshot());
    }

    /** Stops it as a service manager would (SIGTERM: it saves its sessions and queued messages). */
    void stop() throws Exception {
        proc.signal("TERM");
        proc.process.waitFor();
    }

    String plain() {
        return "tcp://127.0.0.1:" + plainPort;
    }

    String tls() {
        return "ssl://127.0.0.1:" + tlsPort;
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Override
    public void close() {
        if (proc != null) {
            proc.close();
        }
    }
}
