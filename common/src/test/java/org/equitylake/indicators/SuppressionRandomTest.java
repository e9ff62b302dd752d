package org.equitylake.indicators;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.equitylake.indicators.Suppression.Reason;
import org.equitylake.indicators.Suppression.Recovered;
import org.equitylake.indicators.Suppression.Result;
import org.junit.jupiter.api.Test;

/** Random tables with fixed seeds: after protection the auditor recovers nothing. */
class SuppressionRandomTest {
    private static final int SEEDS = 60;

    /** Counts shaped like program tables: many zeros, many small counts, some large. */
    private static long count(Random rnd) {
        double u = rnd.nextDouble();
        if (u < 0.25) {
            return 0;
        }
        if (u < 0.6) {
            return 1 + rnd.nextInt(10);
        }
        return 11 + rnd.nextInt(150);
    }

    @Test
    void randomTwoWayTables() {
        int leaksBeforeProtection = 0;
        for (int seed = 1; seed <= SEEDS; seed++) {
            Random rnd = new Random(seed);
            long[][] cells = new long[2 + rnd.nextInt(7)][2 + rnd.nextInt(5)];
            for (long[] row : cells) {
                for (int j = 0; j < row.length; j++) {
                    row[j] = count(rnd);
                }
            }
            leaksBeforeProtection += check(CountTable.twoWay(cells), "two-way seed " + seed);
        }
        assertTrue(leaksBeforeProtection > 0, "primary suppression alone should leak somewhere");
    }

    @Test
    void randomOneWayTables() {
        for (int seed = 1; seed <= SEEDS; seed++) {
            Random rnd = new Random(1000 + seed);
            long[] cells = new long[1 + rnd.nextInt(12)];
            for (int i = 0; i < cells.length; i++) {
                cells[i] = count(rnd);
            }
            check(CountTable.oneWay(cells), "one-way seed " + seed);
        }
    }

    @Test
    void randomTractDistrictCityHierarchies() {
        for (int seed = 1; seed <= SEEDS; seed++) {
            Random rnd = new Random(2000 + seed);
            int districts = 1 + rnd.nextInt(5);
            long[] tracts = new long[districts + rnd.nextInt(20)];
            int[] parent = new int[tracts.length];
            for (int i = 0; i < tracts.length; i++) {
                tracts[i] = count(rnd);
                parent[i] = i < districts ? i : rnd.nextInt(districts);
            }
            check(CountTable.hierarchy(tracts, parent, districts), "hierarchy seed " + seed);
        }
    }

    @Test
    void aCitySizedTableOfTractsByGroup() {
        // 150 tracts × 6 groups, the size of the gold layer's tract tables
        Random rnd = new Random(42);
        long[][] cells = new long[150][6];
        for (long[] row : cells) {
            for (int j = 0; j < row.length; j++) {
                row[j] = count(rnd);
            }
        }
        check(CountTable.twoWay(cells), "city table");
    }

    /** Protects the table, checks every property, returns how many cells primary suppression alone leaked. */
    private static int check(CountTable t, String what) {
        Result r = Suppression.protect(t);
        assertEquals(List.of(), Suppression.recoverable(t, r.mask()), what);
        for (int i = 0; i < t.size(); i++) {
            long v = t.value(i);
            assertEquals(v >= 1 && v <= 10, r.reasons().get(i) == Reason.PRIMARY, what + " cell " + i);
            if (v == 0) {
                assertEquals(Reason.PUBLISHED, r.reasons().get(i), what + ": a zero was suppressed");
            }
        }
        for (CountTable.Line line : t.lines()) {
            int suppressed = r.isSuppressed(line.total()) ? 1 : 0;
            for (int m : line.members()) {
                suppressed += r.isSuppressed(m) ? 1 : 0;
            }
            assertTrue(suppressed != 1, what + ": a line with a single suppressed cell");
        }
        assertEquals(r, Suppression.protect(t), what + ": not deterministic");
        List<Recovered> leaks = Suppression.recoverable(t, Suppression.primary(t, Suppression.DEFAULT_THRESHOLD));
        for (Recovered leak : leaks) {
            assertEquals(t.value(leak.cell()), leak.value(), what + ": the auditor recovered a wrong value");
        }
        return leaks.size();
    }
}
