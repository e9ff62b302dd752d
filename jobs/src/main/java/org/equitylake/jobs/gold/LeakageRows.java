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
 * 2003). Those counts are cells of the disclosure table; when one is suppressed the interval takes
 * the widest case, every award on that side undecided.
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
            if (wilson != null && py.mask.has(ProgramYear.leakKey("undecided_" + ParticipantCube.OVER_LIMIT, b))) {
                long judgedOver = publishedOr(py, "undecided_" + ParticipantCube.OVER_LIMIT, b, over);
                long judgedEligible = publishedOr(py, "undecided_" + ParticipantCube.ELIGIBLE, b, awards - over);
                wilson[1] = wilson(Math.max(0, over - judgedOver), awards)[1];
                wilson[2] = wilson(Math.min(awards, over + judgedEligible), awards)[2];
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

    private static long publishedOr(ProgramYear py, String measure, String band, long widest) {
        Long count = py.mask.published(ProgramYear.leakKey(measure, band));
        return count == null ? widest : count;
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
