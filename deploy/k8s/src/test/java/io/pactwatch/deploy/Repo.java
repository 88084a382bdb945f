package io.pactwatch.deploy;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the repository root and the files the checks read, whether Maven runs from the root or the module. */
final class Repo {

    private static final Path ROOT = locate();

    private Repo() {
    }

    static Path root() {
        return ROOT;
    }

    static Path path(String relative) {
        return ROOT.resolve(relative);
    }

    static Path k8s() {
        return path("deploy/k8s");
    }

    private static Path locate() {
        Path dir = Path.of("").toAbsolutePath();
        for (Path p = dir; p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("services")) && Files.isDirectory(p.resolve("deploy/k8s"))) {
                return p;
            }
        }
        throw new IllegalStateException("no pactwatch repository root above " + dir);
    }
}
