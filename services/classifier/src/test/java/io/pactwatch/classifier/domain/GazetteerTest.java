package io.pactwatch.classifier.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Names, short forms, demonyms, capitals and codes; venues and proper names are not counterparts. */
class GazetteerTest {

    private final Gazetteer g = WorldGazetteer.get();
    private final Tracker tracker = ClassifierFactory.bundled().trackers().get(0).tracker();

    private List<String> codes(String text) {
        return g.find(text, 0, text.length()).stream().map(m -> m.place().code()).toList();
    }

    private List<String> counterparts(String text) {
        return Counterparts.of(tracker, g.find(text, 0, text.length()), text, 0, text.length()).stream()
                .map(m -> m.place().code()).distinct().toList();
    }

    @Test
    void coversEveryIsoCountryAndTheEu() {
        assertTrue(g.size() >= 249, "gazetteer has " + g.size());
        assertEquals("European Union", g.place("EU").orElseThrow().name());
    }

    @Test
    void findsNamesShortFormsDemonymsCapitalsAndCodes() {
        assertEquals(List.of("US", "GB", "EU", "JP", "US", "UA", "NL"),
                codes("The U.S. and the UK joined the EU and Japanese officials in Washington's talks with Kyiv and the Netherlands."));
        assertEquals(List.of("UA", "US", "JP"), codes("Ukraine-US talks; Tokyo agreed."));
        assertEquals(List.of(), codes("us and uk in lower case are words"));
    }

    @Test
    void dropsVenuesRangesPersonNamesAndNewspapers() {
        assertEquals(List.of("US", "JP"), counterparts("Ukraine signed with the United States and Japan at the G7 summit in Italy."));
        assertEquals(List.of(), counterparts("An unnamed source told the Washington Post about the NATO Vilnius summit."));
        assertEquals(List.of("PT"), counterparts("Portuguese Prime Minister Luis Montenegro signed."));
        assertEquals(List.of(), counterparts("From London to Tokyo, partners have signed."));
        assertEquals(List.of("US"), counterparts("Ukraine Says Talks With US Have Begun"));
        assertEquals(List.of(), counterparts("Russia and Belarus held drills."), "barred by the tracker");
        assertEquals(List.of("US", "JP"), counterparts("Joe Biden and Kishida signed with Zelensky."), "leaders");
    }
}
