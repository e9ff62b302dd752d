package org.equitylake.jobs.silver;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.equitylake.contracts.Contract;
import org.equitylake.contracts.Contracts;
import org.equitylake.jobs.PipelineFixture;
import org.equitylake.jobs.bronze.IngestJob;
import org.equitylake.jobs.geocode.GeocodeJob;
import org.equitylake.spark.Lake;
import org.equitylake.spark.TableId;
import org.junit.jupiter.api.Test;

/** Silver on the shared sample city, scored against its truth. */
class CleanJobTest {
    /** Columns that identify a person or a dwelling: they may live in silver_restricted only. */
    private static final Set<String> IDENTIFIERS = Set.of("record_id", "first_name", "last_name", "child_name",
            "child_birth_date", "child_birth_date_raw", "phone", "email", "street", "unit", "city", "zip",
            "normalized_address", "address_id", "longitude", "latitude", "geometry_wkb", "household_rep");

    /**
     * Places, not people: the city's published layers, and gold's candidate sites (public facilities
     * and tract internal points), which carry coordinates by design.
     */
    private static final Set<String> PUBLIC_REFERENCE = Set.of("silver.address_points", "silver.census_tracts",
            "silver.council_districts", "silver.city_limits", "silver.program_sites", "gold.siting_candidates");

    @Test
    void householdsAcrossYearsAreFoundWithPrecisionAndRecallOfAtLeast98Percent() {
        PipelineFixture city = PipelineFixture.upTo("clean");
        Lake lake = city.lake();
        Dataset<Row> truth = lake.spark().read().option("header", "true").csv(city.truth.resolve("records.csv").toString())
                .select(col("program"), col("record_id"), col("household_id"));
        Dataset<Row> predicted = lake.read(CleanJob.KEY_MAP).select("program", "record_id", "household_key");
        Dataset<Row> both = predicted.join(truth, new String[] {"program", "record_id"});
        assertEquals(predicted.count(), both.count(), "every silver record is in the truth");
        double truePairs = pairs(both, "household_id");
        double predictedPairs = pairs(both, "household_key");
        double agreeing = pairs(both.withColumn("both", org.apache.spark.sql.functions.concat_ws("|", col("household_key"), col("household_id"))), "both");
        double precision = agreeing / predictedPairs;
        double recall = agreeing / truePairs;
        System.out.printf("household identity: precision %.4f, recall %.4f (%d records)%n", precision, recall, both.count());
        assertTrue(precision >= 0.98, "precision " + precision);
        assertTrue(recall >= 0.98, "recall " + recall);
    }

    @Test
    void householdsAreTheSameWhetherTheDriverOrSparkJoinsTheMatches() {
        Lake lake = PipelineFixture.upTo("clean").lake();
        Dataset<Row> records = lake.read(CleanJob.RECORDS).filter(col("program").equalTo("childcare"));
        // The clean run joined this small city's matches on the driver.
        Dataset<Row> onDriver = lake.read(CleanJob.KEY_MAP).filter(col("program").equalTo("childcare"))
                .select("record_id", "household_rep");
        Dataset<Row> inSpark = HouseholdIdentity.withHouseholdRep(records, 0).select("record_id", "household_rep").cache();
        long households = inSpark.select("household_rep").distinct().count();
        assertTrue(households < inSpark.count() * 4 / 5, households + " households for " + inSpark.count() + " records");
        assertEquals(records.count(), inSpark.count());
        assertEquals(0, onDriver.exceptAll(inSpark).count());
        assertEquals(0, inSpark.exceptAll(onDriver).count());
        inSpark.unpersist();
    }

    /** Pairs of records that share the value: the sum over groups of n(n-1)/2. */
    private static double pairs(Dataset<Row> records, String column) {
        Row r = records.groupBy("program", column).count()
                .selectExpr("sum(count * (count - 1) / 2)").first();
        return r.isNullAt(0) ? 0 : ((Number) r.get(0)).doubleValue();
    }

    @Test
    void everyBronzeProgramRowIsInSilverOrQuarantined() {
        PipelineFixture city = PipelineFixture.upTo("clean");
        Lake lake = city.lake();
        long bronze = 0;
        for (String t : List.of("childcare_registrations_v1", "childcare_registrations_v2", "childcare_registrations_v3",
                "housing_grant_applications")) {
            bronze += lake.read(new TableId("bronze", t)).select("_content_hash", "_row_number").distinct().count();
        }
        long quarantined = lake.read(CleanJob.QUARANTINE).count();
        long records = lake.read(CleanJob.RECORDS).count();
        long reExported = lake.read(CleanJob.RECORDS).count() - lake.read(CleanJob.RECORDS).select("program", "record_id").distinct().count();
        assertEquals(0, reExported, "one row per record");
        // A record exported twice keeps its latest export: the difference is those earlier exports.
        long superseded = bronze - quarantined - records;
        assertTrue(superseded >= 0 && superseded <= bronze / 100, "rows unaccounted for: " + superseded);
        assertTrue(quarantined > 0, "the sample city plants impossible dates");
        Row reasons = lake.read(CleanJob.QUARANTINE).selectExpr("count_if(array_contains(quarantine_reasons, 'invalid_application_date'))").first();
        assertTrue(reasons.getLong(0) > 0);
    }

    @Test
    void noIdentifierLeavesSilverRestricted() throws IOException {
        PipelineFixture city = PipelineFixture.upTo("geocode");
        Lake lake = city.lake();
        List<String> leaks = new ArrayList<>();
        for (String schema : List.of("silver", "gold")) {
            Path dir = Path.of(lake.root(), schema);
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (var tables = Files.list(dir)) {
                for (Path t : tables.toList()) {
                    TableId id = new TableId(schema, t.getFileName().toString());
                    if (PUBLIC_REFERENCE.contains(id.toString()) || !lake.exists(id)) {
                        continue; // places, not people: the city's published layers
                    }
                    for (String c : lake.read(id).columns()) {
                        if (IDENTIFIERS.contains(c)) {
                            leaks.add(id + "." + c);
                        }
                    }
                }
            }
        }
        assertEquals(List.of(), leaks);
        for (Contract c : Contracts.bundled().all()) {
            boolean publicReference = c.custom("table").map(PUBLIC_REFERENCE::contains).orElse(false);
            if (!c.layer().equals("landing") && !c.layer().equals("silver_restricted") && !publicReference) {
                c.properties().forEach(p -> assertTrue(!p.isRestricted(), c.id() + "." + p.name() + " is restricted"));
            }
        }
    }

    /**
     * The shared city's lake is the one rebuild; a second lake over its landing zone gets two nights.
     * The second night adds site access for the new addresses and the years after 2021, not rebuilt.
     */
    @Test
    void nightlyRunsGiveTheSameSilverAsOneRebuild(@org.junit.jupiter.api.io.TempDir Path dir) {
        PipelineFixture rebuild = PipelineFixture.upTo("geocode");
        PipelineFixture nightly = new PipelineFixture(rebuild.root, dir.resolve("nightly-lake"));
        List<String> geocodeNotes = new ArrayList<>();
        for (String asOf : List.of("2021-03-31", PipelineFixture.AS_OF.toString())) {
            nightly.runAsOf(new IngestJob(false), asOf);
            nightly.runAsOf(new CleanJob(), asOf);
            geocodeNotes.addAll(nightly.runAsOf(new GeocodeJob(), asOf).notes());
        }
        assertTrue(geocodeNotes.stream().anyMatch(n -> n.contains("not rebuilt")), "the second night adds site access: " + geocodeNotes);
        for (TableId t : List.of(CleanJob.APPLICATIONS, CleanJob.ENROLMENTS, CleanJob.QUARANTINE, GeocodeJob.GEOCODES,
                GeocodeJob.POINTS_RESTRICTED, GeocodeJob.SITE_ACCESS)) {
            Dataset<Row> a = nightly.lake().read(t).drop("run_id");
            Dataset<Row> b = rebuild.lake().read(t).drop("run_id");
            assertTrue(b.count() > 0, t + " is empty");
            assertEquals(0, a.exceptAll(b).count(), t + ": rows only the nightly runs have");
            assertEquals(0, b.exceptAll(a).count(), t + ": rows only the rebuild has");
        }
    }
}
