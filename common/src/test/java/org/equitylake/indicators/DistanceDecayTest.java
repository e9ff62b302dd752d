package org.equitylake.indicators;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.equitylake.indicators.DistanceDecay.Band;
import org.equitylake.indicators.DistanceDecay.Fit;
import org.junit.jupiter.api.Test;

class DistanceDecayTest {
    @Test
    void twoBandsAreFittedExactly() {
        // 200 of 1000 at 500 m (p = 0.2), 50 of 1000 at 1500 m (p = 0.05): p falls by 4 over 1000 m
        // b = ln 4 / 1000 = 0.00138629 per metre, λ = 1 / b = 721.348 m, a = 0.2 × exp(500 b) = 0.2 × 2 = 0.4
        // Var(b) = (1/200 + 1/50) / 1000² = 2.5e−8 → SE = 1.58114e−4
        // 95 % for b: 0.00138629 ± 1.96 × 1.58114e−4 = [0.00107639, 0.00169620] → λ in [589.554, 929.030]
        Fit f = DistanceDecay.fit(List.of(new Band(500, 1000, 200), new Band(1500, 1000, 50)));
        assertTrue(f.converged());
        assertEquals(0.4, f.a(), 1e-9);
        assertEquals(721.347520, f.lambdaMetres(), 1e-5);
        assertEquals(1.58114e-4, f.decaySe(), 1e-9);
        assertEquals(589.553963, f.lambdaLower95(), 1e-5);
        assertEquals(929.030306, f.lambdaUpper95(), 1e-5);
        assertEquals(0.05, f.probabilityAt(1500), 1e-12);
        assertEquals(1, f.dispersion());
    }

    @Test
    void recoversTheCurveThatGeneratedTheData() {
        // p(d) = 0.3 exp(−d / 800) on ten 500 m bands of a million households each
        List<Band> bands = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            double d = 250 + 500 * i;
            bands.add(new Band(d, 1_000_000, Math.round(1_000_000 * 0.3 * Math.exp(-d / 800))));
        }
        Fit f = DistanceDecay.fit(bands);
        assertTrue(f.converged());
        assertEquals(0.3, f.a(), 1e-4);
        assertEquals(800, f.lambdaMetres(), 0.5);
        assertTrue(f.lambdaLower95() < 800 && 800 < f.lambdaUpper95());
    }

    @Test
    void theFitSolvesTheLikelihoodEquationsAndReportsThePearsonDispersion() {
        List<Band> bands = List.of(new Band(250, 400, 60), new Band(750, 500, 41),
                new Band(1250, 450, 30), new Band(1750, 300, 6), new Band(2250, 350, 9));
        Fit f = DistanceDecay.fit(bands);
        double residuals = 0;
        double weighted = 0;
        double chi2 = 0;
        for (Band b : bands) {
            double mu = b.eligible() * f.probabilityAt(b.midpointMetres());
            residuals += b.enrolled() - mu;
            weighted += (b.enrolled() - mu) * b.midpointMetres();
            chi2 += (b.enrolled() - mu) * (b.enrolled() - mu) / mu;
        }
        // Poisson score equations: Σ (y − μ) = 0 and Σ (y − μ) d = 0 at the maximum
        assertEquals(0, residuals, 1e-6);
        assertEquals(0, weighted, 1e-3);
        assertEquals(chi2 / 3, f.dispersion(), 1e-9);
    }

    @Test
    void noDecayGivesAnUnboundedLambda() {
        Fit f = DistanceDecay.fit(List.of(new Band(500, 1000, 100), new Band(1500, 1000, 100), new Band(2500, 1000, 100)));
        assertEquals(0, f.decayPerMetre(), 1e-9);
        assertTrue(f.decayLower95() < 0);
        assertEquals(Double.POSITIVE_INFINITY, f.lambdaUpper95());
        assertEquals(0.1, f.a(), 1e-9);
    }

    @Test
    void tooLittleDataIsRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> DistanceDecay.fit(List.of(new Band(500, 1000, 10), new Band(1500, 1000, 0))));
        assertThrows(IllegalArgumentException.class,
                () -> DistanceDecay.fit(List.of(new Band(500, 0, 10), new Band(1500, 1000, 3))));
    }
}
