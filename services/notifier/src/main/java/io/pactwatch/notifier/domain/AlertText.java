package io.pactwatch.notifier.domain;

import io.pactwatch.contracts.AgreementEvent;
import io.pactwatch.contracts.EventSource;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The words of an alert, shared by every channel: headline, counterpart with flag, type, round, date,
 * corroboration and the evidence quote.
 */
public final class AlertText {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);

    private AlertText() {
    }

    public static String headline(AgreementEvent e) {
        String who = name(e);
        return switch (e.type()) {
            case TALKS_OPENED -> "Talks opened with " + who + " on a security agreement";
            case ROUND -> (e.round() == null ? "A new round" : ordinal(e.round()) + " round") + " of talks with " + who;
            case SIGNING_PLANNED -> "Signing planned with " + who;
            case SIGNED -> "Agreement signed with " + who;
        };
    }

    public static String name(AgreementEvent e) {
        return e.counterpartName() == null ? e.counterpart() : e.counterpartName();
    }

    public static String typeLabel(AgreementEvent e) {
        return switch (e.type()) {
            case TALKS_OPENED -> "Talks opened";
            case ROUND -> "Negotiation round";
            case SIGNING_PLANNED -> "Signing planned";
            case SIGNED -> "Signed";
        };
    }

    public static String date(AgreementEvent e) {
        return DAY.format(e.date());
    }

    public static String roundLabel(AgreementEvent e) {
        return e.round() == null ? "not stated" : String.valueOf(e.round());
    }

    public static String corroboration(AgreementEvent e) {
        return e.corroboration() == 1 ? "1 source" : e.corroboration() + " sources";
    }

    public static String evidence(AgreementEvent e) {
        return e.sources().isEmpty() || e.sources().get(0).evidence() == null ? "" : e.sources().get(0).evidence();
    }

    public static String sourceLabel(EventSource s) {
        return (s.feedName() == null ? "" : s.feedName() + ": ") + (s.title() == null ? s.url() : s.title());
    }

    /** Regional-indicator flag of an ISO 3166-1 alpha-2 code ("EU" has one too). */
    public static String flag(String code) {
        if (code == null || !code.matches("[A-Z]{2}")) {
            return "";
        }
        return new String(Character.toChars(0x1F1E6 + code.charAt(0) - 'A')) + new String(Character.toChars(0x1F1E6 + code.charAt(1) - 'A'));
    }

    /** A header-safe one-line version of a text: CR, LF and other controls never reach a mail header. */
    public static String headerSafe(String text) {
        return text.replaceAll("[\\p{Cntrl}\\u2028\\u2029]+", " ").trim();
    }

    static String ordinal(int n) {
        String[] words = {"", "First", "Second", "Third", "Fourth", "Fifth", "Sixth", "Seventh", "Eighth", "Ninth", "Tenth"};
        if (n > 0 && n < words.length) {
            return words[n];
        }
        String suffix = (n % 100 >= 11 && n % 100 <= 13) ? "th" : switch (n % 10) {
            case 1 -> "st";
            case 2 -> "nd";
            case 3 -> "rd";
            default -> "th";
        };
        return n + suffix;
    }
}
