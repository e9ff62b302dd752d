package org.equitylake.jobs.gold;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.max;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.equitylake.spark.Lake;

/** The headline lines run-all prints, read back from gold.scorecard and gold.unmet_need. */
final class Summary {
    private Summary() {}

    static List<String> lines(Lake lake) {
        List<String> lines = new ArrayList<>();
        if (!lake.exists(Gold.SCORECARD)) {
            lines.add("no gold.scorecard yet: run indicators");
            return lines;
        }
        Dataset<Row> scorecard = lake.read(Gold.SCORECARD);
        Dataset<Row> latestYear = scorecard.groupBy("program").agg(max("year").as("_latest"));
        List<Row> latest = scorecard.join(latestYear, scorecard.col("program").equalTo(latestYear.col("program"))
                        .and(scorecard.col("year").equalTo(latestYear.col("_latest"))))
                .drop(latestYear.col("program")).orderBy("program").collectAsList();
        for (Row r : latest) {
            String program = r.getAs("program");
            int year = r.<Integer>getAs("year");
            lines.add(String.format(Locale.ROOT, "%s %d%s: served %s of %s eligible households: reach %s",
                    program, year, Boolean.TRUE.equals(r.getAs("is_partial_year")) ? " (to date)" : "",
                    count(r.getAs("served")), estimate(r.getAs("eligible_estimate"), r.getAs("eligible_moe90")),
                    interval(r.getAs("reach"), r.getAs("reach_lower95"), r.getAs("reach_upper95"))));
            lines.add(String.format(Locale.ROOT, "  awards over the income limit %s; within 1 mile of a site: participants %s, all eligible %s",
                    interval(r.getAs("over_limit_share"), r.getAs("over_limit_share_lower95"), r.getAs("over_limit_share_upper95")),
                    percent(r.getAs("share_within_1_mile")), percent(r.getAs("eligible_share_within_1_mile"))));
            if (lake.exists(Gold.UNMET_NEED)) {
                List<String> top = new ArrayList<>();
                for (Row t : lake.read(Gold.UNMET_NEED).filter(col("program").equalTo(program).and(col("year").equalTo(year)))
                        .orderBy(col("unmet_rank"), col("tract_geoid")).limit(3).collectAsList()) {
                    Double unmet = t.getAs("unmet_estimate");
                    top.add(t.<String>getAs("tract_geoid") + (unmet == null
                            ? String.format(Locale.ROOT, " (%,.0f eligible, served not published)", t.<Double>getAs("eligible_estimate"))
                            : String.format(Locale.ROOT, " (%,.0f unserved)", unmet)));
                }
                lines.add("  most unmet need: " + String.join(", ", top));
            }
        }
        return lines;
    }

    private static String count(Long n) {
        return n == null ? "(suppressed)" : String.format(Locale.ROOT, "%,d", n);
    }

    private static String estimate(Double value, Double moe) {
        return value == null ? "?" : String.format(Locale.ROOT, "%,.0f (±%,.0f)", value, moe == null ? 0 : moe);
    }

    private static String percent(Double share) {
        // Null here is a suppressed cell (too few households to publish), not a missing computation.
        return share == null ? "not published" : String.format(Locale.ROOT, "%.1f %%", 100 * share);
    }

    private static String interval(Double value, Double lower, Double upper) {
        if (value == null) {
            return "n/a";
        }
        return String.format(Locale.ROOT, "%.1f %% (95 %% CI %.1f-%.1f)", 100 * value, 100 * lower, 100 * upper);
    }
}
