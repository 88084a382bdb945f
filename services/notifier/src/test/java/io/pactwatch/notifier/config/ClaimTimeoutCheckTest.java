package io.pactwatch.notifier.config;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ClaimTimeoutCheckTest {

    /** A NotifierConfig answering only the two durations the check reads. */
    static NotifierConfig config(Duration claim, Duration slackTimeout) {
        NotifierConfig.Dispatch dispatch = proxy(NotifierConfig.Dispatch.class, "claimTimeout", claim);
        NotifierConfig.Slack slack = proxy(NotifierConfig.Slack.class, "timeout", slackTimeout);
        return (NotifierConfig) Proxy.newProxyInstance(NotifierConfig.class.getClassLoader(),
                new Class<?>[] {NotifierConfig.class}, (p, m, a) -> switch (m.getName()) {
                    case "dispatch" -> dispatch;
                    case "slack" -> slack;
                    default -> throw new UnsupportedOperationException(m.getName());
                });
    }

    @SuppressWarnings("unchecked")
    static <T> T proxy(Class<T> type, String method, Object value) {
        return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (p, m, a) -> {
            if (m.getName().equals(method)) {
                return value;
            }
            throw new UnsupportedOperationException(m.getName());
        });
    }

    @Test
    void theDefaultsAndTheTestSettingsPass() {
        assertNull(ClaimTimeoutCheck.problem(config(Duration.ofMinutes(2), Duration.ofSeconds(10))));
        assertNull(ClaimTimeoutCheck.problem(config(Duration.ofSeconds(15), Duration.ofSeconds(2))));
        assertNull(ClaimTimeoutCheck.problem(config(Duration.ofSeconds(4), Duration.ofSeconds(2))));
    }

    @Test
    void aClaimThatCouldExpireDuringASendIsRefused() {
        String problem = ClaimTimeoutCheck.problem(config(Duration.ofSeconds(5), Duration.ofSeconds(10)));
        assertNotNull(problem);
        assertTrue(problem.contains("claim-timeout (PT5S)") && problem.contains("slack.timeout (PT10S)"), problem);
        assertNotNull(ClaimTimeoutCheck.problem(config(Duration.ofSeconds(3), Duration.ofSeconds(2))));
    }
}
