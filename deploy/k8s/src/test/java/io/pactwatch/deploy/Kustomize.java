package io.pactwatch.deploy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Renders a Kustomize directory with the real renderer: {@code kubectl kustomize} (kustomize built into kubectl) or
 * a standalone {@code kustomize build}. Empty when neither binary is on the PATH: callers then use {@link MiniKustomize}.
 */
final class Kustomize {

    private Kustomize() {
    }

    /** The command line that renders, or empty if no renderer is installed (or -Dpactwatch.kustomize=mini). */
    static Optional<List<String>> renderer() {
        if ("mini".equals(System.getProperty("pactwatch.kustomize"))) {
            return Optional.empty();
        }
        if (onPath("kubectl")) {
            return Optional.of(List.of("kubectl", "kustomize"));
        }
        if (onPath("kustomize")) {
            return Optional.of(List.of("kustomize", "build"));
        }
        return Optional.empty();
    }

    static String version() {
        return renderer().map(r -> r.get(0).equals("kubectl") ? run(List.of("kubectl", "version", "--client"))
                : run(List.of("kustomize", "version"))).orElse("MiniKustomize (fallback)").trim().replace('\n', ' ');
    }

    static String render(Path dir) {
        List<String> cmd = new java.util.ArrayList<>(renderer().orElseThrow(
                () -> new IllegalStateException("no kubectl or kustomize on the PATH")));
        cmd.add(dir.toString());
        return run(cmd);
    }

    private static String run(List<String> cmd) {
        try {
            Path err = Files.createTempFile("kustomize", ".err");
            Process p = new ProcessBuilder(cmd).redirectError(err.toFile()).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException(String.join(" ", cmd) + " timed out");
            }
            String stderr = Files.readString(err);
            Files.deleteIfExists(err);
            if (p.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", cmd) + " failed (" + p.exitValue() + "): " + stderr);
            }
            return out;
        } catch (IOException e) {
            throw new IllegalStateException(String.join(" ", cmd) + " could not run", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static boolean onPath(String binary) {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, binary))) {
                return true;
            }
        }
        return false;
    }
}
