package org.metergate.security;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Replaces a file's whole content so that a crash at any moment leaves either the old or the new
 * content: write a temporary file beside it, fsync it, rename it over the target atomically, fsync the
 * directory so the rename itself survives a power loss. Files are created owner-only (0600) where the
 * file system has POSIX permissions. A temporary file left by a crash is named
 * {@code <target name>.<16 hex digits>.tmp}; {@link #removeLeftovers()} deletes exactly those.
 */
class AtomicFile {

    static final Set<PosixFilePermission> OWNER_READ_WRITE =
            EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
    static final Set<PosixFilePermission> OWNER_ONLY_DIRECTORY =
            EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE);

    private static final SecureRandom NAMES = new SecureRandom();

    private final Path target;
    private final Path directory;
    private final String name;
    private final boolean posix;
    private final Pattern leftover;

    AtomicFile(Path target) {
        this.target = target.toAbsolutePath().normalize();
        this.directory = this.target.getParent();
        this.name = this.target.getFileName().toString();
        this.posix = this.target.getFileSystem().supportedFileAttributeViews().contains("posix");
        this.leftover = Pattern.compile(Pattern.quote(name) + "\\.[0-9a-f]{16}\\.tmp");
    }

    Path target() {
        return target;
    }

    boolean posix() {
        return posix;
    }

    /** Attributes that create a file readable and writable by its owner only, where supported. */
    FileAttribute<?>[] ownerOnly() {
        return posix ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_READ_WRITE)} : new FileAttribute<?>[0];
    }

    /** Creates the target's directory, owner-only, if it does not exist. */
    void createDirectory() throws IOException {
        if (!Files.isDirectory(directory)) {
            if (posix) {
                Files.createDirectories(directory, PosixFilePermissions.asFileAttribute(OWNER_ONLY_DIRECTORY));
            } else {
                Files.createDirectories(directory);
            }
        }
    }

    /** Replaces the target's content; when this returns, the new content is on stable storage. */
    void write(byte[] content) throws IOException {
        Path temporary = directory.resolve(name + "." + String.format("%016x", NAMES.nextLong()) + ".tmp");
        Files.createFile(temporary, ownerOnly());
        boolean renamed = false;
        try {
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(content);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            replace(temporary, target);
            renamed = true;
            syncDirectory();
        } finally {
            if (!renamed) {
                Files.deleteIfExists(temporary);
            }
        }
    }

    /** The atomic step; a separate method so tests can simulate a crash just before it. */
    void replace(Path temporary, Path target) throws IOException {
        // rename(2): atomic, replaces the target; no fallback to a copy, which would not be atomic
        Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    private void syncDirectory() throws IOException {
        if (!posix) {
            return; // a directory cannot be opened as a channel on Windows; NTFS journals the rename
        }
        try (FileChannel dir = FileChannel.open(directory, StandardOpenOption.READ)) {
            dir.force(true);
        }
    }

    /** Deletes temporary files that a crash left behind (the target itself is intact); returns them. */
    List<Path> removeLeftovers() throws IOException {
        List<Path> removed = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory,
                p -> leftover.matcher(p.getFileName().toString()).matches())) {
            for (Path file : files) {
                if (Files.deleteIfExists(file)) {
                    removed.add(file);
                }
            }
        }
        return removed;
    }

    /** Takes every permission but the owner's read and write away from the target; true if it had more. */
    boolean restrictPermissions() throws IOException {
        if (!posix || !Files.exists(target)) {
            return false;
        }
        Set<PosixFilePermission> current = Files.getPosixFilePermissions(target);
        if (OWNER_READ_WRITE.containsAll(current)) {
            return false;
        }
        Files.setPosixFilePermissions(target, OWNER_READ_WRITE);
        return true;
    }
}
