package org.metergate.driver.rtlwmbus;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads rtl_wmbus lines from a path. A FIFO is opened for reading and writing, so opening does not wait for a writer
 * and a writer that goes away (rtl_wmbus restarted) is no end of input. A regular file is read from where the last
 * session stopped and followed as it grows; truncated, it is read again from the start; removed, the session ends.
 */
final class PathSession extends LineSession {

    private static final Logger LOG = LoggerFactory.getLogger(PathSession.class);

    /** Where a followed file was read up to, kept across sessions by the transceiver. */
    record Position(Object fileKey, long offset) {
    }

    private final Path path;
    private final FileChannel channel;
    private final InputStream in;
    private final boolean regular;
    private final Object fileKey;
    private final RtlWmbusSettings settings;
    private volatile long offset;

    private PathSession(RtlWmbusTransceiver owner, RtlWmbusSettings settings, Path path, FileChannel channel,
                        boolean regular, Object fileKey, long offset) {
        super(owner);
        this.settings = settings;
        this.path = path;
        this.channel = channel;
        this.in = Channels.newInputStream(channel);
        this.regular = regular;
        this.fileKey = fileKey;
        this.offset = offset;
    }

    static PathSession open(RtlWmbusTransceiver owner, RtlWmbusSettings settings, Position last) throws IOException {
        Path p = Path.of(settings.path());
        BasicFileAttributes a;
        try {
            a = Files.readAttributes(p, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            throw new IOException("no file or FIFO at " + p);
        }
        if (a.isDirectory()) {
            throw new IOException(p + " is a directory");
        }
        if (a.isRegularFile()) {
            FileChannel ch = FileChannel.open(p, StandardOpenOption.READ);
            long start = last != null && last.fileKey() != null && last.fileKey().equals(a.fileKey())
                    && last.offset() <= ch.size() ? last.offset() : 0;
            ch.position(start);
            LOG.info("{}: following {} from byte {}", settings.id(), p, start);
            return new PathSession(owner, settings, p, ch, true, a.fileKey(), start);
        }
        // a FIFO (or device): read and write, so neither opening nor a leaving writer blocks or ends us
        FileChannel ch = FileChannel.open(p, StandardOpenOption.READ, StandardOpenOption.WRITE);
        LOG.info("{}: reading the FIFO {}", settings.id(), p);
        return new PathSession(owner, settings, p, ch, false, a.fileKey(), 0);
    }

    boolean regular() {
        return regular;
    }

    Position position() {
        return new Position(fileKey, offset);
    }

    @Override
    protected InputStream stream() {
        return in;
    }

    @Override
    protected void consumed(int n) {
        offset += n;
        owner.position(position());
    }

    @Override
    protected void endOfStream() throws IOException, InterruptedException {
        if (!regular) {
            throw new IOException(path + " ended");
        }
        Thread.sleep(settings.pollInterval().toMillis());
        BasicFileAttributes a;
        try {
            a = Files.readAttributes(path, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            throw new IOException(path + " was removed");
        }
        if (!a.fileKey().equals(fileKey)) {
            throw new IOException(path + " was replaced by another file");
        }
        if (a.size() < offset) {
            LOG.info("{}: {} was truncated; reading it again from the start", settings.id(), path);
            channel.position(0);
            offset = 0;
            owner.position(position());
        }
    }

    @Override
    public void close() {
        closed = true;
        try {
            channel.close();
        } catch (IOException e) {
            // closing anyway
        }
    }
}
