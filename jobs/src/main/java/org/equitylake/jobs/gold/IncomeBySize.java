package org.equitylake.jobs.gold;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import org.equitylake.indicators.Estimate;

/**
 * How much households of each size earn against all households, from B19019 (median income by
 * household size): r_s = Σ_t H_{t,s}·m_{t,s} ÷ Σ_t H_{t,s}·m_t over the city's tracts, with m_{t,s}
 * the tract's median for size s, m_t its median for all households and H_{t,s} its households of
 * that size (B11016). Pooled over tracts because a tract's median for one size rests on few
 * households. A top-coded median counts at its bound (250,000): leaving it out would drop exactly
 * the tracts where a size earns most, and understate r_s. B19001 does not cross income with size,
 * so a size's income distribution is taken as the tract's scaled by r_s: the share below a limit L
 * is the tract's share below L ÷ r_s.
 */
public final class IncomeBySize {
    static final String TABLE = "B19019";

    private IncomeBySize() {}

    /**
     * r[s] for s = 1..7 (index 0 unused) and its standard error, the ratio estimator's
     * sqrt(n ÷ (n − 1) × Σ_t (y_t − r·x_t)²) ÷ Σ_t x_t over the n tracts with a median for the size,
     * y_t = H_{t,s}·m_{t,s} and x_t = H_{t,s}·m_t (Cochran 1977, 6.9). A size without usable medians,
     * or every size without B19019, gets r = 1 and no error.
     */
    public record Fit(double[] ratios, double[] se) {}

    /** r[s] for s = 1..7 (index 0 unused); see {@link #fit}. */
    public static double[] ratios(Collection<TractAcs> tracts) {
        return fit(tracts).ratios();
    }

    public static Fit fit(Collection<TractAcs> tracts) {
        List<List<double[]>> pairs = new ArrayList<>();
        for (int s = 0; s <= 7; s++) {
            pairs.add(new ArrayList<>());
        }
        for (TractAcs t : tracts) {
            Double all = t.median(TABLE, 1);
            if (all == null) {
                continue;
            }
            Estimate[] households = t.householdsBySize(false);
            for (int s = 1; s <= 7; s++) {
                Double size = t.median(TABLE, s + 1);
                if (size != null) {
                    pairs.get(s).add(new double[] {households[s].value() * size, households[s].value() * all});
                }
            }
        }
        double[] ratios = uniform();
        double[] se = new double[8];
        for (int s = 1; s <= 7; s++) {
            double y = pairs.get(s).stream().mapToDouble(p -> p[0]).sum();
            double x = pairs.get(s).stream().mapToDouble(p -> p[1]).sum();
            int n = pairs.get(s).size();
            if (y > 0 && x > 0) {
                double r = y / x;
                ratios[s] = r;
                double squares = pairs.get(s).stream().mapToDouble(p -> (p[0] - r * p[1]) * (p[0] - r * p[1])).sum();
                se[s] = n > 1 ? Math.sqrt(squares * n / (n - 1)) / x : 0;
            }
        }
        return new Fit(ratios, se);
    }

    /** Income taken as independent of size (no B19019). */
    public static double[] uniform() {
        double[] out = new double[8];
        Arrays.fill(out, 1);
        return out;
    }
}
