package org.equitylake.jobs.gold;

import java.util.ArrayList;
import java.util.List;
import org.equitylake.indicators.AcsMath;

/**
 * gold.income_leakage: awards to households over the program's limit, by tract income band, among
 * awards to households placed in the city (the same universe as every other gold count). The
 * share's interval is the Wilson score interval (Wilson 1927; recommended over the Wald interval
 * for proportions near 0 or 1 by Brown, Cai and DasGupta 2001). Dollar sums follow the suppression
 * of their counts: the dollars of a suppressed count are withheld with it.
 *
 * <p>Where the form asked income only as a bracket, an award whose bracket straddles the limit was
 * judged by the bracket's midpoint and may be on either side. The over-limit count then lies between
 * over − (those judged over) and over + (those judged eligible): the interval runs from the Wilson
 * lower bound of the first to the Wilson upper bound of the second (bounds in the sense of Manski
 * 2003). Those bounds give away the straddling and decided counts of each side, so a band uses a
 * side's own count only where both are 0 or above the suppression threshold, and the whole side
 * otherwise. All bands together sum what the bands use when every band is shown, and take the
 * whole sides when one is hidden (its counts would follow by subtraction).
 */
final class LeakageRows {
    private LeakageRows() {}

    /** The over-limit share of all awards and its interval, for the scorecard. */
    record Headline(Long awards, Double share, Double lower95, Double upper95) {}

    record Result(List<Gold.RowValues> rows, Headline headline) {}

    static Result rows(ProgramYear py) {
        List<Gold.RowValues> rows = new ArrayList<>();
        List<String> bands = new ArrayList<>(py.tractBands());
        bands.add(ProgramYear.ALL);
        Headline headline = null;
        for (String b : bands) {
            Long eligible = py.mask.published(b.equals(ProgramYear.ALL) ? ProgramYear.CITY : ProgramYear.groupKey(Groups.TRACT_INCOME_BAND, b));
            Long awards = py.mask.published(ProgramYear.leakKey("known", b));
            Long over = py.mask.published(ProgramYear.leakKey("over", b));
            boolean shown = awards != null && over != null;
            double[] wilson = shown ? wilson(over, awards) : null;
            if (wilson != null) {
                long[] judged = b.equals(ProgramYear.ALL) ? judgedInAllBands(py, bands, awards, over) : judged(py, b, awards, over);
                wilson[1] = wilson(over - judged[1], awards)[1];
                wilson[2] = wilson(over + judged[0], awards)[2];
            }
            double dollarsEligible = py.awardDollars(b, ParticipantCube.ELIGIBLE);
            double dollarsOver = py.awardDollars(b, ParticipantCube.OVER_LIMIT);
            rows.add(Gold.row().put("program", py.in.program()).put("year", py.in.year()).put("tract_income_band", b)
                    .put("awards", awards).put("awards_eligible", shown ? eligible : null).put("awards_over_limit", over)
                    .put("over_limit_share", wilson == null ? null : wilson[0])
                    .put("over_limit_share_lower95", wilson == null ? null : wilson[1])
                    .put("over_limit_share_upper95", wilson == null ? null : wilson[2])
                    .put("dollars_awarded", awards == null ? null : dollarsEligible + dollarsOver)
                    .put("dollars_over_limit", over == null ? null : dollarsOver)
                    .put("dollar_share_over_limit", shown && dollarsEligible + dollarsOver > 0
                            ? dollarsOver / (dollarsEligible + dollarsOver) : null)
                    .put("is_suppressed", !shown));
            if (b.equals(ProgramYear.ALL)) {
                headline = new Headline(awards, wilson == null ? null : wilson[0], wilson == null ? null : wilson[1],
                        wilson == null ? null : wilson[2]);
            }
        }
        return new Result(rows, headline);
    }

    /**
     * What a shown band takes as judged from a straddling bracket, eligible side then over side: the
     * side's own count, or the whole side when that count or the rest of the side counts 1 to the
     * threshold (the bounds would give it away).
     */
    private static long[] judged(ProgramYear py, String band, long awards, long over) {
        long[] whole = {awards - over, over};
        List<String> sides = List.of(ParticipantCube.ELIGIBLE, ParticipantCube.OVER_LIMIT);
        long[] out = new long[2];
        for (int i = 0; i < 2; i++) {
            long undecided = py.undecidedAwards(band, sides.get(i));
            long decided = whole[i] - undecided;
            out[i] = isSmall(undecided, py.in.threshold()) || isSmall(decided, py.in.threshold()) ? whole[i] : undecided;
        }
        return out;
    }

    private static long[] judgedInAllBands(ProgramYear py, List<String> bands, long awards, long over) {
        long[] sum = new long[2];
        for (String b : bands.stream().filter(b -> !b.equals(ProgramYear.ALL)).toList()) {
            Long bandAwards = py.mask.published(ProgramYear.leakKey("known", b));
            Long bandOver = py.mask.published(ProgramYear.leakKey("over", b));
            if (bandAwards == null || bandOver == null) {
                return new long[] {awards - over, over};
            }
            long[] j = judged(py, b, bandAwards, bandOver);
            sum[0] += j[0];
            sum[1] += j[1];
        }
        return sum;
    }

    private static boolean isSmall(long count, int threshold) {
        return count >= 1 && count <= threshold;
    }

    /** Point estimate, lower and upper bound of the Wilson score 95 % interval of x of n; null when n is 0. */
    static double[] wilson(long x, long n) {
        if (n == 0) {
            return null;
        }
        double z = AcsMath.Z95;
        double p = (double) x / n;
        double z2n = z * z / n;
        double centre = (p + z2n / 2) / (1 + z2n);
        double half = z / (1 + z2n) * Math.sqrt(p * (1 - p) / n + z * z / (4.0 * n * n));
        return new double[] {p, Math.max(0, centre - half), Math.min(1, centre + half)};
    }
}
