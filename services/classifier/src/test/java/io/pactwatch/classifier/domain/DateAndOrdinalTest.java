package io.pactwatch.classifier.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Date expressions resolved against the publication date, and round ordinals. */
class DateAndOrdinalTest {

    private static final LocalDate PUB = LocalDate.of(2024, 5, 7); // a Tuesday

    private List<LocalDate> days(String s) {
        return DateExpressions.find(s.toLowerCase(), PUB).stream().map(DateMention::first).toList();
    }

    @Test
    void resolvesDaysMonthsWeekdaysAndRelativeExpressions() {
        assertEquals(List.of(LocalDate.of(2024, 5, 6)), days("held on May 6"));
        assertEquals(List.of(LocalDate.of(2024, 4, 29)), days("on 29 April"));
        assertEquals(List.of(LocalDate.of(2023, 12, 20)), days("on Dec. 20"));
        assertEquals(List.of(LocalDate.of(2022, 7, 22)), days("July 22, 2022"));
        assertEquals(List.of(LocalDate.of(2024, 5, 6)), days("on Monday"));
        assertEquals(List.of(LocalDate.of(2024, 5, 6)), days("yesterday"));
        assertEquals(List.of(LocalDate.of(2024, 1, 1)), days("in January"));
        assertEquals(List.of(LocalDate.of(2023, 11, 1)), days("since November"));
        assertEquals(List.of(LocalDate.of(2024, 6, 1)), days("in June"));
        assertEquals(List.of(LocalDate.of(2023, 1, 1)), days("last year"));
        assertEquals(List.of(LocalDate.of(2023, 1, 1)), days("in early 2023"));
        assertEquals(List.of(), days("the minister may sign"));
    }

    @Test
    void readsOrdinalsFromWordsDigitsAndNumberedForms() {
        assertEquals(4, Ordinals.roundNumber("held the fourth round of talks", 0));
        assertEquals(3, Ordinals.roundNumber("the 3rd round", 0));
        assertEquals(3, Ordinals.roundNumber("round three of consultations", 0));
        assertEquals(12, Ordinals.roundNumber("round no. 12", 0));
        assertEquals(2, Ordinals.roundNumber("the second and final round", 0));
        assertEquals(4, Ordinals.roundNumber("fourth-round talks", 0));
        assertNull(Ordinals.roundNumber("the latest round of talks", 0));
    }
}
