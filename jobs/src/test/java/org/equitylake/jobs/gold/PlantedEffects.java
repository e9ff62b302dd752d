package org.equitylake.jobs.gold;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.equitylake.spark.Lake;

/**
 * The sample city's planted effects (docs/SAMPLE_CITY.md, "Planted effects"), read back from the
 * gold tables and checked against the generator's truth. Shared by the end-to-end test (the real
 * pipeline) and the truth-fed test (a perfect pipeline), each printing what it measured.
 */
final class PlantedEffects {
    static final String CHILDCARE = "childcare";

    final Lake lake;
    final Path truth;
    final JsonNode parameters;
    /** program|year to {eligible in city, awarded, over-limit awarded}, summed over tracts. */
    final Map<String, double[]> truthByYear = new TreeMap<>();
    final Set<String> lowAwareness = new HashSet<>();

    PlantedEffects(Lake lake, Path truth) {
        this.lake = lake;
        this.truth = truth;
        try {
            parameters = new ObjectMapper().readTree(truth.resolve("parameters.json").toFile());
            List<String> lines = Files.readAllLines(truth.resolve("tract_year_eligible.csv"));
            List<String> header = List.of(lines.get(0).split(","));
            for (String line : lines.subList(1, lines.size())) {
                String[] v = line.split(",", -1);
                double[] sums = truthByYear.computeIfAbsent(v[header.indexOf("program")] + "|" + v[header.indexOf("year")], k -> new double[3]);
                sums[0] += Double.parseDouble(v[header.indexOf("eligible_households_in_city")]);
                sums[1] += Double.parseDouble(v[header.indexOf("awarded_households")]);
                sums[2] += Double.parseDouble(v[header.indexOf("over_limit_awarded_households")]);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        parameters.path("derived").path("lowAwarenessTracts").forEach(t -> lowAwareness.add(t.asText()));
    }

    private static void report(String line) {
        System.out.println("[planted effects] " + line);
    }

    private List<Row> rows(org.equitylake.spark.TableId table, String program) {
        return lake.read(table).filter(col("program").equalTo(program)).orderBy("year").collectAsList();
    }

    /** The city's eligible estimate against the truth's eligible households in the city; returns the ratios. */
    List<Double> eligibleEstimateRatios(String program) {
        List<Double> ratios = new ArrayList<>();
        for (Row r : rows(Gold.SCORECARD, program)) {
            double[] truth = truthByYear.get(program + "|" + r.getAs("year"));
            double ratio = r.<Double>getAs("eligible_estimate") / truth[0];
            ratios.add(ratio);
            report(String.format(Locale.ROOT, "%s %d eligible estimate %.0f ± %.0f vs truth %.0f: ratio %.3f", program,
                    r.<Integer>getAs("year"), r.<Double>getAs("eligible_estimate"), r.<Double>getAs("eligible_moe90"), truth[0], ratio));
        }
        return ratios;
    }

    void eligibleEstimatesTrackTheTruth(double tolerance) {
        for (String program : List.of(CHILDCARE, "housing_grant")) {
            List<Double> ratios = eligibleEstimateRatios(program);
            double mean = ratios.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
            assertTrue(Math.abs(mean - 1) < tolerance, program + ": mean ratio of eligible estimate to truth " + mean);
        }
    }

    /**
     * Fitted decay length of childcare enrolment. The generator plants distanceDecayKm in each
     * household's apply probability, but the decay the data show is not exactly that: awareness and
     * the tract-income effect vary across the city with distance to sites, and the apply probability
     * is capped at 0.95. So each year's interval must hold the decay as the truth realized it (the
     * same fit on the truth's eligible households, their awards and their distances to the open
     * sites), in at least 8 years of 10; and against the planted value: enrolment falls with distance
     * every year and the median year is within a quarter of it.
     */
    void distanceDecay() {
        double planted = parameters.path("parameters").path("distanceDecayKm").asDouble();
        Map<Integer, Double> realized = truthDecayKm();
        int covered = 0;
        int coveredPlanted = 0;
        List<Double> lambdas = new ArrayList<>();
        for (Row r : rows(Gold.DISTANCE_DECAY, CHILDCARE)) {
            int year = r.<Integer>getAs("year");
            Double lambda = r.getAs("lambda_km");
            Double lower = r.getAs("lambda_lower95_km");
            Double upper = r.getAs("lambda_upper95_km");
            double truthLambda = realized.get(year);
            report(String.format(Locale.ROOT, "childcare %d decay length %.2f km [%.2f, %s], truth's %.2f km, planted %.1f km, significant %s",
                    year, lambda, lower, upper == null ? "inf" : String.format(Locale.ROOT, "%.2f", upper), truthLambda, planted,
                    r.getAs("is_decay_significant")));
            assertTrue((Boolean) r.getAs("is_decay_significant"), "enrolment falls with distance every year");
            assertTrue(lambda != null, "a decay length every year");
            lambdas.add(lambda);
            covered += lower <= truthLambda && (upper == null || truthLambda <= upper) ? 1 : 0;
            coveredPlanted += lower <= planted && (upper == null || planted <= upper) ? 1 : 0;
        }
        lambdas.sort(null);
        double median = (lambdas.get((lambdas.size() - 1) / 2) + lambdas.get(lambdas.size() / 2)) / 2;
        report(String.format(Locale.ROOT, "median decay length %.2f km (planted %.1f); inside the yearly 95 %% interval: the truth's in %d, the planted in %d of %d years",
                median, planted, covered, coveredPlanted, lambdas.size()));
        assertTrue(Math.abs(median / planted - 1) < 0.25, "median decay length " + median);
        assertTrue(covered >= lambdas.size() * 0.8, "the truth's decay inside the interval in " + covered + " of " + lambdas.size() + " years");
    }

    /** Per year, the decay length (km) that the same fit gives on the truth: eligible in-city childcare households and their awards. */
    private Map<Integer, Double> truthDecayKm() {
        try {
            List<Map<String, String>> sites = csv(truth.getParent().resolve("landing/reference/program_sites.csv"));
            List<Map<String, String>> households = csv(truth.resolve("households.csv"));
            Set<String> awarded = truthAwardedChildcare();
            Map<Integer, Double> out = new TreeMap<>();
            for (int year = parameters.path("firstYear").asInt(); year <= parameters.path("lastYear").asInt(); year++) {
                List<double[]> open = new ArrayList<>();
                for (Map<String, String> site : sites) {
                    int opened = Integer.parseInt(site.get("opened_year"));
                    String closed = site.get("closed_year");
                    if (site.get("programs").contains(CHILDCARE) && opened <= year && (closed.isEmpty() || year < Integer.parseInt(closed))) {
                        open.add(new double[] {Double.parseDouble(site.get("longitude")), Double.parseDouble(site.get("latitude"))});
                    }
                }
                int bins = ParticipantCube.DECAY_BINS + 1;
                double[] eligible = new double[bins];
                double[] distance = new double[bins];
                long[] enrolled = new long[bins];
                for (Map<String, String> h : households) {
                    if (!h.get("is_in_city").equals("true") || !List.of(h.get("childcare_eligible_years").split(";")).contains(Integer.toString(year))) {
                        continue;
                    }
                    double lon = Double.parseDouble(h.get("longitude"));
                    double lat = Double.parseDouble(h.get("latitude"));
                    double nearest = open.stream().mapToDouble(site -> haversineMetres(lon, lat, site[0], site[1])).min().orElseThrow();
                    int bin = (int) Math.min(ParticipantCube.DECAY_BINS, Math.floor(nearest / ParticipantCube.DECAY_BIN_M));
                    eligible[bin]++;
                    distance[bin] += nearest;
                    enrolled[bin] += awarded.contains(year + "|" + h.get("household_id")) ? 1 : 0;
                }
                List<org.equitylake.indicators.DistanceDecay.Band> bands = new ArrayList<>();
                for (int k = 0; k < bins; k++) {
                    if (eligible[k] > 0) {
                        bands.add(new org.equitylake.indicators.DistanceDecay.Band(distance[k] / eligible[k], eligible[k], enrolled[k]));
                    }
                }
                out.put(year, org.equitylake.indicators.DistanceDecay.fit(bands).lambdaMetres() / 1000);
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** "year|household_id" of every eligible in-city childcare household awarded that year, from the truth. */
    private Set<String> truthAwardedChildcare() throws IOException {
        Set<String> awarded = new HashSet<>();
        for (Map<String, String> r : csv(truth.resolve("records.csv"))) {
            if (r.get("program").equals(CHILDCARE) && r.get("is_awarded").equals("true") && r.get("is_eligible").equals("true")
                    && r.get("is_in_city").equals("true")) {
                awarded.add(r.get("year") + "|" + r.get("household_id"));
            }
        }
        return awarded;
    }

    private static double haversineMetres(double lon1, double lat1, double lon2, double lat2) {
        double dLat = Math.toRadians(lat2 - lat1);
        double dLon = Math.toRadians(lon2 - lon1);
        double a = Math.pow(Math.sin(dLat / 2), 2)
                + Math.cos(Math.toRadians(lat1)) * Math.cos(Math.toRadians(lat2)) * Math.pow(Math.sin(dLon / 2), 2);
        return 2 * 6_371_008.8 * Math.asin(Math.sqrt(a));
    }

    /**
     * Larger households enrol at a lower rate than households of 1-2 (planted: 0.85 per member above
     * two): the rate ratio of 5+ against 1-2 is below 1 and significant, and its mean over the years
     * within a quarter of the truth's (eligible awarded ÷ eligible households with children, by size,
     * in the city; without B19019 it was 0.6 of it). How often the yearly interval holds the truth is
     * reported, not required: the eligible denominators by size rest on B19019's city-wide income
     * ratios, which top-coding pulls down a little for large households, so the ratio is still low
     * (measured: 4 to 6 years of 10).
     */
    void smallHouseholdBias() {
        Map<Integer, Double> truthRatio = truthSizeRatios();
        int significant = 0;
        int years = 0;
        int covered = 0;
        double estimatedSum = 0;
        double truthSum = 0;
        for (Row r : lake.read(Gold.DISPARITIES).filter(col("program").equalTo(CHILDCARE)
                .and(col("dimension").equalTo(Groups.HOUSEHOLD_SIZE)).and(col("group_name").equalTo("5+"))).orderBy("year").collectAsList()) {
            Double rr = r.getAs("rate_ratio");
            report(String.format(Locale.ROOT, "childcare %d rate ratio 5+ vs 1-2 people %s [%s, %s] (%s); truth %.3f",
                    r.<Integer>getAs("year"), rr, r.getAs("rr_lower95"), r.getAs("rr_upper95"), r.getAs("test_name"),
                    truthRatio.getOrDefault(r.<Integer>getAs("year"), Double.NaN)));
            years++;
            assertTrue(rr != null && rr < 1, "larger households enrol less");
            if ((Boolean) r.getAs("is_significant") && r.<Double>getAs("rr_upper95") < 1) {
                significant++;
            }
            double truth = truthRatio.get(r.<Integer>getAs("year"));
            covered += r.<Double>getAs("rr_lower95") <= truth && truth <= r.<Double>getAs("rr_upper95") ? 1 : 0;
            estimatedSum += rr;
            truthSum += truth;
        }
        report(String.format(Locale.ROOT, "mean rate ratio 5+ vs 1-2 people %.3f, truth %.3f; truth inside the yearly 95 %% interval in %d of %d years",
                estimatedSum / years, truthSum / years, covered, years));
        assertTrue(significant >= years * 0.8, "significant in " + significant + " of " + years + " years");
        assertTrue(covered >= years * 0.8, "truth inside the yearly interval in " + covered + " of " + years + " years");
        assertEquals(1, estimatedSum / truthSum, 0.25, "mean rate ratio against the truth's");
    }

    /** The truth's rate ratio of 5+ against 1-2 people among eligible childcare households in the city, per year. */
    private Map<Integer, Double> truthSizeRatios() {
        Map<Integer, Double> out = new TreeMap<>();
        try {
            List<Map<String, String>> households = csv(truth.resolve("households.csv"));
            Set<String> awarded = truthAwardedChildcare();
            for (int year = parameters.path("firstYear").asInt(); year <= parameters.path("lastYear").asInt(); year++) {
                double[] eligible = new double[2];
                double[] served = new double[2];
                for (Map<String, String> h : households) {
                    int size = Integer.parseInt(h.get("size"));
                    if (!h.get("is_in_city").equals("true") || Integer.parseInt(h.get("children")) == 0
                            || !List.of(h.get("childcare_eligible_years").split(";")).contains(Integer.toString(year))
                            || (size > 2 && size < 5)) {
                        continue;
                    }
                    int g = size <= 2 ? 0 : 1;
                    eligible[g]++;
                    served[g] += awarded.contains(year + "|" + h.get("household_id")) ? 1 : 0;
                }
                out.put(year, (served[1] / eligible[1]) / (served[0] / eligible[0]));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** A CSV with a header, fields quoted as RFC 4180 allows. */
    static List<Map<String, String>> csv(Path file) throws IOException {
        List<Map<String, String>> rows = new ArrayList<>();
        List<String> header = null;
        for (String line : Files.readAllLines(file)) {
            List<String> fields = new ArrayList<>();
            StringBuilder f = new StringBuilder();
            boolean quoted = false;
            for (int i = 0; i < line.length(); i++) {
                char c = line.charAt(i);
                if (quoted && c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    f.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = !quoted;
                } else if (c == ',' && !quoted) {
                    fields.add(f.toString());
                    f.setLength(0);
                } else {
                    f.append(c);
                }
            }
            fields.add(f.toString());
            if (header == null) {
                header = fields;
            } else {
                Map<String, String> row = new java.util.HashMap<>();
                for (int i = 0; i < header.size(); i++) {
                    row.put(header.get(i), i < fields.size() ? fields.get(i) : "");
                }
                rows.add(row);
            }
        }
        return rows;
    }

    /** The over-limit share of awards against the truth's. */
    void leakageShare() {
        for (String program : List.of(CHILDCARE, "housing_grant")) {
            int inside = 0;
            int years = 0;
            for (Row r : rows(Gold.SCORECARD, program)) {
                double[] truth = truthByYear.get(program + "|" + r.getAs("year"));
                double share = truth[2] / truth[1];
                Double lower = r.getAs("over_limit_share_lower95");
                Double upper = r.getAs("over_limit_share_upper95");
                report(String.format(Locale.ROOT, "%s %d over-limit share of awards %s [%s, %s], truth %.3f", program,
                        r.<Integer>getAs("year"), r.getAs("over_limit_share"), lower, upper, share));
                years++;
                if (lower != null && lower <= share && share <= upper) {
                    inside++;
                }
            }
            assertTrue(inside >= years * 0.8, program + ": truth inside the interval in " + inside + " of " + years + " years");
        }
    }

    /** Lower-income families in higher-income tracts enrol at a higher rate than in lower-income tracts. */
    void neighbourhoodMismatch() {
        int higher = 0;
        int years = 0;
        for (Row r : lake.read(Gold.NEIGHBOURHOOD_MISMATCH).filter(col("program").equalTo(CHILDCARE)
                .and(col("household_income_band").equalTo(Groups.ALL_ELIGIBLE)).and(col("tract_income_band").equalTo("high")))
                .orderBy("year").collectAsList()) {
            Double ratio = r.getAs("rate_ratio_vs_low");
            report(String.format(Locale.ROOT, "childcare %d eligible enrolment rate in high- vs low-income tracts: ratio %s",
                    r.<Integer>getAs("year"), ratio));
            years++;
            if (ratio != null && ratio > 1) {
                higher++;
            }
        }
        assertTrue(higher >= years * 0.8, "higher in " + higher + " of " + years + " years");
    }

    /** The low-awareness tracts rank among the lowest reach. */
    void lowTakeUpTracts() {
        for (Row y : lake.read(Gold.UNMET_NEED).filter(col("program").equalTo(CHILDCARE)).select("year").distinct().orderBy("year").collectAsList()) {
            int year = y.getInt(0);
            List<Row> tracts = lake.read(Gold.UNMET_NEED).filter(col("program").equalTo(CHILDCARE).and(col("year").equalTo(year))).collectAsList();
            List<Double> percentiles = new ArrayList<>();
            for (Row t : tracts) {
                if (lowAwareness.contains(t.<String>getAs("tract_geoid"))) {
                    percentiles.add((t.<Integer>getAs("reach_rank") - 1.0) / tracts.size());
                }
            }
            percentiles.sort(null);
            double median = percentiles.get(percentiles.size() / 2);
            report(String.format(Locale.ROOT, "childcare %d low-awareness tracts: median reach-rank percentile %.2f (0 = lowest reach)",
                    year, median));
            assertTrue(median < 0.25, "low-awareness tracts are among the lowest reach: " + percentiles);
        }
    }
}
