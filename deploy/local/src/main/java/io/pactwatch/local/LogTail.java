package io.pactwatch.local;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.function.Predicate;

/** Follows a log file from its current end and hands matching lines on: how the launcher echoes console alerts. */
final class LogTail {

    private LogTail() {
    }

    static Thread follow(Path file, Predicate<String> filter, Consumer<String> sink) {
        Thread thread = new Thread(() -> {
            long position = file.toFile().length();
            StringBuilder partial = new StringBuilder();
            while (!Thread.currentThread().isInterrupted()) {
                try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
                    if (raf.length() < position) {
                        position = 0;
                    }
                    raf.seek(position);
                    byte[] chunk = new byte[(int) Math.min(raf.length() - position, 1 << 20)];
                    raf.readFully(chunk);
                    position += chunk.length;
                    partial.append(new String(chunk, StandardCharsets.UTF_8));
                    int newline;
                    while ((newline = partial.indexOf("\n")) >= 0) {
                        String line = partial.substring(0, newline);
                        partial.delete(0, newline + 1);
                        if (filter.test(line)) {
                            sink.accept(line);
                        }
                    }
                } catch (IOException e) {
                    // the file may not exist yet
                }
                try {
                    Thread.sleep(500);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "tail-" + file.getFileName());
        thread.setDaemon(true);
        thread.start();
        return thread;
    }
}
