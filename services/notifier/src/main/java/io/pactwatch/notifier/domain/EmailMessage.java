package io.pactwatch.notifier.domain;

import io.pactwatch.contracts.AgreementEvent;
import io.pactwatch.contracts.EventSource;

/** The email form of an alert: a header-safe subject, and the same content as plain text and as HTML. */
public record EmailMessage(String subject, String text, String html) {

    public static EmailMessage of(AgreementEvent e, String unsubscribeUrl) {
        String subject = AlertText.headerSafe("[pactwatch] " + AlertText.headline(e) + " (" + AlertText.date(e) + ")");
        StringBuilder text = new StringBuilder(AlertText.headline(e)).append("\n\n")
                .append("Counterpart: ").append(AlertText.name(e)).append('\n')
                .append("Event: ").append(AlertText.typeLabel(e)).append('\n')
                .append("Round: ").append(AlertText.roundLabel(e)).append('\n')
                .append("Date: ").append(AlertText.date(e)).append('\n')
                .append("Corroboration: ").append(AlertText.corroboration(e)).append("\n\n");
        if (!AlertText.evidence(e).isEmpty()) {
            text.append("\"").append(AlertText.evidence(e)).append("\"\n\n");
        }
        text.append("Sources:\n");
        e.sources().forEach(s -> text.append("- ").append(AlertText.sourceLabel(s)).append(" <").append(s.url()).append(">\n"));
        text.append("\nUnsubscribe: ").append(unsubscribeUrl).append('\n');

        StringBuilder html = new StringBuilder("<!DOCTYPE html><html><body style=\"font-family:sans-serif\">")
                .append("<h2>").append(esc(AlertText.flag(e.counterpart()) + " " + AlertText.headline(e))).append("</h2>")
                .append("<table>")
                .append(row("Counterpart", AlertText.name(e))).append(row("Event", AlertText.typeLabel(e)))
                .append(row("Round", AlertText.roundLabel(e))).append(row("Date", AlertText.date(e)))
                .append(row("Corroboration", AlertText.corroboration(e))).append("</table>");
        if (!AlertText.evidence(e).isEmpty()) {
            html.append("<blockquote>").append(esc(AlertText.evidence(e))).append("</blockquote>");
        }
        html.append("<h3>Sources</h3><ul>");
        for (EventSource s : e.sources()) {
            html.append("<li><a href=\"").append(esc(s.url())).append("\">").append(esc(AlertText.sourceLabel(s))).append("</a></li>");
        }
        html.append("</ul><p style=\"font-size:small\"><a href=\"").append(esc(unsubscribeUrl))
                .append("\">Unsubscribe</a></p></body></html>");
        return new EmailMessage(subject, text.toString(), html.toString());
    }

    private static String row(String label, String value) {
        return "<tr><th align=\"left\">" + esc(label) + "</th><td>" + esc(value) + "</td></tr>";
    }

    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
