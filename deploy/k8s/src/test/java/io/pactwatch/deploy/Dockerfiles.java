package io.pactwatch.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.List;

/** Reads the few facts the manifests depend on out of a service's Dockerfile.jvm (USER, EXPOSE, COPY lines). */
final class Dockerfiles {

    private Dockerfiles() {
    }

    static List<String> instructions(ServiceFacts service) {
        try {
            return Files.readAllLines(service.dockerfile()).stream().map(String::trim)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The argument of the last instruction with this keyword, or null. */
    static String last(ServiceFacts service, String keyword) {
        String found = null;
        for (String line : instructions(service)) {
            if (line.toUpperCase(java.util.Locale.ROOT).startsWith(keyword + " ")) {
                found = line.substring(keyword.length() + 1).trim();
            }
        }
        return found;
    }

    static String user(ServiceFacts service) {
        return last(service, "USER");
    }
}
