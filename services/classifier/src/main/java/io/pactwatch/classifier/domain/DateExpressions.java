package io.pactwatch.classifier.domain;

import io.pactwatch.classifier.domain.DateMention.Precision;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds date expressions ("on April 29", "29 April 2024", "in early May", "last year", "yesterday", "on Thursday")
 * and resolves them against the publication date; a day without a year takes the year that puts it nearest.
 */
public final class DateExpressions {

    private static final String MONTH = "(january|february|march|april|may|june|july|august|september|october|"
            + "november|december|jan\\.?|feb\\.?|mar\\.?|apr\\.?|jun\\.?|jul\\.?|aug\\.?|sept?\\.?|oct\\.?|nov\\.?|dec\\.?)";
    /** Every month name and abbreviation starts with one of these. */
    private static final String[] MONTH_STEMS = {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct",
        "nov", "dec"};
    private static final String[] DIGITS = {"0", "1", "2", "3", "4", "5", "6", "7", "8", "9"};

    static final AnchoredPattern MONTH_DAY = AnchoredPattern.beginningWith("\\b" + MONTH
            + "\\s+(\\d{1,2})(?:st|nd|rd|th)?\\b(?:,?\\s+(\\d{4}))?", MONTH_STEMS);
    static final AnchoredPattern DAY_MONTH = AnchoredPattern.beginningWith("\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?" + MONTH
            + "\\b(?:,?\\s+(\\d{4}))?", DIGITS);
    /** Anchored at the month, at most two runs after the preposition's ("in early May"). */
    static final AnchoredPattern MONTH_ONLY = AnchoredPattern.near("\\b(?:in|since|during|until|by|from|of|late|early|mid-?)\\s+(?:(?:early|late|mid-?)\\s*)?"
            + "(january|february|march|april|june|july|august|september|october|november|december|may)\\b(?:,?\\s+(\\d{4}))?",
            2, MONTH_STEMS);
    static final AnchoredPattern MONTH_YEAR = AnchoredPattern.beginningWith("\\b(january|february|march|april|may|june|july|august|"
            + "september|october|november|december)\\s+((?:19|20)\\d{2})\\b", MONTH_STEMS);
    /** Anchored at the year, at most two runs after the preposition's ("in early 2024"). */
    static final AnchoredPattern YEAR = AnchoredPattern.near("\\b(?:in|since|during|of|by|until)\\s+(?:(?:early|late|mid-?)\\s*)?"
            + "((?:19|20)\\d{2})\\b", 2, "19", "20");
    /** Each alternative begins with one of the anchors. */
    static final AnchoredPattern RELATIVE = AnchoredPattern.beginningWith("\\b(earlier in the day|later in the day|earlier today|later today|today|tonight|this morning|this afternoon|this evening|"
            + "yesterday|tomorrow|last week|next week|this week|last month|next month|this month|last year|next year|"
            + "a year ago|this year|earlier this year|later this year|on the same day|the same day)\\b", "earlier", "later",
            "today", "tonight", "this ", "yesterday", "tomorrow", "last ", "next ", "a year ago", "on the same day",
            "the same day");
    /** Anchored at the weekday, at most one run after the match's first word ("last Friday"). */
    static final AnchoredPattern WEEKDAY = AnchoredPattern.near("\\b(?:(?:on|last|next|this|for)\\s+)?(monday|tuesday|wednesday|"
            + "thursday|friday|saturday|sunday)\\b", 1, "monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
            "sunday");

    /** Every match of {@code RELATIVE} contains one of these. */
    private static final String[] RELATIVE_STEMS = {"day", "tonight", "this ", "tomorrow", "last ", "next ",
        "year ago"};

    private DateExpressions() {
    }

    /** All date mentions in a lower-cased sentence, in text order. */
    public static List<DateMention> find(String lower, LocalDate published) {
        List<DateMention> out = new ArrayList<>();
        List<int[]> taken = new ArrayList<>();
        boolean hasMonth = Literals.any(lower, MONTH_STEMS);
        boolean digit = Literals.hasDigit(lower);
        boolean day = lower.indexOf("day") >= 0;
        for (Matcher m = hasMonth && digit ? MONTH_DAY.first(lower) : null; m != null; m = MONTH_DAY.next(m, lower)) {
            day(month(m.group(1)), m.group(2), m.group(3), published, m.start(), out, taken, m.end());
        }
        for (Matcher m = hasMonth && digit ? DAY_MONTH.first(lower) : null; m != null; m = DAY_MONTH.next(m, lower)) {
            if (free(taken, m.start(), m.end())) {
                day(month(m.group(2)), m.group(1), m.group(3), published, m.start(), out, taken, m.end());
            }
        }
        for (Matcher m = hasMonth ? MONTH_ONLY.first(lower) : null; m != null; m = MONTH_ONLY.next(m, lower)) {
            if (free(taken, m.start(1), m.end(1))) {
                int month = month(m.group(1));
                int year = m.group(2) != null ? Integer.parseInt(m.group(2)) : monthYear(published, month);
                YearMonth ym = YearMonth.of(year, month);
                out.add(new DateMention(ym.atDay(1), ym.atEndOfMonth(), Precision.MONTH, m.start()));
                taken.add(new int[] {m.start(), m.end()});
            }
        }
        for (Matcher m = hasMonth && digit ? MONTH_YEAR.first(lower) : null; m != null; m = MONTH_YEAR.next(m, lower)) {
            if (free(taken, m.start(), m.end())) {
                YearMonth ym = YearMonth.of(Integer.parseInt(m.group(2)), month(m.group(1)));
                out.add(new DateMention(ym.atDay(1), ym.atEndOfMonth(), Precision.MONTH, m.start()));
                taken.add(new int[] {m.start(), m.end()});
            }
        }
        for (Matcher m = digit ? YEAR.first(lower) : null; m != null; m = YEAR.next(m, lower)) {
            if (free(taken, m.start(1), m.end(1))) {
                int year = Integer.parseInt(m.group(1));
                out.add(new DateMention(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31), Precision.YEAR, m.start()));
            }
        }
        for (Matcher m = day ? WEEKDAY.first(lower) : null; m != null; m = WEEKDAY.next(m, lower)) {
            DayOfWeek dow = DayOfWeek.valueOf(m.group(1).toUpperCase(Locale.ROOT));
            boolean future = m.group().startsWith("next");
            LocalDate d = future ? published.with(TemporalAdjusters.next(dow))
                    : published.with(TemporalAdjusters.previousOrSame(dow));
            out.add(new DateMention(d, d, Precision.DAY, m.start()));
        }
        boolean relative = Literals.any(lower, RELATIVE_STEMS);
        for (Matcher m = relative ? RELATIVE.first(lower) : null; m != null; m = RELATIVE.next(m, lower)) {
            if (m.group(1).endsWith("same day")) {
                sameDay(published, m.start(), out);
            } else {
                relative(m.group(1), published, m.start(), out);
            }
        }
        out.sort(Comparator.comparingInt(DateMention::start));
        return out;
    }

    /** "the same day" is the day stated last before it in the sentence, else the publication day. */
    private static void sameDay(LocalDate published, int at, List<DateMention> out) {
        DateMention before = null;
        for (DateMention d : out) {
            if (d.isDay() && d.start() < at && (before == null || d.start() > before.start())) {
                before = d;
            }
        }
        LocalDate day = before == null ? published : before.first();
        out.add(new DateMention(day, day, Precision.DAY, at));
    }

    /** The weekday of a "on Friday" expression seen in the future tense: the next such day. */
    public static LocalDate upcoming(LocalDate published, DateMention m) {
        if (m.isDay() && m.first().isBefore(published) && published.toEpochDay() - m.first().toEpochDay() < 7) {
            return m.first().plusDays(7);
        }
        return m.first();
    }

    private static void relative(String expr, LocalDate p, int at, List<DateMention> out) {
        switch (expr) {
            case "earlier in the day", "later in the day", "earlier today", "later today", "today", "tonight", "this morning", "this afternoon", "this evening", "on the same day", "the same day",
                    "this week" -> out.add(new DateMention(p, p, Precision.DAY, at));
            case "yesterday" -> out.add(new DateMention(p.minusDays(1), p.minusDays(1), Precision.DAY, at));
            case "tomorrow" -> out.add(new DateMention(p.plusDays(1), p.plusDays(1), Precision.DAY, at));
            case "last week" -> out.add(new DateMention(p.minusDays(7), p.minusDays(1), Precision.MONTH, at));
            case "next week" -> out.add(new DateMention(p.plusDays(1), p.plusDays(7), Precision.MONTH, at));
            case "last month" -> {
                YearMonth ym = YearMonth.from(p).minusMonths(1);
                out.add(new DateMention(ym.atDay(1), ym.atEndOfMonth(), Precision.MONTH, at));
            }
            case "next month", "this month" -> {
                YearMonth ym = expr.startsWith("next") ? YearMonth.from(p).plusMonths(1) : YearMonth.from(p);
                out.add(new DateMention(ym.atDay(1), ym.atEndOfMonth(), Precision.MONTH, at));
            }
            case "last year", "a year ago" -> out.add(new DateMention(LocalDate.of(p.getYear() - 1, 1, 1),
                    LocalDate.of(p.getYear() - 1, 12, 31), Precision.YEAR, at));
            case "earlier this year" -> out.add(new DateMention(LocalDate.of(p.getYear(), 1, 1),
                    p.minusDays(30).getYear() == p.getYear() ? p.minusDays(30) : LocalDate.of(p.getYear(), 1, 1),
                    Precision.YEAR, at));
            default -> out.add(new DateMention(LocalDate.of(p.getYear(), 1, 1), LocalDate.of(p.getYear(), 12, 31),
                    Precision.YEAR, at));
        }
    }

    private static void day(int month, String dayText, String yearText, LocalDate published, int at,
            List<DateMention> out, List<int[]> taken, int end) {
        int day = Integer.parseInt(dayText);
        if (day < 1 || day > 31) {
            return;
        }
        int year = yearText != null ? Integer.parseInt(yearText) : nearestYear(published, month, day);
        YearMonth ym = YearMonth.of(year, month);
        if (day > ym.lengthOfMonth()) {
            return;
        }
        LocalDate d = ym.atDay(day);
        out.add(new DateMention(d, d, Precision.DAY, at));
        taken.add(new int[] {at, end});
    }

    /** A bare month is the latest such month that starts no later than two months after publication. */
    private static int monthYear(LocalDate published, int month) {
        int year = published.getYear() + 1;
        while (LocalDate.of(year, month, 1).isAfter(published.plusMonths(2))) {
            year--;
        }
        return year;
    }

    private static int nearestYear(LocalDate published, int month, int day) {
        int best = published.getYear();
        long bestDistance = Long.MAX_VALUE;
        for (int y = published.getYear() - 1; y <= published.getYear() + 1; y++) {
            YearMonth ym = YearMonth.of(y, month);
            LocalDate d = ym.atDay(Math.min(day, ym.lengthOfMonth()));
            long distance = Math.abs(d.toEpochDay() - published.toEpochDay());
            if (distance < bestDistance) {
                bestDistance = distance;
                best = y;
            }
        }
        return best;
    }

    private static boolean free(List<int[]> taken, int start, int end) {
        for (int[] t : taken) {
            if (start < t[1] && end > t[0]) {
                return false;
            }
        }
        return true;
    }

    private static int month(String token) {
        String t = token.replace(".", "");
        return switch (t.substring(0, 3)) {
            case "jan" -> 1;
            case "feb" -> 2;
            case "mar" -> 3;
            case "apr" -> 4;
            case "may" -> 5;
            case "jun" -> 6;
            case "jul" -> 7;
            case "aug" -> 8;
            case "sep" -> 9;
            case "oct" -> 10;
            case "nov" -> 11;
            default -> 12;
        };
    }
}
