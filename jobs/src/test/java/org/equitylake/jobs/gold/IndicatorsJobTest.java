package org.equitylake.jobs.gold;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructField;
import org.equitylake.config.Settings;
import org.equitylake.contracts.Contract;
import org.equitylake.contracts.Contracts;
import org.equitylake.indicators.CountTable;
import org.equitylake.indicators.Suppression;
import org.equitylake.jobs.JobContext;
import org.equitylake.jobs.JobRunner;
import org.equitylake.spark.Lake;
import org.equitylake.spark.TableId;
import org.equitylake.testing.RunLog;
import org.equitylake.testing.SparkTestSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The indicators job on a small lake: contracts, idempotence, privacy, and the numbers it is built from. */
class IndicatorsJobTest {
    private static final LocalDate AS_OF = LocalDate.of(2024, 12, 31);
    private static final List<TableId> ALL_GOLD = allGold();

    @TempDir
    static Path dir;
    static Settings settings;
    static Lake lake;
    static Map<String, List<String>> firstRun;

    private static List<TableId> allGold() {
        List<TableId> all = new ArrayList<>(Gold.PROGRAM_TABLES);
        all.add(Gold.TRACT_EQUITY_INDEX);
        return all;
    }

    @BeforeAll
    static void runOnce() {
        SparkSession spark = SparkTestSession.get();
        settings = SparkTestSession.settings(dir.resolve("lake").toString());
        lake = new Lake(spark, settings.lakeRoot());
        GoldLakeFixture.write(lake);
        run(AS_OF);
        firstRun = snapshot();
    }

    private static void run(LocalDate asOf) {
        new JobRunner(settings, SparkTestSession.get(), asOf, Optional.empty()).run(new IndicatorsJob());
    }

    /** Every gold table's rows as sorted text. */
    private static Map<String, List<String>> snapshot() {
        Map<String, List<String>> out = new TreeMap<>();
        for (TableId t : ALL_GOLD) {
            List<String> rows = new ArrayList<>(lake.read(t).collectAsList().stream().map(Row::toString).toList());
            rows.sort(null);
            out.put(t.toString(), rows);
        }
        return out;
    }

    private static Dataset<Row> gold(TableId t, int year) {
        return lake.read(t).filter(col("program").equalTo(GoldLakeFixture.PROGRAM).and(col("year").equalTo(year)));
    }

    @Test
    void everyGoldTableHasItsContractsColumnsAndComments() {
        for (TableId t : ALL_GOLD) {
            Contract contract = Contracts.bundled().forTable(t.toString());
            Dataset<Row> table = lake.read(t);
            assertEquals(contract.columnNames(), List.of(table.columns()), t + " columns");
            for (StructField f : table.schema().fields()) {
                assertEquals(contract.sparkSchema().apply(f.name()).dataType(), f.dataType(), t + "." + f.name());
            }
            long version = lake.version(t);
            assertEquals(0, lake.describe(t, contract.description(), contract.columnDescriptions()),
                    t + " carries the contract's comments, so describing it again changes none");
            assertEquals(version, lake.version(t), t + ": an unchanged description commits nothing");
            assertFalse(table.isEmpty(), t + " has rows");
        }
        Contract acs = Contracts.bundled().forTable(Gold.ACS_ESTIMATES.toString());
        assertEquals(0, lake.describe(Gold.ACS_ESTIMATES, acs.description(), acs.columnDescriptions()));
    }

    @Test
    void aSecondRunAndABackfillLeaveTheTablesAsTheyWere() {
        Map<TableId, String> stamps = new java.util.HashMap<>();
        ALL_GOLD.forEach(t -> stamps.put(t, lake.stamp(t)));
        run(AS_OF);
        assertEquals("skipped", RunLog.latestStatus(lake, "indicators"),
                "nothing it reads changed");
        ALL_GOLD.forEach(t -> assertEquals(stamps.get(t), lake.stamp(t), t + " not written again"));

        // Forced, it computes everything again; the tables it writes whole hold those rows already and get no commit.
        String acsStamp = lake.stamp(Gold.ACS_ESTIMATES);
        new JobRunner(settings, SparkTestSession.get(), AS_OF, Optional.empty(), true).run(new IndicatorsJob());
        assertEquals("succeeded", RunLog.latestStatus(lake, "indicators"));
        assertEquals(stamps.get(Gold.TRACT_EQUITY_INDEX), lake.stamp(Gold.TRACT_EQUITY_INDEX), "the same equity index: no new commit");
        assertEquals(acsStamp, lake.stamp(Gold.ACS_ESTIMATES), "no new ACS release, the same build: not rebuilt");
        assertEquals(firstRun, snapshot(), "a forced re-run gives the same tables");

        // The backfill recomputes every year up to 2023 with replaceWhere, as a forced re-run of 2024 would.

        run(LocalDate.of(2023, 12, 31));
        Map<String, List<String>> afterBackfill = snapshot();
        for (TableId t : Gold.PROGRAM_TABLES) {
            List<String> y2024 = lake.read(t).filter(col("year").equalTo(2024)).collectAsList().stream().map(Row::toString).sorted().toList();
            List<String> before = firstRunRows(t, 2024);
            assertEquals(before, y2024, t + ": a run as of 2023 leaves 2024 alone");
        }
        assertEquals(firstRun.get(Gold.REACH.toString()), afterBackfill.get(Gold.REACH.toString()),
                "reach of 2023 is recomputed to the same values");
    }

    private static List<String> firstRunRows(TableId t, int year) {
        return firstRun.get(t.toString()).stream().filter(r -> r.startsWith("[" + GoldLakeFixture.PROGRAM + "," + year + ","))
                .sorted().toList();
    }

    @Test
    void noGoldTableHoldsRestrictedOrHouseholdLevelColumns() {
        for (TableId t : ALL_GOLD) {
            Contract contract = Contracts.bundled().forTable(t.toString());
            assertTrue(contract.properties().stream().noneMatch(Contract.Property::isRestricted), t + " has a restricted column");
            for (String c : lake.read(t).columns()) {
                assertFalse(c.endsWith("_key") || c.equals("record_id") || c.equals("address_id") || c.contains("household_id"),
                        t + "." + c + " identifies a household");
            }
        }
        // And no row is a household: no value of any household or address key of the fixture appears in gold.
        for (TableId t : ALL_GOLD) {
            for (String row : firstRun.get(t.toString())) {
                assertFalse(row.matches(".*\\bA\\d{5}\\b.*") || row.matches(".*\\bH\\d+\\b.*"), t + " row " + row);
            }
        }
    }

    @Test
    void theContractsQualityRulesHold() throws IOException {
        YAMLMapper yaml = new YAMLMapper();
        for (TableId t : ALL_GOLD) {
            try (InputStream in = IndicatorsJobTest.class.getClassLoader().getResourceAsStream("data-contracts/gold/" + t.name() + ".yaml")) {
                JsonNode doc = yaml.readTree(in);
                for (JsonNode rule : doc.path("schema").get(0).path("quality")) {
                    if (rule.path("type").asText().equals("sql")) {
                        String query = rule.path("query").asText().replace("${object}", "delta.`" + lake.path(t) + "`");
                        long found = lake.spark().sql(query).first().getLong(0);
                        assertEquals(rule.path("mustBe").asLong(), found, t + ": " + rule.path("name").asText());
                    }
                }
            }
        }
    }

    @Test
    void reachIsWhatTheFixtureServedAndHidesTheSmallTract() {
        List<Row> reach = gold(Gold.REACH, 2024).collectAsList();
        Row city = reach.stream().filter(r -> r.getAs("geography_level").equals("city")).findFirst().orElseThrow();
        assertEquals(148L, (Long) city.getAs("served"), "eligible awards placed in the city");
        Row small = reach.stream().filter(r -> SyntheticCity.TRACTS.get(1).equals(r.getAs("geography_id"))).findFirst().orElseThrow();
        assertNull(small.getAs("served"));
        assertTrue((Boolean) small.getAs("is_suppressed"));

        // A reader holding the published tract, district and city rows cannot work back any hidden one.
        long[] leaves = new long[SyntheticCity.TRACTS.size()];
        int[] parent = new int[leaves.length];
        boolean[] mask = new boolean[leaves.length + 3];
        for (int i = 0; i < leaves.length; i++) {
            leaves[i] = GoldLakeFixture.servedIn(i);
            parent[i] = i < 3 ? 0 : 1;
            String id = SyntheticCity.TRACTS.get(i);
            mask[i] = reach.stream().filter(r -> id.equals(r.getAs("geography_id"))).findFirst().orElseThrow().getAs("is_suppressed");
        }
        for (int d = 0; d < 2; d++) {
            String id = Integer.toString(d + 1);
            mask[leaves.length + d] = reach.stream().filter(r -> r.getAs("geography_level").equals("district") && id.equals(r.getAs("geography_id")))
                    .findFirst().orElseThrow().getAs("is_suppressed");
        }
        mask[leaves.length + 2] = city.getAs("is_suppressed");
        CountTable table = CountTable.hierarchy(leaves, parent, 2);
        assertEquals(List.of(), Suppression.recoverable(table, mask));
    }

    @Test
    void leakageAndQualityCountWhatTheFixtureHolds() {
        Row all = gold(Gold.INCOME_LEAKAGE, 2024).filter(col("tract_income_band").equalTo("all")).first();
        assertEquals(148L + 27, (Long) all.getAs("awards"));
        assertEquals(27L, (Long) all.getAs("awards_over_limit"));
        assertEquals(27.0 / 175, (Double) all.getAs("over_limit_share"), 1e-12);
        assertEquals(175 * 4500.0, (Double) all.getAs("dollars_awarded"), 1e-6);

        Row quality = gold(Gold.QUALITY, 2024).first();
        long households = 148 + 27 + 4 * 6 + 2 + 7;
        assertEquals(households, (Long) quality.getAs("households"));
        assertEquals((households - 7.0) / households, (Double) quality.getAs("geocode_match_rate"), 1e-12);
        assertEquals(2L, (Long) quality.getAs("quarantined_records"));
        assertEquals(0L, (Long) gold(Gold.QUALITY, 2023).first().getAs("quarantined_records"));
        assertEquals(1L, (Long) gold(Gold.QUALITY, 2023).first().getAs("unreadable_rows"));
        assertEquals(0, (Integer) quality.getAs("days_since_latest_export"));
        assertEquals(2024, (Integer) quality.getAs("acs_year"));
    }

    @Test
    void acsEstimatesAreTypedWithoutTheLabelRow() {
        Dataset<Row> acs = lake.read(Gold.ACS_ESTIMATES);
        assertEquals(0, acs.filter(col("geoid").rlike("[^0-9]")).count());
        Row coded = acs.filter(col("year").equalTo(2023).and(col("table_id").equalTo("B19013"))
                .and(col("geoid").equalTo(SyntheticCity.TRACTS.get(5)))).first();
        assertEquals(250_000.0, (Double) coded.getAs("estimate"));
        assertNull(coded.getAs("moe"));
        assertEquals("top_coded", coded.getAs("annotation"));
        // B19001, B11016, B11005, B11001, C16002, B19013 and B19019 (the fixture gives the latter only its all-households line).
        assertEquals(2L * 6 * (17 + 16 + 3 + 6 + 14 + 1 + 1), acs.count());
    }

    @Test
    void theSummaryNamesTheLatestYear() {
        JobContext ctx = new JobContext(settings, lake.spark(), lake, Contracts.bundled(),
                new org.equitylake.ops.RunReport("r", "indicators", AS_OF), AS_OF, Optional.empty());
        List<String> lines = IndicatorsJob.summary(ctx);
        assertTrue(lines.get(0).startsWith("childcare 2024: served 148 of"), lines.get(0));
        assertTrue(lines.stream().anyMatch(l -> l.contains("most unmet need: " + SyntheticCity.TRACTS.get(2))), String.join("\n", lines));
    }
}
