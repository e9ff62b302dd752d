package org.equitylake.jobs.geocode;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.equitylake.jobs.PipelineFixture;
import org.equitylake.jobs.silver.CleanJob;
import org.equitylake.spark.Lake;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Geocoding on the shared sample city, scored against its truth. */
class GeocodeJobTest {
    private static PipelineFixture city;
    private static Lake lake;
    private static Dataset<Row> scored;

    @BeforeAll
    static void geocode() {
        city = PipelineFixture.upTo("geocode");
        lake = city.lake();
        Dataset<Row> truth = lake.spark().read().option("header", "true").csv(city.truth.resolve("records.csv").toString())
                .select(col("program"), col("record_id"), col("household_id"), col("address_point_id").as("true_point"),
                        col("tract_geoid").as("true_tract"), col("is_matchable").equalTo("true").as("is_matchable"), col("mess_kinds"));
        Dataset<Row> households = lake.spark().read().option("header", "true").csv(city.truth.resolve("households.csv").toString())
                .select(col("household_id"), col("council_district").as("true_district"));
        Dataset<Row> points = lake.read(GeocodeJob.ADDRESS_POINTS).select("address_id", "longitude", "latitude");
        Dataset<Row> records = lake.read(CleanJob.RECORDS).select("program", "record_id", "normalized_address");
        Dataset<Row> geocodes = lake.read(GeocodeJob.POINTS_RESTRICTED).select("normalized_address", "address_id", "address_key",
                "match_method", "unmatched_reason");
        Dataset<Row> analytic = lake.read(GeocodeJob.GEOCODES).select("address_key", "tract_geoid", "council_district");
        scored = records.join(truth, new String[] {"program", "record_id"})
                .join(households, "household_id")
                .join(geocodes, records.col("normalized_address").eqNullSafe(geocodes.col("normalized_address")), "left")
                .join(analytic, "address_key", "left")
                .join(points.toDF("address_id", "lon", "lat"), "address_id", "left")
                .join(points.toDF("true_point", "true_lon", "true_lat"), "true_point", "left")
                .withColumn("is_matched", col("address_id").isNotNull())
                // Units of a building share its point: the building is the most an address without its unit can tell.
                .withColumn("is_correct", col("address_id").equalTo(col("true_point"))
                        .or(col("lon").equalTo(col("true_lon")).and(col("lat").equalTo(col("true_lat")))))
                .cache();
    }

    @Test
    void atLeast97PercentOfMatchableAddressesMatchAnd995PercentOfMatchesAreRight() {
        Row r = scored.selectExpr(
                "count_if(is_matchable) AS matchable",
                "count_if(is_matchable AND is_matched) AS matched_matchable",
                "count_if(is_matched) AS matched",
                "count_if(is_matched AND coalesce(is_correct, false)) AS correct").first();
        double matchRate = (double) r.getLong(1) / r.getLong(0);
        double precision = (double) r.getLong(3) / r.getLong(2);
        System.out.printf("geocoding: %.4f of %d matchable records matched; %.4f of %d matches on the true point%n",
                matchRate, r.getLong(0), precision, r.getLong(2));
        scored.withColumn("mess", org.apache.spark.sql.functions.explode(org.apache.spark.sql.functions.split(
                        org.apache.spark.sql.functions.coalesce(col("mess_kinds"), org.apache.spark.sql.functions.lit("")), ";")))
                .groupBy("mess").agg(org.apache.spark.sql.functions.expr("count(*) AS records"),
                        org.apache.spark.sql.functions.expr("round(count_if(is_matchable AND is_matched) / count_if(is_matchable), 4) AS match_rate"),
                        org.apache.spark.sql.functions.expr("round(count_if(is_matched AND is_correct) / count_if(is_matched), 4) AS precision"))
                .orderBy("mess").show(40, false);
        assertTrue(matchRate >= 0.97, "match rate " + matchRate);
        assertTrue(precision >= 0.995, "precision " + precision);
    }

    @Test
    void tractAndDistrictAgreeWithTheTruthForEveryCorrectMatch() {
        Dataset<Row> correct = scored.filter(col("is_correct"));
        assertTrue(correct.count() > 1000);
        assertEquals(0, correct.filter(col("tract_geoid").isNull().or(col("tract_geoid").notEqual(col("true_tract")))).count(),
                "tract disagrees");
        assertEquals(0, correct.filter(col("council_district").isNull().or(col("council_district").notEqual(col("true_district")))).count(),
                "district disagrees");
    }

    @Test
    void unmatchedRecordsSayWhy() {
        List<Row> reasons = scored.filter(col("is_matched").equalTo(false).and(col("address_key").isNotNull()))
                .groupBy("unmatched_reason").count().collectAsList();
        assertTrue(reasons.stream().noneMatch(r -> r.isNullAt(0)), "every miss has a reason: " + reasons);
        assertTrue(reasons.stream().anyMatch(r -> "po_box".equals(r.getString(0))), reasons.toString());
        // The sample city's outside households write the city's own mailing name, so they miss as no_such_address.
        assertTrue(reasons.stream().anyMatch(r -> "no_such_address".equals(r.getString(0))), reasons.toString());
    }

    @Test
    void theNearestSiteAgreesWithABruteForceSearch() {
        List<Row> sites = lake.read(GeocodeJob.SITES).collectAsList();
        List<Row> sample = lake.read(GeocodeJob.SITE_ACCESS)
                .join(lake.read(GeocodeJob.POINTS_RESTRICTED).select("address_key", "longitude", "latitude"), "address_key")
                .orderBy("address_key", "program", "year").limit(300).collectAsList();
        assertEquals(300, sample.size());
        // Every located address has a row for every program-year with an open site: none left out.
        Dataset<Row> access = lake.read(GeocodeJob.SITE_ACCESS);
        long located = lake.read(GeocodeJob.POINTS_RESTRICTED).filter(col("address_id").isNotNull()).count();
        assertEquals(located * access.select("program", "year").distinct().count(), access.count());
        assertEquals(located, access.select("address_key").distinct().count());
        for (Row a : sample) {
            String program = a.getString(a.fieldIndex("program"));
            int year = a.getInt(a.fieldIndex("year"));
            double best = Double.MAX_VALUE;
            String bestSite = null;
            int withinMile = 0;
            for (Row s : sites) {
                boolean open = s.getList(s.fieldIndex("programs")).contains(program)
                        && s.getInt(s.fieldIndex("opened_year")) <= year
                        && (s.isNullAt(s.fieldIndex("closed_year")) || year < s.getInt(s.fieldIndex("closed_year")));
                if (!open) {
                    continue;
                }
                double d = Geodesic.metres(a.getDouble(a.fieldIndex("latitude")), a.getDouble(a.fieldIndex("longitude")),
                        s.getDouble(s.fieldIndex("latitude")), s.getDouble(s.fieldIndex("longitude")));
                if (d < best) {
                    best = d;
                    bestSite = s.getString(s.fieldIndex("site_code"));
                }
                withinMile += d <= SiteAccess.ONE_MILE_METRES ? 1 : 0;
            }
            double got = a.getDouble(a.fieldIndex("nearest_site_distance_m"));
            assertEquals(best, got, best * 0.005 + 1, "distance for " + a);
            assertEquals(bestSite, a.getString(a.fieldIndex("nearest_site_code")), "site for " + a);
            assertEquals(withinMile, a.getInt(a.fieldIndex("sites_within_1_mile")), "sites within a mile for " + a);
        }
    }
}
