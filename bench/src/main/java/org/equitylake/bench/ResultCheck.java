package org.equitylake.bench;

import static org.apache.spark.sql.functions.abs;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.not;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Do both engines give every point the same answer? Not measured; run on the first run's results.
 * <ul>
 *   <li>address match and point in tract: the two sets of pairs must be equal (a point on a boundary
 *       shared by two tracts is in neither under ST_Contains, in both engines);</li>
 *   <li>nearest site: the same site with distances within {@link #SAME_SITE_METRES}; or a tie: another
 *       site whose distance is within {@link #TIE_SHARE} of it (PostGIS's KNN ranks on the sphere,
 *       Sedona's on its own metric, so near-equidistant sites may swap); anything else is a mismatch.</li>
 * </ul>
 */
final class ResultCheck {
    /** Both engines compute WGS84 geodesics; they agree far below a centimetre. */
    static final double SAME_SITE_METRES = 0.01;
    /**
     * The sphere and the WGS84 spheroid differ in scale between north-south and east-west by about
     * 0.43 % at latitude 37° (meridional vs prime-vertical radius of curvature), so two sites closer
     * than that in distance can rank differently.
     */
    static final double TIE_SHARE = 0.005;

    private final SparkSession spark;

    ResultCheck(SparkSession spark) {
        this.spark = spark;
    }

    Map<String, Object> compare(SpatialOperation op, Dataset<Row> sparkResult, Path postgisCsv) {
        Dataset<Row> pg = spark.read().option("header", "true").option("mode", "FAILFAST").schema(schema(op))
                .csv(postgisCsv.toAbsolutePath().toString()).cache();
        Dataset<Row> sp = sparkResult.cache();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("rows_spark", sp.count());
        m.put("rows_postgis", pg.count());
        if (op == SpatialOperation.NEAREST_SITE) {
            nearest(sp, pg, m);
        } else {
            Dataset<Row> s = sp.select(pg.columns()[0], pg.columns()[1]);
            long onlySpark = s.exceptAll(pg).count();
            long onlyPostgis = pg.exceptAll(s).count();
            m.put("only_spark", onlySpark);
            m.put("only_postgis", onlyPostgis);
            m.put("mismatches", onlySpark + onlyPostgis);
        }
        sp.unpersist();
        pg.unpersist();
        return m;
    }

    private static void nearest(Dataset<Row> sp, Dataset<Row> pg, Map<String, Object> m) {
        m.put("points_with_several_rows", duplicates(sp) + duplicates(pg));
        Dataset<Row> j = sp.select(col("point_id"), col("site_code").as("s_site"), col("distance_m").as("s_m"))
                .join(pg.select(col("point_id"), col("site_code").as("p_site"), col("distance_m").as("p_m")), "point_id", "full_outer")
                .cache();
        Column missing = col("s_site").isNull().or(col("p_site").isNull());
        Column diff = abs(col("s_m").minus(col("p_m")));
        Column same = col("s_site").equalTo(col("p_site"));
        Column tieBound = greatest(lit(SAME_SITE_METRES), greatest(col("s_m"), col("p_m")).multiply(TIE_SHARE));
        long missingRows = j.filter(missing).count();
        long sameSiteFar = j.filter(not(missing).and(same).and(diff.gt(SAME_SITE_METRES))).count();
        long ties = j.filter(not(missing).and(not(same)).and(diff.leq(tieBound))).count();
        long otherSite = j.filter(not(missing).and(not(same)).and(diff.gt(tieBound))).count();
        Row largest = j.filter(not(missing).and(same)).agg(max(diff)).first();
        m.put("missing_on_one_side", missingRows);
        m.put("same_site_distance_differs", sameSiteFar);
        m.put("different_site", otherSite);
        m.put("ties", ties);
        m.put("max_same_site_distance_difference_m", largest.isNullAt(0) ? 0.0 : largest.getDouble(0));
        m.put("mismatches", missingRows + sameSiteFar + otherSite);
        j.unpersist();
    }

    private static long duplicates(Dataset<Row> result) {
        return result.groupBy("point_id").count().filter(col("count").gt(1)).count();
    }

    private static StructType schema(SpatialOperation op) {
        return switch (op) {
            case ADDRESS_MATCH -> new StructType().add("address_id", DataTypes.LongType).add("point_id", DataTypes.LongType);
            case POINT_IN_TRACT -> new StructType().add("point_id", DataTypes.LongType).add("geoid", DataTypes.StringType);
            case NEAREST_SITE -> new StructType().add("point_id", DataTypes.LongType).add("site_code", DataTypes.StringType)
                    .add("distance_m", DataTypes.DoubleType);
        };
    }
}
