package org.equitylake.jobs.geocode;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.struct;

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
 * Sites are few: each point measures all of them in one row, sorted by distance, and each
 * program-year keeps the nearest open one.
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
        // Each point measures every site once and the program-years only filter that list: measuring again for
        // every program-year, and shuffling a row per open site to group them back, grew with sites × years.
        Dataset<Row> allSites = sites.agg(collect_list(struct(col("site_code"), col("programs"), col("opened_year"),
                col("closed_year"), col("longitude"), col("latitude"))).as("_sites"));
        Dataset<Row> byDistance = points.select(col("address_key"), expr("ST_Point(longitude, latitude)").as("_point"))
                .crossJoin(broadcast(allSites))
                .select(col("address_key"), expr("array_sort(transform(_sites, s -> named_struct("
                        + "'distance_m', ST_DistanceSpheroid(_point, ST_Point(s.longitude, s.latitude)), 'site_code', s.site_code, "
                        + "'programs', s.programs, 'opened_year', s.opened_year, 'closed_year', s.closed_year)))").as("_by_distance"));
        return byDistance.crossJoin(broadcast(programYears))
                .withColumn("_open", expr("filter(_by_distance, s -> array_contains(s.programs, program) AND s.opened_year <= year"
                        + " AND (s.closed_year IS NULL OR year < s.closed_year))"))
                .filter(expr("size(_open) > 0"))
                .select(col("address_key"), col("program"), col("year"),
                        expr("_open[0].site_code").as("nearest_site_code"),
                        expr("_open[0].distance_m").as("nearest_site_distance_m"),
                        expr("size(filter(_open, s -> s.distance_m <= " + ONE_MILE_METRES + "))").as("sites_within_1_mile"));
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
