package io.pactwatch.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Debian's rss2email ({@code r2e}, {@code apt-get install rss2email}) as the peer of the poller-scale benchmark: a
 * throwaway configuration and data file in a directory of their own, every new item mailed for real into a local
 * maildir (its {@code maildir} protocol, so nothing leaves the machine and every mail is written), each command
 * timed by {@code /usr/bin/time} (wall, user and system CPU of the command and its children).
 */
final class Rss2Email {

    /** Wall and CPU seconds of one command, its peak RSS, and the ERROR/WARNING lines it logged. */
    record Run(double wall, double cpu, long maxRssKib, List<String> problems) {
    }

    private final Path dir;
    private final Path config;
    private final Path data;
    private final Path maildir;

    Rss2Email(Path dir) throws IOException {
        this.dir = Files.createDirectories(dir);
        this.config = dir.resolve("rss2email.cfg");
        this.data = dir.resolve("rss2email.json");
        // rss2email creates the mailbox (Maildir/INBOX with new, cur, tmp) but not the directory above it
        this.maildir = Files.createDirectories(dir.resolve("Maildir"));
        Files.writeString(config, String.join("\n",
                "[DEFAULT]",
                "to = bench@localhost",
                "from = rss2email@localhost",
                "email-protocol = maildir",
                "maildir-path = " + maildir,
                "maildir-mailbox = INBOX",
                ""));
    }

    /**
     * Adds feeds (name, url) with {@code r2e opmlimport}: the same {@code new_feed} call as {@code r2e add}, in one
     * process instead of one per feed (500 {@code r2e add} runs, each rewriting the growing data file, take minutes).
     */
    Run importFeeds(java.util.Map<String, String> feeds) throws Exception {
        StringBuilder opml = new StringBuilder("<?xml version=\"1.0\"?>\n<opml version=\"1.0\"><head><title>farm</title></head><body>\n");
        feeds.forEach((name, url) -> opml.append("<outline type=\"rss\" text=\"").append(name).append("\" xmlUrl=\"")
                .append(url).append("\"/>\n"));
        opml.append("</body></opml>\n");
        Path file = dir.resolve("feeds.opml");
        Files.writeString(file, opml);
        Run run = timed(List.of("opmlimport", file.toString()));
        if (!run.problems().isEmpty()) {
            throw new IllegalStateException("r2e opmlimport: " + run.problems());
        }
        return run;
    }

    /** {@code r2e run}, or {@code r2e run --no-send} (fetch and mark seen, mail nothing) for the priming run. */
    Run run(boolean noSend) throws Exception {
        Run run = timed(noSend ? List.of("run", "--no-send") : List.of("run"));
        if (!run.problems().isEmpty()) {
            System.out.printf("rss2email reported %d problem(s), first: %s%n", run.problems().size(), run.problems().get(0));
        }
        return run;
    }

    /** {@code r2e list}: the interpreter start and the loading of config and data alone. */
    Run list() throws Exception {
        return timed(List.of("list"));
    }

    /** Feeds {@code r2e list} shows. */
    long listed() throws Exception {
        Path log = dir.resolve("r2e.log");
        long before = Files.exists(log) ? Files.readAllLines(log).size() : 0;
        timed(List.of("list"));
        return Files.readAllLines(log).stream().skip(before).filter(l -> l.matches("\\d+: \\[\\*\\] .*")).count();
    }

    /** Mails delivered so far into the maildir. */
    long mails() throws IOException {
        long count = 0;
        for (String sub : List.of("new", "cur")) {
            Path d = maildir.resolve("INBOX").resolve(sub);
            if (Files.isDirectory(d)) {
                try (Stream<Path> files = Files.list(d)) {
                    count += files.count();
                }
            }
        }
        return count;
    }

    static String version() {
        try {
            Process p = new ProcessBuilder("r2e", "--version").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes()).trim();
            p.waitFor();
            return out;
        } catch (IOException | InterruptedException e) {
            return "r2e (version unknown)";
        }
    }

    private Run timed(List<String> r2eArgs) throws Exception {
        Path times = Files.createTempFile(dir, "time-", ".txt");
        Path log = dir.resolve("r2e.log");
        List<String> command = new ArrayList<>(List.of("/usr/bin/time", "-f", "%e %U %S %M", "-o", times.toString(),
                "r2e", "-c", config.toString(), "-d", data.toString()));
        command.addAll(r2eArgs);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().put("HOME", dir.toString());
        long lines = Files.exists(log) ? Files.readAllLines(log).size() : 0;
        int exit = builder.start().waitFor();
        List<String> newLines = Files.readAllLines(log).stream().skip(lines).toList();
        List<String> problems = new ArrayList<>(newLines.stream()
                .filter(l -> l.contains("[ERROR]") || l.contains("[WARNING]") || l.contains("Traceback")).toList());
        if (exit != 0) {
            problems.add("exit " + exit);
        }
        // a failed command's line "Command exited with non-zero status N" comes first
        List<String> timeLines = Files.readAllLines(times);
        String[] t = timeLines.get(timeLines.size() - 1).trim().split("\\s+");
        Files.delete(times);
        return new Run(Double.parseDouble(t[0]), Double.parseDouble(t[1]) + Double.parseDouble(t[2]), Long.parseLong(t[3]),
                problems);
    }
}
