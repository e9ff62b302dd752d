package org.equitylake.jobs.gold;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.sql.Date;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.equitylake.testing.SparkTestSession;
import org.junit.jupiter.api.Test;

class ParticipantCubeTest {
    @Test
    void awardedHouseholdsAreCountedByEveryKey() {
        SparkSession spark = SparkTestSession.get();
        Date d = Date.valueOf("2024-05-01");
        Dataset<Row> enrolments = spark.createDataFrame(List.of(
                RowFactory.create("p", 2024, "r1", "h1", d, "enrolled", true, 1000.0, 2, 1, 5_000.0, 5_000.0, 5_000.0, "reported", 20_000.0, true, "es", "latina?", "a1", 1L),
                RowFactory.create("p", 2024, "r2", "h2", d, "enrolled", true, 1500.0, 2, 1, 20_000.0, 15_000.0, 24_999.0, "bracket", 20_000.0, true, "es", "hispanic", "a2", 1L),
                RowFactory.create("p", 2024, "r3", "h3", d, "enrolled", true, 2000.0, 6, 3, 30_000.0, 25_000.0, 34_999.0, "bracket", 20_000.0, false, "vi", "nhpi", "a3", 1L),
                RowFactory.create("p", 2024, "r4", "h4", d, "waitlisted", false, null, 3, 1, 5_000.0, 5_000.0, 5_000.0, "reported", 20_000.0, true, "en", "white", "a4", 1L),
                RowFactory.create("p", 2024, "r5", "h5", d, "enrolled", true, null, null, 1, null, null, null, "missing", 20_000.0, null, null, null, "zz", 1L)),
                GoldLakeFixture.ENROLMENTS);
        Dataset<Row> geocodes = spark.createDataFrame(List.of(
                RowFactory.create("a1", "t1", true), RowFactory.create("a2", "t1", true), RowFactory.create("a3", "t2", false)),
                new StructType().add("address_key", "string").add("tract_geoid", "string").add("is_in_city", "boolean"));
        Dataset<Row> access = spark.createDataFrame(List.of(
                RowFactory.create("a1", "p", 2024, 300.0), RowFactory.create("a2", "p", 2024, 1000.0),
                RowFactory.create("a2", "p", 2023, 9000.0), RowFactory.create("a3", "p", 2024, 5000.0)),
                new StructType().add("address_key", "string").add("program", "string").add("year", "int")
                        .add("nearest_site_distance_m", "double"));

        List<ParticipantCube.Cell> cells = ParticipantCube.collect(
                ParticipantCube.of(enrolments, geocodes, access, Map.of("hispanic", "hispanic", "nhpi", "other_or_multiracial")));

        assertEquals(4, cells.stream().mapToLong(ParticipantCube.Cell::households).sum(), "awarded households only");
        ParticipantCube.Cell h1 = cells.stream().filter(c -> c.dollars() == 1000.0).findFirst().orElseThrow();
        assertEquals("t1", h1.tract());
        assertEquals(Groups.UNDER_50, h1.incomeBand());
        assertEquals("1-2", h1.sizeGroup());
        assertEquals("spanish", h1.languageGroup());
        assertEquals(Groups.NOT_REPORTED, h1.raceGroup(), "an unmapped code is not reported");
        assertEquals("under_0.5_mi", h1.distanceBand());
        assertEquals(0, h1.decayBin());
        assertEquals(1, h1.withinMile());
        ParticipantCube.Cell h2 = cells.stream().filter(c -> c.dollars() == 1500.0).findFirst().orElseThrow();
        assertEquals("hispanic", h2.raceGroup());
        assertEquals(1, h2.undecided(), "a bracket straddling the limit, judged by its midpoint");
        assertEquals(0, h1.undecided(), "a reported income decides");
        assertEquals("0.5_to_1_mi", h2.distanceBand(), "the program-year's distance, not another year's");
        ParticipantCube.Cell h3 = cells.stream().filter(c -> c.dollars() == 2000.0).findFirst().orElseThrow();
        assertEquals(ParticipantCube.OVER_LIMIT, h3.eligibility());
        assertEquals(0, h3.undecided(), "a bracket wholly over the limit decides");
        assertEquals(false, h3.isInCity());
        assertEquals("5+", h3.sizeGroup());
        assertEquals(12, h3.decayBin(), "5 km in 400 m bins");
        ParticipantCube.Cell h5 = cells.stream().filter(c -> c.dollars() == 0.0).findFirst().orElseThrow();
        assertNull(h5.tract());
        assertEquals(ParticipantCube.UNKNOWN, h5.eligibility());
        assertEquals(Groups.NOT_REPORTED, h5.distanceBand());
        assertNull(h5.decayBin());
    }
}
