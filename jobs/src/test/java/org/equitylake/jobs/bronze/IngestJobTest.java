package org.equitylake.jobs.bronze;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.equitylake.jobs.PipelineFixture;
import org.equitylake.ops.JobRuns;
import org.equitylake.spark.Lake;
import org.equitylake.spark.TableId;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** Bronze on a small generated city: exactly once, duplicates, rejections, quarantine, geometry. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class IngestJobTest {
    @TempDir
    static Path dir;
    private PipelineFixture city;
    private Lake lake;

    @BeforeAll
    void ingestOnce() {
        city = PipelineFixture.fresh(dir, 0.1);
        city.run(new IngestJob(false));
        lake = city.lake();
    }

    private List<TableId> bronzeTables() throws IOException {
        try (var s = Files.list(Path.of(lake.root(), "bronze"))) {
            return s.map(p -> new TableId("bronze", p.getFileName().toString())).sorted(java.util.Comparator.comparing(TableId::toString)).toList();
        }
    }

    private Map<TableId, Long> versions() throws IOException {
        Map<TableId, Long> out = new HashMap<>();
        for (TableId t : bronzeTables()) {
            out.put(t, lake.version(t));
        }
        return out;
    }

    @Test
    @Order(1)
    void aSecondRunWritesNothing() throws IOException {
        Map<TableId, Long> before = versions();
        city.run(new IngestJob(false));
        assertEquals(before, versions(), "no bronze table got a new commit");
        Row last = lake.read(JobRuns.TABLE).orderBy(col("started_at").desc()).first();
        assertEquals("succeeded", last.getString(last.fieldIndex("status")));
    }

    @Test
    @Order(2)
    void everyRecordOfEveryFileIsAppendedOrQuarantinedAndCountsReconcile() throws IOException {
        Map<String, long[]> truthByFile = new HashMap<>();
        for (String line : Files.readAllLines(city.truth.resolve("files.csv")).subList(1, Files.readAllLines(city.truth.resolve("files.csv")).size())) {
            String[] f = line.split(",", -1);
            truthByFile.put(f[0], new long[] {Long.parseLong(f[5]), Long.parseLong(f[6])});
        }
        List<Row> files = lake.read(FileRegistry.INGESTED_FILES).filter("status = 'ingested' AND export_date IS NOT NULL").collectAsList();
        assertTrue(files.size() > 50, "program exports were ingested: " + files.size());
        for (Row f : files) {
            long in = f.getLong(f.fieldIndex("rows_in"));
            long appended = f.getLong(f.fieldIndex("rows_appended"));
            long quarantined = f.getLong(f.fieldIndex("rows_quarantined"));
            assertEquals(in, appended + quarantined, f.getString(f.fieldIndex("relative_path")));
            long[] truth = truthByFile.get(f.getString(f.fieldIndex("relative_path")));
            String file = f.getString(f.fieldIndex("relative_path"));
            assertEquals(truth[0] - truth[1], appended, "readable records of " + file);
            // A record broken across two lines is two unreadable fragments.
            assertTrue(quarantined >= truth[1] && quarantined <= 2 * truth[1], "malformed rows of " + file + ": " + quarantined);
        }
        long quarantineRows = lake.read(IngestJob.QUARANTINE).count();
        long registryQuarantined = files.stream().mapToLong(f -> f.getLong(f.fieldIndex("rows_quarantined"))).sum();
        assertEquals(registryQuarantined, quarantineRows);
        assertTrue(quarantineRows > 0, "the sample city plants malformed rows");
        Row q = lake.read(IngestJob.QUARANTINE).first();
        assertTrue(!q.getString(q.fieldIndex("raw_line")).isEmpty() && q.getString(q.fieldIndex("reason")) != null);
    }

    @Test
    @Order(3)
    void theUnknownHeaderIsRejectedWithItsReason() {
        List<Row> rejected = lake.read(FileRegistry.REJECTED_FILES).collectAsList();
        assertEquals(1, rejected.size(), "exactly the planted file");
        String reason = rejected.get(0).getString(rejected.get(0).fieldIndex("reason"));
        assertTrue(reason.contains("Registration Number") || reason.contains("Caseworker"), reason);
    }

    @Test
    @Order(5)
    void aRenamedCopyIsSkippedAsADuplicate() throws IOException {
        Path export = Files.list(city.landing.resolve("childcare/registrations")).sorted().filter(p -> p.toFile().length() > 0).findFirst().orElseThrow();
        Path copy = export.resolveSibling("2015-12-31_registrations.csv");
        Files.copy(export, copy);
        Map<TableId, Long> before = versions();
        city.run(new IngestJob(false));
        assertEquals(before, versions());
        Row entry = lake.read(FileRegistry.INGESTED_FILES).filter(col("relative_path").endsWith("2015-12-31_registrations.csv")).first();
        assertEquals("duplicate", entry.getString(entry.fieldIndex("status")));
        assertTrue(entry.getString(entry.fieldIndex("reason")).endsWith(export.getFileName().toString()));
    }

    @Test
    @Order(6)
    void aRunThatLostItsRegistryAfterWritingDoesNotAppendAgain() throws IOException {
        long rowsBefore = lake.read(new TableId("bronze", "childcare_registrations_v1")).count();
        // As if the run had crashed after its bronze appends but before recording the files.
        PipelineFixture.deleteRecursively(Path.of(lake.path(FileRegistry.INGESTED_FILES)));
        city.run(new IngestJob(false));
        assertEquals(rowsBefore, lake.read(new TableId("bronze", "childcare_registrations_v1")).count());
    }

    @Test
    @Order(4)
    void theShapefileAndTheGeoJsonHoldEqualTracts() {
        var spark = lake.spark();
        lake.read(new TableId("bronze", "census_tracts")).createOrReplaceTempView("tracts_geojson");
        lake.read(new TableId("bronze", "census_tracts_shapefile")).createOrReplaceTempView("tracts_shp");
        Row r = spark.sql("SELECT count(*) AS n, sum(CASE WHEN ST_Equals(ST_GeomFromWKB(g.geometry_wkb), ST_GeomFromWKB(s.geometry_wkb)) THEN 1 ELSE 0 END) AS equal,"
                + " (SELECT count(*) FROM tracts_geojson) AS total FROM tracts_geojson g JOIN tracts_shp s ON g.geoid = s.geoid").first();
        assertTrue(r.getLong(0) > 100, "tracts joined on GEOID: " + r.getLong(0));
        assertEquals(r.getLong(2), r.getLong(0), "every tract is in both");
        assertEquals(r.getLong(0), r.getLong(1), "every geometry is equal");
        Row srid = spark.sql("SELECT min(srid), max(srid) FROM tracts_shp").first();
        assertEquals(4326, srid.getInt(0));
        assertEquals(4326, srid.getInt(1));
    }
}
