package io.pactwatch.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * CPU seconds of a Linux process's threads grouped by name (digits dropped: all event-loop threads together, all
 * JIT compiler threads together...), from /proc, to see where a pass's CPU went without a profiler's own cost.
 */
final class ThreadCpu {

    /** The group of HotSpot's JIT compiler threads (C1 and C2; the kernel cuts thread names at 15 characters). */
    static final String JIT_THREADS = "C# CompilerThre";

    private ThreadCpu() {
    }

    static Map<String, Double> of(long pid) {
        Map<String, Double> cpu = new TreeMap<>();
        try (Stream<Path> tasks = Files.list(Path.of("/proc/" + pid + "/task"))) {
            tasks.forEach(task -> {
                try {
                    String name = Files.readString(task.resolve("comm")).trim().replaceAll("\\d+", "#");
                    String stat = Files.readString(task.resolve("stat"));
                    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    cpu.merge(name, (Long.parseLong(f[11]) + Long.parseLong(f[12])) / 100.0, Double::sum);
                } catch (IOException | RuntimeException e) {
                    // the thread ended between the listing and the read
                }
            });
        } catch (IOException e) {
            return cpu;
        }
        return cpu;
    }

    /** The groups that used CPU between two readings, largest first, as "name 0.12 s". */
    static String difference(Map<String, Double> before, Map<String, Double> after) {
        StringBuilder out = new StringBuilder();
        after.entrySet().stream().map(e -> Map.entry(e.getKey(), e.getValue() - before.getOrDefault(e.getKey(), 0.0)))
                .filter(e -> e.getValue() > 0.001).sorted((a, b) -> Double.compare(b.getValue(), a.getValue()))
                .forEach(e -> out.append(out.length() == 0 ? "" : ", ").append(String.format("%s %.2f s", e.getKey(), e.getValue())));
        return out.toString();
    }
}
