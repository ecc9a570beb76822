package org.metergate.mbus;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Finds the public test corpora: {@code <project root>/../shared/corpus}, the project root being the first
 * directory upward from the working directory that holds {@code features/} and {@code bundles/}. */
public final class CorpusLocator {

    private CorpusLocator() {
    }

    public static Optional<Path> corpus(String sub) {
        Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        while (dir != null) {
            if (Files.isDirectory(dir.resolve("features")) && Files.isDirectory(dir.resolve("bundles"))) {
                Path c = dir.resolve("..").resolve("shared").resolve("corpus").resolve(sub).normalize();
                return Files.isDirectory(c) ? Optional.of(c) : Optional.empty();
            }
            dir = dir.getParent();
        }
        return Optional.empty();
    }
}
