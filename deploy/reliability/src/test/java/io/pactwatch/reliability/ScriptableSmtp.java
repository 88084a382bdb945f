package io.pactwatch.reliability;

import io.pactwatch.local.demo.MailCatcher;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A tiny SMTP server whose answers a test scripts per recipient: a temporary refusal (4xx) of the recipient or of the
 * message, a permanent one (5xx), or the connection dropped after the message was sent but before it was accepted.
 * GreenMail accepts every mail, so it cannot show how the notifier treats a failing relay. Only accepted messages are
 * kept; every attempt is counted.
 */
final class ScriptableSmtp implements AutoCloseable {

    /** What the server does with one attempt to a recipient. */
    enum Fault {
        /** 451 to RCPT TO: try again later. */
        RCPT_451,
        /** 452 after DATA: insufficient storage, temporary. */
        DATA_452,
        /** The connection is closed after the message data, without an answer. */
        DROP_AFTER_DATA,
        /** The connection is closed as soon as the recipient is named. */
        DROP_AT_RCPT
    }

    /** An accepted message. */
    record Accepted(String recipient, String subject, String text) {
    }

    private final ServerSocket server;
    private final ExecutorService workers = Executors.newCachedThreadPool();
    private final Map<String, Deque<Fault>> scripted = new ConcurrentHashMap<>();
    private final Map<String, String> permanent = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();
    private final List<Accepted> accepted = new CopyOnWriteArrayList<>();

    ScriptableSmtp() throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::acceptLoop, "scriptable-smtp");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return server.getLocalPort();
    }

    /** The next attempts to this recipient meet these faults, in turn. */
    void failNext(String recipient, Fault... faults) {
        scripted.computeIfAbsent(recipient.toLowerCase(), r -> new ConcurrentLinkedDeque<>()).addAll(List.of(faults));
    }

    /** Every attempt to this recipient is refused with this 5xx line. */
    void rejectAlways(String recipient, String reply) {
        permanent.put(recipient.toLowerCase(), reply);
    }

    int attempts(String recipient) {
        AtomicInteger n = attempts.get(recipient.toLowerCase());
        return n == null ? 0 : n.get();
    }

    List<Accepted> accepted() {
        return new ArrayList<>(accepted);
    }

    List<Accepted> acceptedFor(String recipient) {
        return accepted.stream().filter(a -> a.recipient().equalsIgnoreCase(recipient)).toList();
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                workers.execute(() -> serve(socket));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket socket) {
        try (socket; BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                StandardCharsets.ISO_8859_1)); OutputStream out = socket.getOutputStream()) {
            reply(out, "220 scriptable-smtp ESMTP ready");
            String recipient = null;
            Fault fault = null;
            String line;
            while ((line = in.readLine()) != null) {
                String upper = line.toUpperCase();
                if (upper.startsWith("EHLO")) {
                    reply(out, "250-scriptable-smtp\r\n250 8BITMIME");
                } else if (upper.startsWith("HELO")) {
                    reply(out, "250 scriptable-smtp");
                } else if (upper.startsWith("MAIL FROM")) {
                    recipient = null;
                    fault = null;
                    reply(out, "250 2.1.0 ok");
                } else if (upper.startsWith("RCPT TO")) {
                    recipient = line.replaceAll("(?i).*<([^>]*)>.*", "$1").toLowerCase();
                    attempts.computeIfAbsent(recipient, r -> new AtomicInteger()).incrementAndGet();
                    Deque<Fault> script = scripted.get(recipient);
                    fault = script == null ? null : script.poll();
                    String refusal = permanent.get(recipient);
                    if (refusal != null) {
                        reply(out, refusal);
                    } else if (fault == Fault.RCPT_451) {
                        reply(out, "451 4.3.0 mailbox temporarily unavailable, try again later");
                    } else if (fault == Fault.DROP_AT_RCPT) {
                        return;
                    } else {
                        reply(out, "250 2.1.5 ok");
                    }
                } else if (upper.startsWith("DATA")) {
                    reply(out, "354 end data with <CR><LF>.<CR><LF>");
                    StringBuilder data = new StringBuilder();
                    String d;
                    while ((d = in.readLine()) != null && !d.equals(".")) {
                        data.append(d.startsWith("..") ? d.substring(1) : d).append("\r\n");
                    }
                    if (fault == Fault.DROP_AFTER_DATA) {
                        return;
                    } else if (fault == Fault.DATA_452) {
                        reply(out, "452 4.3.1 insufficient system storage");
                    } else {
                        accepted.add(parse(recipient, data.toString()));
                        reply(out, "250 2.0.0 queued");
                    }
                } else if (upper.startsWith("RSET")) {
                    recipient = null;
                    fault = null;
                    reply(out, "250 2.0.0 ok");
                } else if (upper.startsWith("NOOP")) {
                    reply(out, "250 2.0.0 ok");
                } else if (upper.startsWith("QUIT")) {
                    reply(out, "221 2.0.0 bye");
                    return;
                } else {
                    reply(out, "502 5.5.2 command not recognized");
                }
            }
        } catch (IOException e) {
            // the client went away; nothing to keep
        }
    }

    private static Accepted parse(String recipient, String data) {
        try {
            MimeMessage message = new MimeMessage(Session.getInstance(new Properties()),
                    new ByteArrayInputStream(data.getBytes(StandardCharsets.ISO_8859_1)));
            return new Accepted(recipient, message.getSubject(), MailCatcher.textOf(message));
        } catch (Exception e) {
            return new Accepted(recipient, "unparseable: " + e.getMessage(), data);
        }
    }

    private static void reply(OutputStream out, String text) throws IOException {
        out.write((text + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    @Override
    public void close() throws IOException {
        server.close();
        workers.shutdownNow();
    }
}
