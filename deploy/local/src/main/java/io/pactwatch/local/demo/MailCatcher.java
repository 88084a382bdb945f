package io.pactwatch.local.demo;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpServer;
import io.pactwatch.contracts.Json;
import jakarta.mail.Address;
import jakarta.mail.Header;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;

/**
 * A local mail catcher: a real SMTP server (GreenMail) that keeps every message, and a small HTTP view of them at
 * {@code /} (HTML) and {@code /messages} (JSON). The local demo points the notifier's mailer at it.
 */
public final class MailCatcher implements AutoCloseable {

    /** A received mail, flattened for reading. */
    public record Mail(String to, String subject, Map<String, String> headers, String text, String html) {
    }

    private final GreenMail smtp;
    private final HttpServer http;

    public MailCatcher(int smtpPort, int httpPort) throws IOException {
        smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        http = HttpServer.create(new InetSocketAddress("127.0.0.1", httpPort), 16);
        http.createContext("/messages", e -> Exchanges.send(e, 200, "application/json", Json.write(mails())));
        http.createContext("/", e -> Exchanges.send(e, 200, "text/html; charset=utf-8", page()));
        http.setExecutor(Executors.newSingleThreadExecutor());
    }

    public MailCatcher start() {
        smtp.start();
        http.start();
        return this;
    }

    public int smtpPort() {
        return smtp.getSmtp().getPort();
    }

    public String webUrl() {
        return "http://127.0.0.1:" + http.getAddress().getPort() + "/";
    }

    public List<Mail> mails() {
        List<Mail> mails = new ArrayList<>();
        for (MimeMessage message : smtp.getReceivedMessages()) {
            mails.add(flatten(message));
        }
        return mails;
    }

    /** Plain-text and HTML parts of a message, joined: for finding links in tests. */
    public static String textOf(MimeMessage message) {
        Mail mail = flatten(message);
        return mail.text() + "\n" + mail.html();
    }

    private static Mail flatten(MimeMessage message) {
        try {
            Map<String, String> headers = new LinkedHashMap<>();
            for (Header h : java.util.Collections.list(message.getAllHeaders())) {
                headers.put(h.getName(), h.getValue());
            }
            String[] parts = new String[2];
            collect(message, parts);
            Address[] to = message.getAllRecipients();
            return new Mail(to == null ? "" : Arrays.toString(to), message.getSubject(), headers, parts[0], parts[1]);
        } catch (MessagingException | IOException e) {
            return new Mail("?", "unreadable message: " + e.getMessage(), Map.of(), GreenMailUtil.getBody(message), null);
        }
    }

    private static void collect(Part part, String[] parts) throws MessagingException, IOException {
        if (part.isMimeType("text/plain") && parts[0] == null) {
            parts[0] = String.valueOf(part.getContent());
        } else if (part.isMimeType("text/html") && parts[1] == null) {
            parts[1] = String.valueOf(part.getContent());
        } else if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                collect(multipart.getBodyPart(i), parts);
            }
        }
    }

    private String page() {
        StringBuilder html = new StringBuilder("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>pactwatch mail catcher"
                + "</title></head><body><h1>Mail caught locally</h1>");
        List<Mail> mails = mails();
        if (mails.isEmpty()) {
            html.append("<p>No mail yet.</p>");
        }
        for (int i = mails.size() - 1; i >= 0; i--) {
            Mail m = mails.get(i);
            html.append("<section style=\"border:1px solid #ccc;margin:1em 0;padding:0.5em\"><h2>")
                    .append(FeedRenderer.esc(String.valueOf(m.subject()))).append("</h2><p>To: ")
                    .append(FeedRenderer.esc(m.to())).append("</p>")
                    .append(m.html() != null ? m.html() : "<pre>" + FeedRenderer.esc(String.valueOf(m.text())) + "</pre>")
                    .append("</section>");
        }
        return html.append("</body></html>").toString();
    }

    @Override
    public void close() {
        http.stop(0);
        smtp.stop();
    }
}
