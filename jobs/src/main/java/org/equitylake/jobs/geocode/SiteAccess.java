package org.equitylake.jobs.geocode;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.udf;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import scala.collection.Seq;

/**
 * Distance from each located address to the nearest site open that year and hosting the program,
 * in metres on the WGS84 spheroid (Sedona's ST_DistanceSpheroid), and the sites within one mile.
 * Sites are few: each point measures all of them once, in one row, and plain Java then picks each
 * program-year's nearest open site from those distances.
 */
public final class SiteAccess {
    /** The international mile, the radius the city's access standard uses. */
    public static final double ONE_MILE_METRES = 1609.344;
    private static final StructType ACCESS = new StructType()
            .add("program", DataTypes.StringType, false).add("year", DataTypes.IntegerType, false)
            .add("nearest_site_code", DataTypes.StringType, false).add("nearest_site_distance_m", DataTypes.DoubleType, false)
            .add("sites_within_1_mile", DataTypes.IntegerType, false);

    private SiteAccess() {}

    /**
     * points: address_key, longitude, latitude; sites: site_code, programs, opened_year, closed_year,
     * longitude, latitude; programYears: program, year. A site is open in year y when
     * opened_year ≤ y and (closed_year is null or y < closed_year).
     */
    public static Dataset<Row> nearest(Dataset<Row> points, Dataset<Row> sites, Dataset<Row> programYears) {
        List<Row> siteRows = sites.select("site_code", "programs", "opened_year", "closed_year", "longitude", "latitude")
                .orderBy("site_code").collectAsList();
        OpenSites open = new OpenSites(siteRows, programYears.orderBy("program", "year").collectAsList());
        // Choosing among the distances was Spark's higher-order functions on every program-year row, which are
        // interpreted: with 60 sites over 20 program-years that took 18 minutes of a city-wide run.
        UserDefinedFunction choose = udf((UDF1<Seq<Object>, List<Row>>) open::choose, DataTypes.createArrayType(ACCESS, false));
        Column[] distances = siteRows.stream()
                .map(s -> expr(String.format(Locale.ROOT, "ST_DistanceSpheroid(_point, ST_Point(CAST(%s AS DOUBLE), CAST(%s AS DOUBLE)))",
                        s.getAs("longitude").toString(), s.getAs("latitude").toString())))
                .toArray(Column[]::new);
        if (distances.length == 0) {
            StructType empty = new StructType().add("address_key", DataTypes.StringType);
            for (var field : ACCESS.fields()) {
                empty = empty.add(field);
            }
            return points.sparkSession().createDataFrame(List.of(), empty);
        }
        return points.select(col("address_key"), expr("ST_Point(longitude, latitude)").as("_point"))
                .select(col("address_key"), explode(choose.apply(array(distances))).as("_access"))
                .select(col("address_key"), col("_access.program"), col("_access.year"), col("_access.nearest_site_code"),
                        col("_access.nearest_site_distance_m"), col("_access.sites_within_1_mile"));
    }

    /** Which sites are open for each program-year, in site_code order, so the first of equal distances wins. */
    private static final class OpenSites implements Serializable {
        private final String[] codes;
        private final String[] programs;
        private final int[] years;
        private final boolean[][] open;

        OpenSites(List<Row> sites, List<Row> programYears) {
            codes = sites.stream().map(s -> s.<String>getAs("site_code")).toArray(String[]::new);
            programs = new String[programYears.size()];
            years = new int[programYears.size()];
            open = new boolean[programYears.size()][sites.size()];
            for (int p = 0; p < programYears.size(); p++) {
                programs[p] = programYears.get(p).getString(0);
                years[p] = programYears.get(p).getInt(1);
                for (int s = 0; s < sites.size(); s++) {
                    Row site = sites.get(s);
                    List<Object> hosted = site.getList(site.fieldIndex("programs"));
                    int opened = site.getInt(site.fieldIndex("opened_year"));
                    boolean closed = !site.isNullAt(site.fieldIndex("closed_year")) && years[p] >= site.getInt(site.fieldIndex("closed_year"));
                    open[p][s] = hosted.contains(programs[p]) && opened <= years[p] && !closed;
                }
            }
        }

        List<Row> choose(Seq<Object> distances) {
            List<Row> out = new ArrayList<>(programs.length);
            for (int p = 0; p < programs.length; p++) {
                int nearest = -1;
                double best = Double.POSITIVE_INFINITY;
                int withinMile = 0;
                for (int s = 0; s < codes.length; s++) {
                    Object d = distances.apply(s);
                    if (!open[p][s] || d == null) {
                        continue;
                    }
                    double metres = (Double) d;
                    if (nearest < 0 || metres < best) {
                        nearest = s;
                        best = metres;
                    }
                    withinMile += metres <= ONE_MILE_METRES ? 1 : 0;
                }
                if (nearest >= 0) {
                    out.add(RowFactory.create(programs[p], years[p], codes[nearest], best, withinMile));
                }
            }
            return out;
        }
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
