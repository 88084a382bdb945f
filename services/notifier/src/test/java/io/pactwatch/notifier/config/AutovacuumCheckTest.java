package io.pactwatch.notifier.config;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class AutovacuumCheckTest {

    @Test
    void warnsWhenAutovacuumIsOffAndSaysWhatToDo() {
        String warning = AutovacuumCheck.warning("off");
        assertTrue(warning.contains("autovacuum off"), warning);
        assertTrue(warning.contains("VACUUM ANALYZE"), warning);
    }

    @Test
    void saysNothingWhenAutovacuumIsOnOrUnknown() {
        assertNull(AutovacuumCheck.warning("on"));
        assertNull(AutovacuumCheck.warning(null));
    }
}
