package org.equitylake.jobs.gold;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.equitylake.indicators.Suppression;
import org.junit.jupiter.api.Test;

class DisclosureTest {
    @Test
    void aSmallTractIsHiddenWithAComplementAndCannotBeRecovered() {
        Disclosure d = new Disclosure().cell("city", 83).cell("d1", 43).cell("d2", 40)
                .cell("t1", 3).cell("t2", 40).cell("t3", 20).cell("t4", 20)
                .cell("g:a", 50).cell("g:b", 33);
        d.line("d1", List.of("t1", "t2")).line("d2", List.of("t3", "t4")).line("city", List.of("d1", "d2"))
                .line("city", List.of("g:a", "g:b"));

        Disclosure.Mask mask = d.protect(10);

        assertNull(mask.published("t1"));
        assertTrue(mask.isSuppressed("t2"), "the only complement on t1's line");
        assertEquals(83L, mask.published("city"));
        assertEquals(3, mask.value("t1"));
        assertEquals(List.of(), Suppression.recoverable(mask.table(), mask.mask()));
    }

    @Test
    void aCellAddedTwiceMustAgreeAndLinesNeedKnownCells() {
        Disclosure d = new Disclosure().cell("a", 1).cell("a", 1);
        assertThrows(IllegalStateException.class, () -> d.cell("a", 2));
        assertThrows(IllegalArgumentException.class, () -> d.line("a", List.of("b")));
    }
}
