package org.metergate.provisioning.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpsServer;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Downloads over HTTPS from a local server with its own certificate: verified against a trust file,
 * resumed with a Range request after the connection breaks mid-transfer.
 */
class HttpsDownloaderTest {

    @TempDir
    Path tmp;
    HttpsServer server;
    Path trust;
    final byte[] content = new byte[700_000];
    final List<String> ranges = Collections.synchronizedList(new ArrayList<>());
    final AtomicInteger requests = new AtomicInteger();
    /** Requests that break off after half of their bytes. */
    volatile int breakFirst;

    @BeforeEach
    void serve() throws Exception {
        new Random(1).nextBytes(content);
        TestHttpsServer t = TestHttpsServer.start(tmp, content, () -> requests.incrementAndGet() <= breakFirst, ranges);
        server = t.server();
        trust = t.trust();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    URI uri(String path) {
        return URI.create("https://localhost:" + server.getAddress().getPort() + path);
    }

    @Test
    void aBrokenDownloadResumesWhereItStoppedWithARangeRequest() throws Exception {
        breakFirst = 2;
        HttpsDownloader d = new HttpsDownloader(trust, Duration.ofSeconds(10), 4, false, 10_000_000);
        Path part = tmp.resolve("p.part");
        List<Long> progress = new ArrayList<>();
        long size = d.download(uri("/pkg.mgp"), part, content.length, (got, total) -> progress.add(got), () -> false);
        assertThat(size).isEqualTo(content.length);
        assertThat(part).hasBinaryContent(content);
        assertThat(requests.get()).isEqualTo(3);
        assertThat(ranges.get(0)).isEqualTo("null");
        assertThat(ranges.get(1)).startsWith("bytes=").isNotEqualTo("bytes=0-");
        assertThat(progress).isSorted();
    }

    @Test
    void aServerWithoutATrustedCertificateIsRefused() throws Exception {
        HttpsDownloader d = new HttpsDownloader(null, Duration.ofSeconds(5), 0, false, 10_000_000);
        assertThatThrownBy(() -> d.download(uri("/pkg.mgp"), tmp.resolve("x.part"), content.length, (a, b) -> { }, () -> false))
                .hasMessageContaining("download failed");
        assertThat(requests.get()).isZero();
    }

    @Test
    void httpErrorsAndPlainHttpAreNotRetried() throws Exception {
        HttpsDownloader d = new HttpsDownloader(trust, Duration.ofSeconds(5), 3, false, 10_000_000);
        assertThatThrownBy(() -> d.download(uri("/missing"), tmp.resolve("m.part"), -1, (a, b) -> { }, () -> false))
                .isInstanceOf(HttpsDownloader.DownloadException.class).hasMessageContaining("HTTP 404");
        assertThatThrownBy(() -> d.download(URI.create("http://localhost/x"), tmp.resolve("h.part"), -1, (a, b) -> { }, () -> false))
                .isInstanceOf(HttpsDownloader.DownloadException.class).hasMessageContaining("only https://");
        HttpsDownloader small = new HttpsDownloader(trust, Duration.ofSeconds(5), 3, false, 1000);
        assertThatThrownBy(() -> small.download(uri("/pkg.mgp"), tmp.resolve("s.part"), -1, (a, b) -> { }, () -> false))
                .isInstanceOf(HttpsDownloader.DownloadException.class).hasMessageContaining("more than the 1000 allowed");
    }
}
