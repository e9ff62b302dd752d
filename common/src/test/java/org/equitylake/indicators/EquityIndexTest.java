package org.equitylake.indicators;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.equitylake.indicators.EquityIndex.Score;
import org.equitylake.indicators.EquityIndex.SviRank;
import org.equitylake.indicators.EquityIndex.Tract;
import org.equitylake.indicators.EquityIndex.Variable;
import org.junit.jupiter.api.Test;

class EquityIndexTest {
    private static final double NAN = Double.NaN;

    @Test
    void equalPopulationsGiveOneTractPerQuintile() {
        // five tracts of 100: population midpoints 0.1, 0.3, 0.5, 0.7, 0.9 → scores 1..5
        // income is reversed: the highest income has the least need
        List<Score> s = EquityIndex.scores(List.of(
                new Tract("a", 100, 10, 100_000), new Tract("b", 100, 20, 80_000), new Tract("c", 100, 30, 60_000),
                new Tract("d", 100, 40, 40_000), new Tract("e", 100, 50, 20_000)));
        for (int i = 0; i < 5; i++) {
            assertEquals(i + 1, s.get(i).raceScore());
            assertEquals(i + 1, s.get(i).incomeScore());
            assertEquals(2 * (i + 1), s.get(i).combined());
        }
    }

    @Test
    void quintilesArePopulationWeighted() {
        // populations 230, 120, 80, 150, 420 (total 1000) in order of % BIPOC; midpoints
        // 115/1000, 290/1000, 390/1000, 505/1000, 790/1000 → 1 + floor(5 × m) = 1, 2, 2, 3, 4
        double[] pop = {230, 120, 80, 150, 420};
        Integer[] q = EquityIndex.weightedQuintiles(new double[] {5, 15, 25, 35, 45}, pop);
        assertArrayEquals(new Integer[] {1, 2, 2, 3, 4}, q);
    }

    @Test
    void tiesShareAScoreAndMissingValuesAreNull() {
        // e has no population and is left out; f has a % BIPOC but no income.
        // race over a, b, c, d, f (500 people): a 50/500 = 0.1 → 1; b and c tie at 30 %, one block of
        // 200 with midpoint (100 + 100)/500 = 0.4 → 3 for both; d 350/500 = 0.7 → 4; f 450/500 = 0.9 → 5
        // income over a–d (f missing): all 50,000, one block of 400, midpoint 0.5 → 3 for each
        List<Score> s = EquityIndex.scores(List.of(
                new Tract("a", 100, 10, 50_000), new Tract("b", 100, 30, 50_000), new Tract("c", 100, 30, 50_000),
                new Tract("d", 100, 60, 50_000), new Tract("e", 0, 90, 10_000), new Tract("f", 100, 90, NAN)));
        assertEquals(java.util.Arrays.asList(1, 3, 3, 4, null, 5), s.stream().map(Score::raceScore).toList());
        assertEquals(java.util.Arrays.asList(3, 3, 3, 3, null, null), s.stream().map(Score::incomeScore).toList());
        assertEquals(java.util.Arrays.asList(4, 6, 6, 7, null, null), s.stream().map(Score::combined).toList());
    }

    @Test
    void percentileRanksAsTheSviComputesThem() {
        // sorted 10, 20, 20, 40; ranks 1, 2, 2, 4 (ties take the smallest); (rank − 1) / 3
        assertArrayEquals(new double[] {0, 1.0 / 3, 1.0 / 3, 1}, EquityIndex.percentileRanks(new double[] {10, 20, 20, 40}), 1e-12);
        double[] withMissing = EquityIndex.percentileRanks(new double[] {5, NAN, 1});
        assertEquals(1, withMissing[0]);
        assertTrue(Double.isNaN(withMissing[1]));
        assertEquals(0, withMissing[2]);
        assertArrayEquals(new double[] {0}, EquityIndex.percentileRanks(new double[] {7}), 0);
    }

    @Test
    void sviSumsVariableRanksAndRanksTheSum() {
        // poverty (higher worse) 10, 20, 20, 40 → 0, 1/3, 1/3, 1
        // income (higher better) 50k, 30k, 40k, 20k ranked on −x → 0, 2/3, 1/3, 1
        // sums 0, 1, 2/3, 2 → overall 0, 2/3, 1/3, 1
        List<SviRank> r = EquityIndex.svi(List.of("t1", "t2", "t3", "t4"), List.of(
                new Variable("poverty", new double[] {10, 20, 20, 40}, true),
                new Variable("income", new double[] {50_000, 30_000, 40_000, 20_000}, false)));
        assertArrayEquals(new double[] {1.0 / 3, 2.0 / 3}, r.get(1).variableRanks(), 1e-12);
        assertEquals(1, r.get(1).sumOfRanks(), 1e-9);
        assertArrayEquals(new double[] {0, 2.0 / 3, 1.0 / 3, 1},
                r.stream().mapToDouble(SviRank::overallRank).toArray(), 1e-12);
    }

    @Test
    void equalSumsTieInTheOverallRank() {
        // x: 1, 2, 3 → 0, 0.5, 1; y: 3, 2, 1 → 1, 0.5, 0; sums all 1 → all rank 0
        List<SviRank> r = EquityIndex.svi(List.of("a", "b", "c"), List.of(
                new Variable("x", new double[] {1, 2, 3}, true), new Variable("y", new double[] {3, 2, 1}, true)));
        assertArrayEquals(new double[] {0, 0, 0}, r.stream().mapToDouble(SviRank::overallRank).toArray(), 0);
    }
}
