package io.pactwatch.notifier.alerts;

import io.pactwatch.contracts.AgreementEvent;
import io.pactwatch.notifier.domain.EmailMessage;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Sends alerts by email (HTML + plain text) with RFC 8058 one-click unsubscribe headers. SMTP 5xx answers and
 * invalid addresses are permanent; other failures are retried.
 */
@ApplicationScoped
public class EmailSender implements AlertSender {

    private final ReactiveMailer mailer;
    private final Links links;

    public EmailSender(ReactiveMailer mailer, Links links) {
        this.mailer = mailer;
        this.links = links;
    }

    @Override
    public String channel() {
        return "email";
    }

    @Override
    public Uni<SendResult> send(long subscriptionId, String target, AgreementEvent event) {
        String unsubscribe = links.unsubscribe(subscriptionId);
        EmailMessage message = EmailMessage.of(event, unsubscribe);
        Mail mail = Mail.withText(target, message.subject(), message.text()).setHtml(message.html())
                .addHeader("List-Unsubscribe", "<" + unsubscribe + ">")
                .addHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        return mailer.send(mail).replaceWith(SendResult.sent()).onFailure().recoverWithItem(EmailSender::classify);
    }

    /** SMTP reply codes 5xx (and a rejected address) are permanent, everything else may pass on a retry. */
    static SendResult classify(Throwable e) {
        String message = String.valueOf(e.getMessage());
        if (message.matches("(?s).*\\b5\\d\\d[ -].*") || message.toLowerCase().contains("invalid address")) {
            return SendResult.permanent("SMTP: " + message);
        }
        return SendResult.retry("SMTP: " + message, null);
    }
}
