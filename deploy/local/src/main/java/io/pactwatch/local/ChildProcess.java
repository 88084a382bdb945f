package io.pactwatch.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A process the local stack or a test owns: output to a log file, killed with the JVM that started it, and
 * killable with SIGKILL on purpose for fault tests.
 */
public final class ChildProcess {

    private final String name;
    private final List<String> command;
    private final Map<String, String> env;
    private final Path logFile;
    /** Every child started by this JVM, oldest first; stopped newest first when the JVM exits. */
    private static final java.util.Deque<ChildProcess> STARTED = new java.util.concurrent.ConcurrentLinkedDeque<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            java.util.Iterator<ChildProcess> newestFirst = STARTED.descendingIterator();
            while (newestFirst.hasNext()) {
                newestFirst.next().stop();
            }
        }, "stop-child-processes"));
    }

    private Process process;

    public ChildProcess(String name, List<String> command, Map<String, String> env, Path logFile) {
        this.name = name;
        this.command = List.copyOf(command);
        this.env = Map.copyOf(env);
        this.logFile = logFile;
    }

    /** A child JVM running {@code mainClass} (or {@code -jar} when mainClass is null) with the current java binary. */
    public static ChildProcess java(String name, List<String> jvmArgs, String classpathOrJar, String mainClass,
            List<String> args, Map<String, String> env, Path logFile) {
        String javaBin = ProcessHandle.current().info().command().orElse("java");
        List<String> cmd = new java.util.ArrayList<>();
        cmd.add(javaBin);
        cmd.addAll(jvmArgs);
        if (mainClass == null) {
            cmd.addAll(List.of("-jar", classpathOrJar));
        } else {
            cmd.addAll(List.of("-cp", classpathOrJar, mainClass));
        }
        cmd.addAll(args);
        return new ChildProcess(name, cmd, env, logFile);
    }

    public synchronized ChildProcess start() {
        if (isAlive()) {
            return this;
        }
        try {
            Files.createDirectories(logFile.getParent());
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
            builder.environment().putAll(env);
            process = builder.start();
            if (!STARTED.contains(this)) {
                STARTED.add(this);
            }
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name + ": " + command, e);
        }
    }

    public synchronized boolean isAlive() {
        return process != null && process.isAlive();
    }

    public synchronized ProcessHandle handle() {
        return process == null ? null : process.toHandle();
    }

    public String name() {
        return name;
    }

    public Path logFile() {
        return logFile;
    }

    /** SIGKILL, no shutdown hooks run in the child: a crash. */
    public synchronized void kill9() {
        if (process != null) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            waitFor(10);
        }
    }

    /** SIGTERM, then SIGKILL after 20 s. */
    public synchronized void stop() {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!waitFor(20)) {
                kill9();
            }
        }
    }

    private boolean waitFor(int seconds) {
        try {
            return process.waitFor(seconds, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
