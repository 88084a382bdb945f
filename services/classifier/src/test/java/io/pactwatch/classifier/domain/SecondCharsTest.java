package io.pactwatch.classifier.domain;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The second-character table of a phrase group, and which sources may be judged on their first two characters. */
class SecondCharsTest {

    @Test
    void aGroupRunOnTwoCharactersTellsWhichMayFollowTheFirst() {
        Pattern group = Tracker.anyOf(List.of("security (deal|pact)", "sign(ed|ing)", "s"), true);
        long[] afterS = SecondChars.after(group, 's');
        for (char may : "eEiI ,.-".toCharArray()) {
            assertTrue(SecondChars.may(afterS, may), () -> "'" + may + "' may follow 's'");
        }
        for (char mayNot : "thTa7".toCharArray()) {
            assertFalse(SecondChars.may(afterS, mayNot), () -> "'" + mayNot + "' may not follow 's'");
        }
        assertTrue(SecondChars.may(afterS, '\u017F'), "a character beyond ASCII is left to the pattern");
        assertTrue(SecondChars.may(null, 't'), "no table: anything may follow");
    }

    @Test
    void onlySourcesThatReadNothingBeforeTheMatchAreProbed() {
        assertTrue(SecondChars.probeable("(?:security (deal|pact)s?)"));
        assertTrue(SecondChars.probeable("(?:[^x]ccord)"));
        assertTrue(SecondChars.probeable("(?:gas(?=\\s))"));
        assertFalse(SecondChars.probeable("(?:(?<=the )security)"));
        assertFalse(SecondChars.probeable("(?:(?<!no )deal)"));
        assertFalse(SecondChars.probeable("(?:\\bpact)"));
        assertFalse(SecondChars.probeable("(?:\\Bpact)"));
        assertFalse(SecondChars.probeable("(?:^pact)"));
        assertFalse(SecondChars.probeable("(?:\\Gpact)"));
    }
}
