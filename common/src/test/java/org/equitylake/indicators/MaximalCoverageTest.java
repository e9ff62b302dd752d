package org.equitylake.indicators;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.equitylake.indicators.MaximalCoverage.Candidate;
import org.equitylake.indicators.MaximalCoverage.Pick;
import org.junit.jupiter.api.Test;

class MaximalCoverageTest {
    private static final Map<String, Double> DEMAND = Map.of("A", 10.0, "B", 5.0, "C", 8.0, "D", 3.0);

    private static List<Candidate> candidates() {
        return List.of(new Candidate("s1", Set.of("A", "B")), new Candidate("s2", Set.of("C", "D")),
                new Candidate("s3", Set.of("A", "C")), new Candidate("s4", Set.of("B", "D")));
    }

    @Test
    void greedyPicksTheLargestNewCoverageEachStep() {
        // step 1: s1 = 15, s2 = 11, s3 = 18, s4 = 8 → s3 (18)
        // step 2, A and C covered: s1 adds B = 5, s2 adds D = 3, s4 adds B + D = 8 → s4; 26 of 26 covered
        List<Pick> picks = MaximalCoverage.greedy(candidates(), DEMAND, 2);
        assertEquals(2, picks.size());
        assertEquals(new Pick(1, "s3", 18, 18, 18.0 / 26, List.of("A", "C")), picks.get(0));
        assertEquals(new Pick(2, "s4", 8, 26, 1.0, List.of("B", "D")), picks.get(1));
    }

    @Test
    void stopsWhenNothingNewCanBeCovered() {
        // after s3 and s4 everything is covered: a third pick would add 0
        assertEquals(2, MaximalCoverage.greedy(candidates(), DEMAND, 4).size());
    }

    @Test
    void tiesGoToTheSmallestIdWhateverTheInputOrder() {
        // x and w both cover 7; w < x
        List<Candidate> c = new ArrayList<>(List.of(new Candidate("x", Set.of("P")), new Candidate("w", Set.of("Q"))));
        Map<String, Double> demand = Map.of("P", 7.0, "Q", 7.0);
        assertEquals("w", MaximalCoverage.greedy(c, demand, 1).get(0).candidateId());
        Collections.reverse(c);
        assertEquals("w", MaximalCoverage.greedy(c, demand, 1).get(0).candidateId());
    }

    @Test
    void unknownUnitsWeighNothing() {
        assertEquals(List.of(), MaximalCoverage.greedy(List.of(new Candidate("s", Set.of("Z"))), DEMAND, 1));
        assertEquals(List.of(), MaximalCoverage.greedy(candidates(), Map.of(), 2));
        // s covers Z (1) and an unknown unit: 1 of 1 covered, the unknown unit is not listed
        Pick only = MaximalCoverage.greedy(List.of(new Candidate("s", Set.of("Z", "Y"))), Map.of("Z", 1.0), 1).get(0);
        assertEquals(1.0, only.cumulativeShare());
        assertEquals(List.of("Z"), only.newlyCovered());
    }

    @Test
    void badInputIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> MaximalCoverage.greedy(
                List.of(new Candidate("s", Set.of()), new Candidate("s", Set.of())), DEMAND, 1));
        assertThrows(IllegalArgumentException.class, () -> MaximalCoverage.greedy(candidates(), Map.of("A", -1.0), 1));
        assertThrows(IllegalArgumentException.class, () -> MaximalCoverage.greedy(candidates(), DEMAND, -1));
    }
}
