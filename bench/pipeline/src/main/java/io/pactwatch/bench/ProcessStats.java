package io.pactwatch.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** CPU time and resident memory of a Linux process, read from /proc. */
record ProcessStats(double cpuSeconds, long rssKib) {

    static ProcessStats of(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            double cpu = (Long.parseLong(f[11]) + Long.parseLong(f[12])) / 100.0;
            long rss = Files.readAllLines(Path.of("/proc/" + pid + "/status")).stream()
                    .filter(l -> l.startsWith("VmRSS:")).map(l -> l.replaceAll("\\D", "")).mapToLong(Long::parseLong)
                    .findFirst().orElse(-1);
            return new ProcessStats(cpu, rss);
        } catch (IOException | RuntimeException e) {
            return new ProcessStats(-1, -1);
        }
    }

    /** The Kafka broker started by this JVM (found among its children by its main class); -1s when there is none. */
    static ProcessStats ofBroker() {
        return ProcessHandle.current().children()
                .filter(p -> p.info().commandLine().map(c -> c.contains("kafka.Kafka")).orElse(false))
                .findFirst().map(p -> of(p.pid())).orElse(new ProcessStats(-1, -1));
    }

    /** CPU time summed over every process of this command name (e.g. all of PostgreSQL's processes), RSS not summed. */
    static ProcessStats ofCommand(String command) {
        try (var pids = Files.list(Path.of("/proc"))) {
            double cpu = pids.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))
                    .filter(p -> command.equals(commandOf(p))).mapToDouble(p -> of(Long.parseLong(p.getFileName().toString())).cpuSeconds())
                    .filter(c -> c >= 0).sum();
            return new ProcessStats(cpu, -1);
        } catch (IOException e) {
            return new ProcessStats(-1, -1);
        }
    }

    private static String commandOf(Path proc) {
        try {
            return Files.readString(proc.resolve("comm")).strip();
        } catch (IOException e) {
            return null; // the process ended
        }
    }
}
