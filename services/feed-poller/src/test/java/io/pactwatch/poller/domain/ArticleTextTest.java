package io.pactwatch.poller.domain;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Main-text extraction keeps the story and drops the page furniture around it. */
class ArticleTextTest {

    static final String PAGE = """
            <!DOCTYPE html><html><head><meta charset="utf-8"><title>Accord signed | Daily</title></head><body>
            <header><a href="/">Daily</a></header>
            <nav><ul><li><a href="/world">World</a></li><li><a href="/sport">Sport</a></li></ul></nav>
            <main><article>
              <h1>Partners sign a ten-year security accord at the summit</h1>
              <p>The two governments signed a ten-year security accord on Thursday evening, after months of
                 negotiations between their delegations in several capitals.</p>
              <div class="newsletter-signup"><p>Sign up for our morning briefing and never miss a story.</p></div>
              <p>Officials said the text commits both sides to consultations within a day of any new attack, and
                 to long-term support for the armed forces and the defence industry.</p>
              <p>The agreement follows a fourth round of talks held in early May, according to people familiar
                 with the negotiations.</p>
            </article></main>
            <aside class="most-popular"><h2>Most popular</h2><ol><li>Celebrity wedding stuns fans</li>
              <li>Ten recipes for summer</li></ol></aside>
            <footer>© Daily. All rights reserved.</footer>
            </body></html>""";

    @Test
    void keepsTheStoryAndDropsNavigationNewsletterAndPopularLists() {
        String text = ArticleText.extract(PAGE.getBytes(StandardCharsets.UTF_8), "text/html; charset=utf-8",
                "https://daily.example/accord");
        assertTrue(text.contains("signed a ten-year security accord on Thursday evening"), text);
        assertTrue(text.contains("fourth round of talks held in early May"), text);
        assertFalse(text.contains("Sign up for our morning briefing"), text);
        assertFalse(text.contains("Celebrity wedding"), text);
        assertFalse(text.contains("Sport"), text);
        assertFalse(text.contains("All rights reserved"), text);
    }

    @Test
    void aPageWithoutAnArticleGivesNull() {
        assertNull(ArticleText.extract("<html><body><nav>Home</nav></body></html>".getBytes(StandardCharsets.UTF_8),
                "text/html", "https://daily.example/"));
    }
}
