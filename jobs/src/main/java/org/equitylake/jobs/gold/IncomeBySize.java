package org.equitylake.jobs.gold;

import java.util.Arrays;
import java.util.Collection;
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

    /** r[s] for s = 1..7 (index 0 unused); 1 for a size without usable medians, or without B19019. */
    public static double[] ratios(Collection<TractAcs> tracts) {
        double[] sizeIncome = new double[8];
        double[] allIncome = new double[8];
        for (TractAcs t : tracts) {
            Double all = t.median(TABLE, 1);
            if (all == null) {
                continue;
            }
            Estimate[] households = t.householdsBySize(false);
            for (int s = 1; s <= 7; s++) {
                Double size = t.median(TABLE, s + 1);
                if (size != null) {
                    sizeIncome[s] += households[s].value() * size;
                    allIncome[s] += households[s].value() * all;
                }
            }
        }
        double[] out = uniform();
        for (int s = 1; s <= 7; s++) {
            if (sizeIncome[s] > 0 && allIncome[s] > 0) {
                out[s] = sizeIncome[s] / allIncome[s];
            }
        }
        return out;
    }

    /** Income taken as independent of size (no B19019). */
    public static double[] uniform() {
        double[] out = new double[8];
        Arrays.fill(out, 1);
        return out;
    }
}
