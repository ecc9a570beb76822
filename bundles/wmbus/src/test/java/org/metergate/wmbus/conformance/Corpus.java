package org.metergate.wmbus.conformance;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Finds the public corpora: {@code <project root>/../shared/corpus}, the project root being the first directory up with features/ and bundles/. */
final class Corpus {

    private Corpus() {
    }

    static Optional<Path> file(String relative) {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            if (Files.isDirectory(dir.resolve("features")) && Files.isDirectory(dir.resolve("bundles"))) {
                Path p = dir.resolveSibling("shared").resolve("corpus").resolve(relative);
                return Files.isRegularFile(p) ? Optional.of(p) : Optional.empty();
            }
            dir = dir.getParent();
        }
        return Optional.empty();
    }
}
