package org.equitylake.bench;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.expr;

import java.io.IOException;
import java.nio.file.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The Spark + Sedona side: CSV in with explicit schemas, geometry built with Sedona and cached (the
 * load); each operation written as Parquet (the result), so it is materialized like PostGIS's
 * CREATE TABLE AS. Sedona's planner turns the joins into a broadcast index join (point in tract)
 * and a broadcast KNN join (nearest site).
 */
final class SparkSpatial {
    private final SparkSession spark;
    private final Path results;
    private Dataset<Row> points;
    private Dataset<Row> addresses;
    private Dataset<Row> tracts;
    private Dataset<Row> sites;

    SparkSpatial(SparkSession spark, Path results) {
        this.spark = spark;
        this.results = results.toAbsolutePath();
    }

    /** Reads and caches the workload's four files; returns the seconds it took. */
    double load(SpatialWorkload w) {
        unload();
        long started = System.nanoTime();
        points = csv(w.pointsCsv(), new StructType().add("point_id", DataTypes.LongType).add("longitude", DataTypes.DoubleType)
                .add("latitude", DataTypes.DoubleType).add("address_key", DataTypes.StringType))
                .select(col("point_id"), col("address_key"), expr("ST_Point(longitude, latitude)").as("geom")).cache();
        addresses = csv(w.addressesCsv(), new StructType().add("address_id", DataTypes.LongType)
                .add("address_key", DataTypes.StringType)).cache();
        tracts = csv(w.tractsCsv(), new StructType().add("geoid", DataTypes.StringType).add("wkt", DataTypes.StringType))
                .select(col("geoid"), expr("ST_GeomFromWKT(wkt)").as("geom")).cache();
        sites = csv(w.sitesCsv(), new StructType().add("site_code", DataTypes.StringType).add("longitude", DataTypes.DoubleType)
                .add("latitude", DataTypes.DoubleType))
                .select(col("site_code"), expr("ST_Point(longitude, latitude)").as("geom")).cache();
        for (Dataset<Row> d : new Dataset[] {points, addresses, tracts, sites}) {
            d.count();
        }
        return seconds(started);
    }

    /** Runs one operation and writes its result; returns the seconds it took. */
    double run(SpatialOperation op) {
        long started = System.nanoTime();
        result(op).write().mode(SaveMode.Overwrite).parquet(resultPath(op).toString());
        return seconds(started);
    }

    Dataset<Row> result(SpatialOperation op) {
        return switch (op) {
            case ADDRESS_MATCH -> addresses.join(points, "address_key").select("address_id", "point_id");
            case POINT_IN_TRACT -> points.as("p").join(broadcast(tracts.as("t")), expr("ST_Contains(t.geom, p.geom)"))
                    .select("p.point_id", "t.geoid");
            // Query side first and on the left; use_spheroid so the ranking is in metres, not degrees.
            case NEAREST_SITE -> points.as("p").join(sites.as("s"), expr("ST_KNN(p.geom, s.geom, 1, true)"))
                    .select(col("p.point_id"), col("s.site_code"), expr("ST_DistanceSpheroid(p.geom, s.geom)").as("distance_m"));
        };
    }

    /** The result written by {@link #run}, read back. */
    Dataset<Row> written(SpatialOperation op) {
        return spark.read().parquet(resultPath(op).toString());
    }

    Path resultPath(SpatialOperation op) {
        return results.resolve(op.label);
    }

    void unload() {
        for (Dataset<Row> d : new Dataset[] {points, addresses, tracts, sites}) {
            if (d != null) {
                d.unpersist(true);
            }
        }
    }

    void deleteResults() throws IOException {
        Bench.Common.delete(results);
    }

    private Dataset<Row> csv(Path file, StructType schema) {
        return spark.read().option("header", "true").option("mode", "FAILFAST").schema(schema).csv(file.toAbsolutePath().toString());
    }

    private static double seconds(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e9;
    }
}
