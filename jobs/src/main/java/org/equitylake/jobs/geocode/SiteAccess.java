package org.equitylake.jobs.geocode;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Distance from each located address to the nearest site open that year and hosting the program,
 * in metres on the WGS84 spheroid (Sedona's ST_DistanceSpheroid), and the sites within one mile.
 * Sites are few, so every point meets every site in a broadcast join.
 */
public final class SiteAccess {
    /** The international mile, the radius the city's access standard uses. */
    public static final double ONE_MILE_METRES = 1609.344;

    private SiteAccess() {}

    /**
     * points: address_key, longitude, latitude; sites: site_code, programs, opened_year, closed_year,
     * longitude, latitude; programYears: program, year. A site is open in year y when
     * opened_year ≤ y and (closed_year is null or y < closed_year).
     */
    public static Dataset<Row> nearest(Dataset<Row> points, Dataset<Row> sites, Dataset<Row> programYears) {
        Dataset<Row> open = sites.crossJoin(programYears)
                .filter(expr("array_contains(programs, program) AND opened_year <= year AND (closed_year IS NULL OR year < closed_year)"))
                .select(col("site_code"), col("program"), col("year"),
                        col("longitude").as("_site_lon"), col("latitude").as("_site_lat"));
        Dataset<Row> distances = points.select(col("address_key"), expr("ST_Point(longitude, latitude)").as("_point"))
                .join(broadcast(open), expr("true"))
                .withColumn("distance_m", expr("ST_DistanceSpheroid(_point, ST_Point(_site_lon, _site_lat))"));
        return distances.groupBy("address_key", "program", "year")
                .agg(expr("min_by(site_code, struct(distance_m, site_code))").as("nearest_site_code"),
                        min("distance_m").as("nearest_site_distance_m"),
                        sum(when(col("distance_m").leq(ONE_MILE_METRES), 1).otherwise(0)).cast("int").as("sites_within_1_mile"));
    }

    /** Every (program, year) from the program's first year to the last year asked for. */
    public static Dataset<Row> programYears(SparkSession spark, List<String> programs, List<Integer> firstYears, int lastYear) {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < programs.size(); i++) {
            for (int y = firstYears.get(i); y <= lastYear; y++) {
                rows.add(RowFactory.create(programs.get(i), y));
            }
        }
        return spark.createDataFrame(rows, new StructType().add("program", DataTypes.StringType).add("year", DataTypes.IntegerType));
    }
}
