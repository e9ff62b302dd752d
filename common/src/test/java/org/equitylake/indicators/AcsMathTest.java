package org.equitylake.indicators;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.equitylake.indicators.AcsMath.Bracket;
import org.equitylake.indicators.AcsMath.Interpolation;
import org.junit.jupiter.api.Test;

class AcsMathTest {
    private static final double INF = Double.POSITIVE_INFINITY;

    @Test
    void moeAndStandardErrorConvertAt1645() {
        // SE = 164.5 / 1.645 = 100; back: 100 × 1.645 = 164.5
        assertEquals(100, AcsMath.seFromMoe90(164.5), 1e-12);
        assertEquals(164.5, AcsMath.moe90FromSe(100), 1e-12);
        assertEquals(100, new Estimate(5000, 164.5).se(), 1e-12);
    }

    @Test
    void moeOfASumIsTheRootOfTheSummedSquares() {
        // sqrt(30² + 40²) = sqrt(900 + 1600) = 50
        assertEquals(50, AcsMath.moeOfSum(30, 40), 1e-12);
        Estimate sum = AcsMath.sum(List.of(new Estimate(120, 30), new Estimate(80, 40)));
        assertEquals(200, sum.value(), 1e-12);
        assertEquals(50, sum.moe90(), 1e-12);
    }

    @Test
    void proportionFollowsTheHandbookExample() {
        // Handbook ch. 8 worked example: never-married females 203,119 ± 5,070 of 630,498 ± 831.
        // p = 0.322156; MOE = sqrt(5070² − 0.322156² × 831²) / 630498 = sqrt(25,704,900 − 71,670) / 630498
        //   = 5062.92 / 630498 = 0.008030
        Estimate p = AcsMath.proportion(new Estimate(203_119, 5_070), new Estimate(630_498, 831));
        assertEquals(0.322156, p.value(), 1e-6);
        assertEquals(0.008030, p.moe90(), 1e-6);
    }

    @Test
    void proportionFallsBackToTheRatioFormulaWhenTheRadicandIsNegative() {
        // x = 50 ± 10, y = 60 ± 40: p = 0.8333; 10² − 0.8333² × 40² = 100 − 1111.1 < 0
        // ratio formula: sqrt(100 + 1111.1) / 60 = 34.801 / 60 = 0.580017
        Estimate p = AcsMath.proportion(new Estimate(50, 10), new Estimate(60, 40));
        assertEquals(0.580017, p.moe90(), 1e-6);
    }

    @Test
    void ratioAndProduct() {
        // R = 500/200 = 2.5; MOE = sqrt(60² + 2.5² × 30²) / 200 = sqrt(3600 + 5625) / 200 = 96.047 / 200 = 0.480234
        Estimate r = AcsMath.ratio(new Estimate(500, 60), new Estimate(200, 30));
        assertEquals(2.5, r.value(), 1e-12);
        assertEquals(0.480234, r.moe90(), 1e-6);
        // 200 ± 20 times 3 ± 0.5: sqrt(200² × 0.5² + 3² × 20²) = sqrt(10000 + 3600) = 116.619
        Estimate p = AcsMath.product(new Estimate(200, 20), new Estimate(3, 0.5));
        assertEquals(600, p.value(), 1e-12);
        assertEquals(116.619038, p.moe90(), 1e-6);
    }

    @Test
    void aZeroDenominatorIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> AcsMath.proportion(new Estimate(0, 5), new Estimate(0, 10)));
    }

    private static List<Bracket> fourBrackets() {
        return List.of(
                new Bracket(0, 10_000, new Estimate(100, 20)),
                new Bracket(10_000, 20_000, new Estimate(200, 30)),
                new Bracket(20_000, 40_000, new Estimate(300, 40)),
                new Bracket(40_000, INF, new Estimate(400, 50)));
    }

    @Test
    void linearShareOfThePartialBracket() {
        // limit 25,000: full brackets 100 + 200; share of [20k, 40k) = 5,000 / 20,000 = 0.25 → 0.25 × 300 = 75
        // estimate 375; MOE = sqrt(20² + 30² + (0.25 × 40)²) = sqrt(400 + 900 + 100) = 37.4166
        Estimate e = AcsMath.householdsBelow(fourBrackets(), 25_000, Interpolation.LINEAR);
        assertEquals(375, e.value(), 1e-9);
        assertEquals(Math.sqrt(1400), e.moe90(), 1e-9);
    }

    @Test
    void paretoShareOfThePartialBracket() {
        // households at or above 20k: 700, at or above 40k: 400; θ = ln(700/400) / ln(40k/20k) = 0.807355
        // at or above 25k: 700 × (20/25)^θ = 584.60; share = (700 − 584.60) / (700 − 400) = 0.384674
        // estimate 300 + 0.384674 × 300 = 415.402; MOE = sqrt(400 + 900 + (0.384674 × 40)²) = 39.2015
        Estimate e = AcsMath.householdsBelow(fourBrackets(), 25_000, Interpolation.PARETO);
        assertEquals(415.402082, e.value(), 1e-6);
        assertEquals(39.201506, e.moe90(), 1e-6);
    }

    @Test
    void theOpenTopBracketUsesAParetoTail() {
        // θ from [20k, 40k) as above = 0.807355; share of 40k+ below 50k = 1 − (40/50)^θ = 0.164860
        // estimate 600 + 0.164860 × 400 = 665.944; MOE = sqrt(400 + 900 + 1600 + (0.164860 × 50)²) = 54.4789
        Estimate e = AcsMath.householdsBelow(fourBrackets(), 50_000, Interpolation.LINEAR);
        assertEquals(665.944047, e.value(), 1e-6);
        assertEquals(54.478869, e.moe90(), 1e-6);
    }

    @Test
    void limitsOnABoundOrOutsideTheRange() {
        // exactly on a bound: brackets below it whole, nothing of the next
        assertEquals(300, AcsMath.householdsBelow(fourBrackets(), 20_000, Interpolation.LINEAR).value(), 1e-9);
        assertEquals(0, AcsMath.householdsBelow(fourBrackets(), 0, Interpolation.LINEAR).value(), 1e-9);
        assertEquals(1000, AcsMath.householdsBelow(fourBrackets(), INF, Interpolation.LINEAR).value(), 1e-9);
        // the first bracket starts at 0, where Pareto is undefined: linear, 5,000 / 10,000 × 100 = 50
        assertEquals(50, AcsMath.householdsBelow(fourBrackets(), 5_000, Interpolation.PARETO).value(), 1e-9);
    }

    @Test
    void b19001HasSixteenStandardBrackets() {
        double[] est = new double[16];
        double[] moe = new double[16];
        java.util.Arrays.fill(est, 10);
        java.util.Arrays.fill(moe, 5);
        List<Bracket> brackets = AcsMath.b19001(est, moe);
        assertEquals(16, brackets.size());
        assertEquals(10_000, brackets.get(0).upper());
        assertEquals(INF, brackets.get(15).upper());
        // below 62,500: 10 full brackets (to 60k) = 100, plus (62.5k − 60k) / 15k = 1/6 of [60k, 75k) → 101.667
        // MOE = sqrt(10 × 25 + (5/6)²) = sqrt(250.694) = 15.8333
        Estimate e = AcsMath.householdsBelow(brackets, 62_500, Interpolation.LINEAR);
        assertEquals(100 + 10.0 / 6, e.value(), 1e-9);
        assertEquals(Math.sqrt(250 + 25.0 / 36), e.moe90(), 1e-9);
        assertThrows(IllegalArgumentException.class, () -> AcsMath.b19001(new double[3], new double[3]));
    }

    @Test
    void bracketsMustBeContiguous() {
        List<Bracket> gap = List.of(new Bracket(0, 10, Estimate.exact(1)), new Bracket(20, 30, Estimate.exact(1)));
        assertThrows(IllegalArgumentException.class, () -> AcsMath.householdsBelow(gap, 25, Interpolation.LINEAR));
    }
}
