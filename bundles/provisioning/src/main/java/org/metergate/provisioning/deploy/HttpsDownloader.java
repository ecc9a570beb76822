package org.metergate.provisioning.deploy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.Collection;
import java.util.function.BooleanSupplier;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * Downloads a package over HTTPS into a part file, resuming where the file ends ({@code Range:
 * bytes=N-}) after a broken connection or a restart, with retries and back-off. The server is verified
 * against the JDK's trusted CAs, or against the CA certificates of a PEM file when one is configured.
 */
final class HttpsDownloader {

    /** Reports progress: bytes in the part file and the total size (-1 when unknown). */
    interface Progress {
        void at(long received, long size) throws IOException;
    }

    /** A download that cannot succeed by trying again: refused URI, HTTP error status, too large. */
    static final class DownloadException extends IOException {
        private static final long serialVersionUID = 1L;

        DownloadException(String message) {
            super(message);
        }
    }

    private final HttpClient client;
    private final Duration timeout;
    private final int retries;
    private final boolean allowHttp;
    private final long maxBytes;

    HttpsDownloader(Path trustFile, Duration timeout, int retries, boolean allowHttp, long maxBytes) throws IOException {
        HttpClient.Builder b = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NORMAL);
        if (trustFile != null) {
            b.sslContext(sslContext(trustFile));
        }
        this.client = b.build();
        this.timeout = timeout;
        this.retries = retries;
        this.allowHttp = allowHttp;
        this.maxBytes = maxBytes;
    }

    static SSLContext sslContext(Path pemCertificates) throws IOException {
        try (InputStream in = Files.newInputStream(pemCertificates)) {
            Collection<? extends Certificate> certs = CertificateFactory.getInstance("X.509").generateCertificates(in);
            if (certs.isEmpty()) {
                throw new IOException("no certificate in " + pemCertificates);
            }
            KeyStore ks = KeyStore.getInstance(KeyStore.getDefaultType());
            ks.load(null, null);
            int i = 0;
            for (Certificate c : certs) {
                ks.setCertificateEntry("ca" + i++, c);
            }
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(ks);
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(null, tmf.getTrustManagers(), null);
            return ctx;
        } catch (GeneralSecurityException e) {
            throw new IOException("download trust file " + pemCertificates + " cannot be used: " + e.getMessage(), e);
        }
    }

    void check(URI uri) throws DownloadException {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
        if (!scheme.equals("https") && !(allowHttp && scheme.equals("http"))) {
            throw new DownloadException("only https:// downloads are accepted" + (allowHttp ? " (or http://)" : "") + ": " + uri);
        }
    }

    /**
     * Completes the part file from {@code uri}; returns its final length.
     *
     * @param size the announced size, -1 when unknown
     */
    long download(URI uri, Path part, long size, Progress progress, BooleanSupplier cancelled) throws IOException, InterruptedException {
        check(uri);
        IOException last = null;
        for (int attempt = 0; attempt <= retries; attempt++) {
            if (cancelled.getAsBoolean()) {
                throw new DownloadException("cancelled");
            }
            if (attempt > 0) {
                Thread.sleep(Math.min(30_000L, 500L << Math.min(attempt, 6)));
            }
            try {
                return once(uri, part, size, progress, cancelled);
            } catch (DownloadException e) {
                throw e;
            } catch (IOException e) {
                last = e; // connection broken: try again from where the file ends
            }
        }
        throw new IOException("download failed after " + (retries + 1) + " attempts: " + last.getMessage(), last);
    }

    private long once(URI uri, Path part, long size, Progress progress, BooleanSupplier cancelled) throws IOException, InterruptedException {
        long have = Files.exists(part) ? Files.size(part) : 0;
        if (size >= 0 && have == size) {
            return have;
        }
        HttpRequest.Builder rb = HttpRequest.newBuilder(uri).timeout(timeout).GET();
        if (have > 0) {
            rb.header("Range", "bytes=" + have + "-");
        }
        HttpResponse<InputStream> r = client.send(rb.build(), HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream body = r.body()) {
            int status = r.statusCode();
            boolean append;
            if (status == 206) {
                append = true;
            } else if (status == 200) {
                append = false; // the server ignores ranges: start over
                have = 0;
            } else if (status == 416 && have > 0) {
                return have;
            } else {
                throw new DownloadException("HTTP " + status + " from " + uri);
            }
            long total = size;
            if (total < 0) {
                long length = r.headers().firstValueAsLong("Content-Length").orElse(-1);
                total = length < 0 ? -1 : length + (append ? have : 0);
            }
            if (total > maxBytes) {
                throw new DownloadException("the package is " + total + " bytes, more than the " + maxBytes + " allowed");
            }
            try (FileChannel ch = FileChannel.open(part, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    append ? StandardOpenOption.APPEND : StandardOpenOption.TRUNCATE_EXISTING);
                 OutputStream out = Channels.newOutputStream(ch)) {
                byte[] buf = new byte[64 * 1024];
                long received = have;
                long lastReport = 0;
                for (int n; (n = body.read(buf)) > 0; ) {
                    if (cancelled.getAsBoolean()) {
                        throw new DownloadException("cancelled");
                    }
                    out.write(buf, 0, n);
                    received += n;
                    if (received > maxBytes || (size >= 0 && received > size)) {
                        throw new DownloadException("the server sent more than the " + (size >= 0 ? size : maxBytes) + " bytes expected");
                    }
                    if (received - lastReport >= 256 * 1024) {
                        ch.force(false);
                        progress.at(received, total);
                        lastReport = received;
                    }
                }
                ch.force(false);
                progress.at(received, total);
                if (size >= 0 && received < size) {
                    throw new IOException("connection ended at " + received + " of " + size + " bytes");
                }
                return received;
            }
        }
    }
}
