package io.pactwatch.reliability;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

/**
 * Where the measured counts go: printed, and appended as Markdown table rows to {@code target/reliability-figures.md}
 * (system property {@code reliability.figures}), from which docs/reliability.md is written by hand.
 */
final class Figures {

    static final String HEADER = "| scenario | sent | stored | dropped | lost | events found/expected | duplicate events"
            + " | alerts delivered/expected | duplicate alerts | notes |";

    private Figures() {
    }

    static void record(Tally tally, String notes) {
        String row = tally.row(notes);
        System.out.println("RELIABILITY " + Profile.current().name() + " " + row);
        System.out.println("RELIABILITY detail " + tally);
        String file = System.getProperty("reliability.figures");
        if (file == null) {
            return;
        }
        try {
            Path path = Path.of(file);
            Files.createDirectories(path.toAbsolutePath().getParent());
            if (!Files.exists(path)) {
                Files.writeString(path, HEADER + "\n|---|---|---|---|---|---|---|---|---|---|\n");
            }
            Files.writeString(path, row + " <!-- " + Profile.current().name() + " " + Instant.now() + " -->\n",
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            System.err.println("cannot write figures: " + e);
        }
    }
}
