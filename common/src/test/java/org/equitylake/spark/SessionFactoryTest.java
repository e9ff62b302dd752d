package org.equitylake.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.equitylake.testing.SparkTestSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SessionFactoryTest {
    @TempDir
    Path dir;

    @Test
    void oneSessionMergesIntoDeltaAndRunsSedona() {
        SparkSession spark = SparkTestSession.get();
        Lake lake = new Lake(spark, dir.toString());
        TableId table = new TableId("silver", "people");

        lake.overwrite(spark.sql("SELECT * FROM VALUES (1, 'a'), (2, 'b') AS t(id, name)"), table, List.of());
        lake.merge(spark.sql("SELECT * FROM VALUES (2, 'B'), (3, 'c') AS t(id, name)"), table, List.of("id"), List.of());
        // A re-run of the same upsert leaves the table as it was: no commit at all.
        long version = lake.version(table);
        long changed = lake.merge(spark.sql("SELECT * FROM VALUES (2, 'B'), (3, 'c') AS t(id, name)"), table, List.of("id"), List.of());

        SparkTestSession.assertSameRows(
                SparkTestSession.nullable(spark.sql("SELECT * FROM VALUES (1, 'a'), (2, 'B'), (3, 'c') AS t(id, name)")),
                lake.read(table).select("id", "name"));
        assertEquals(0, changed);
        assertEquals(version, lake.version(table), "the repeated MERGE committed nothing");

        Dataset<Row> distance = spark.sql(
                "SELECT ST_DistanceSphere(ST_Point(-121.8863, 37.3382), ST_Point(-121.8863, 37.3482)) AS metres");
        double metres = distance.first().getDouble(0);
        assertEquals(1112, metres, 5, "0.01 degree of latitude is about 1.1 km");
    }

    @Test
    void sedonaIsRegisteredOnceAndKryoUsesItsRegistrator() {
        SparkSession spark = SparkTestSession.get();
        assertEquals("org.apache.sedona.core.serde.SedonaKryoRegistrator", spark.conf().get("spark.kryo.registrator"));
        long stContains = spark.sql("SHOW FUNCTIONS LIKE 'st_contains'").count();
        assertEquals(1, stContains);
    }
}
