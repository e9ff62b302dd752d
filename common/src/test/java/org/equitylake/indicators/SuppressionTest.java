package org.equitylake.indicators;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.equitylake.indicators.Suppression.Reason;
import org.equitylake.indicators.Suppression.Recovered;
import org.equitylake.indicators.Suppression.Result;
import org.junit.jupiter.api.Test;

class SuppressionTest {
    private static final Reason P = Reason.PUBLISHED;
    private static final Reason PRI = Reason.PRIMARY;
    private static final Reason COMP = Reason.COMPLEMENTARY;

    @Test
    void aLoneSmallCellIsRecoverableAfterPrimarySuppressionAlone() {
        // [3, 20, 30], total 53: suppressing only the 3 leaves 53 − 20 − 30 = 3
        CountTable t = CountTable.oneWay(new long[] {3, 20, 30});
        boolean[] primary = Suppression.primary(t, 10);
        assertArrayEquals(new boolean[] {true, false, false, false}, primary);
        assertEquals(List.of(new Recovered(0, "cell 0", 3, "line")), Suppression.recoverable(t, primary));
    }

    @Test
    void theSmallestOtherCellComplementsIt() {
        // complement: the smallest published non-zero cell, 20; a reader knows only 3 + 20 = 23
        Result r = Suppression.protect(CountTable.oneWay(new long[] {3, 20, 30}));
        assertEquals(List.of(PRI, COMP, P, P), r.reasons());
        assertEquals(List.of(), Suppression.recoverable(r.table(), r.mask()));
    }

    @Test
    void zeroIsPublishedAndNeverChosenAsAComplement() {
        // [0, 5, 40, 45]: 0 stays, 5 is primary, the complement skips the 0 and takes 40
        Result r = Suppression.protect(CountTable.oneWay(new long[] {0, 5, 40, 45}));
        assertEquals(List.of(P, PRI, COMP, P, P), r.reasons());
    }

    @Test
    void twoOnesInALineArePinnedByBoundsAndGetAThirdCell() {
        // [1, 1, 50, 60], total 112: both 1s are primary and the line has two suppressed cells, but a
        // reader knows suppressed counts are >= 1 (zeros are published) and 112 − 50 − 60 = 2 → both are 1
        CountTable t = CountTable.oneWay(new long[] {1, 1, 50, 60});
        assertEquals(List.of(new Recovered(0, "cell 0", 1, "bounds"), new Recovered(1, "cell 1", 1, "bounds")),
                Suppression.recoverable(t, Suppression.primary(t, 10)));
        // adding 50: the three sum to 52, each is somewhere in 1..50
        Result r = Suppression.protect(t);
        assertEquals(List.of(PRI, PRI, COMP, P, P), r.reasons());
        assertEquals(List.of(), Suppression.recoverable(t, r.mask()));
    }

    @Test
    void aLoneSmallCellInATwoWayTableEndsInARectangle() {
        //        c0  c1  c2 | total
        //  r0 [   2, 15, 20] |  37
        //  r1 [  12, 30, 25] |  67
        //  r2 [  18, 22, 40] |  80
        //  total 32  67  85  | 184
        // row 0 needs a complement: 15 (col 1) and 20 (col 2) each open a clean column → smallest, 15.
        // col 0 needs one: 12 (row 1) and 18 (row 2) each open a row → 12.
        // col 1 needs one: 30 is in row 1, which already has one suppressed cell, so it opens nothing
        // (22 would open row 2) → 30, and that completes row 1 as well: the rectangle 2, 15, 12, 30.
        CountTable t = CountTable.twoWay(new long[][] {{2, 15, 20}, {12, 30, 25}, {18, 22, 40}});
        Result r = Suppression.protect(t);
        assertEquals(PRI, r.reasons().get(t.cell(0, 0)));
        for (int[] rc : new int[][] {{0, 1}, {1, 0}, {1, 1}}) {
            assertEquals(COMP, r.reasons().get(t.cell(rc[0], rc[1])));
        }
        assertEquals(1, r.count(PRI));
        assertEquals(3, r.count(COMP));
        assertEquals(List.of(), Suppression.recoverable(t, r.mask()));
        // primary alone: row 0 gives the 2 back by subtraction
        assertEquals(2, Suppression.recoverable(t, Suppression.primary(t, 10)).get(0).value());
    }

    @Test
    void smallTotalsArePrimaryToo() {
        // row 1 = [3, 4], its total 7 is also a small count; grand total 7 + 100 = 107
        CountTable t = CountTable.twoWay(new long[][] {{40, 60}, {3, 4}});
        Result r = Suppression.protect(t);
        assertEquals(PRI, r.reasons().get(t.rowTotal(1)));
        assertEquals(List.of(), Suppression.recoverable(t, r.mask()));
    }

    @Test
    void theLinearSystemFindsABridgeThatNoSingleLineReveals() {
        // two 2 × 2 suppression rectangles joined by one cell (1, 2): every row and column holds 0 or
        // at least 2 suppressed cells, yet rows 0–1 minus columns 0–1 isolates the bridge:
        // (row0 + row1 remainders) − (col0 + col1 remainders) = 26
        CountTable t = CountTable.twoWay(new long[][] {
            {20, 21, 22, 23}, {24, 25, 26, 27}, {28, 29, 30, 31}, {32, 33, 34, 35}});
        boolean[] mask = new boolean[t.size()];
        for (int[] rc : new int[][] {{0, 0}, {0, 1}, {1, 0}, {1, 1}, {2, 2}, {2, 3}, {3, 2}, {3, 3}, {1, 2}}) {
            mask[t.cell(rc[0], rc[1])] = true;
        }
        assertEquals(List.of(new Recovered(t.cell(1, 2), "row 1 col 2", 26, "linear system")),
                Suppression.recoverable(t, mask));
    }

    @Test
    void aLineWithNoOtherCandidateGivesUpItsTotal() {
        // cells x = 30, y = 0, T = x + y = 30, z = 5, S = x + z = 35
        // z is primary; line S takes x; line T then has only x suppressed and y is 0 → T itself
        CountTable t = CountTable.of(new long[] {30, 0, 30, 5, 35}, new String[] {"x", "y", "T", "z", "S"},
                List.of(new CountTable.Line(4, new int[] {0, 3}), new CountTable.Line(2, new int[] {0, 1})));
        Result r = Suppression.protect(t);
        assertEquals(List.of(COMP, P, COMP, PRI, P), r.reasons());
        assertEquals(List.of(), Suppression.recoverable(t, r.mask()));
    }

    @Test
    void tractsDistrictsAndCity() {
        // district 0 = tracts [4, 30, 25] = 59, district 1 = [40, 35] = 75, district 2 = [0, 50, 8] = 58
        // primary: 4 and 8. District 0 takes 25 (smallest), district 2 takes 50 (the 0 is published).
        CountTable t = CountTable.hierarchy(new long[] {4, 30, 25, 40, 35, 0, 50, 8}, new int[] {0, 0, 0, 1, 1, 2, 2, 2}, 3);
        assertEquals(List.of(new Recovered(0, "leaf 0", 4, "line"), new Recovered(7, "leaf 7", 8, "line")),
                Suppression.recoverable(t, Suppression.primary(t, 10)));
        Result r = Suppression.protect(t);
        assertEquals(List.of(PRI, P, COMP, P, P, P, COMP, PRI, P, P, P, P), r.reasons());
        assertEquals(List.of(), Suppression.recoverable(t, r.mask()));
    }

    @Test
    void aSmallDistrictTotalPullsInAnotherDistrict() {
        // districts [20, 30] = 50, [3, 4] = 7, [40, 15] = 55; city 112. Primary: 3, 4 and the district 7.
        // The city line has only the 7 suppressed → district 50 (smaller than 55); district 0's line
        // then has only its total suppressed → its smallest tract, 20.
        CountTable t = CountTable.hierarchy(new long[] {20, 30, 3, 4, 40, 15}, new int[] {0, 0, 1, 1, 2, 2}, 3);
        Result r = Suppression.protect(t);
        assertEquals(List.of(COMP, P, PRI, PRI, P, P, COMP, PRI, P, P), r.reasons());
        assertEquals(List.of(), Suppression.recoverable(t, r.mask()));
    }

    @Test
    void theThresholdIsConfigurable() {
        CountTable t = CountTable.oneWay(new long[] {12, 30, 40});
        assertEquals(0, Suppression.protect(t).count(PRI));
        assertEquals(1, Suppression.protect(t, 20).count(PRI));
        assertThrows(IllegalArgumentException.class, () -> Suppression.primary(t, 0));
    }

    @Test
    void inconsistentTablesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> CountTable.of(new long[] {1, 2, 4}, new String[] {"a", "b", "t"},
                List.of(new CountTable.Line(2, new int[] {0, 1}))));
        assertThrows(IllegalArgumentException.class, () -> CountTable.oneWay(new long[] {-1, 3}));
        assertThrows(IllegalArgumentException.class, () -> Suppression.recoverable(CountTable.oneWay(new long[] {1}), new boolean[1]));
    }

    @Test
    void nothingSmallNothingSuppressed() {
        Result r = Suppression.protect(CountTable.twoWay(new long[][] {{0, 11}, {25, 0}}));
        assertFalse(r.reasons().stream().anyMatch(x -> x != P));
        assertTrue(Suppression.recoverable(r.table(), r.mask()).isEmpty());
    }
}
