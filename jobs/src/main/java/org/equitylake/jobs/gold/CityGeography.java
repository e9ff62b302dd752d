package org.equitylake.jobs.gold;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;

/**
 * The city as the gold layer sees it: the tracts with households inside the city (each with its
 * council district, internal point, in-city address points and the share of its area inside the
 * city), the buildings of the address layer, and the program sites.
 */
public final class CityGeography {
    /** A tract of the indicator universe. */
    public record TractInfo(String geoid, String name, String district, Double lon, Double lat, long addressPoints,
                            double arealShare) implements Serializable {}

    /** Address points of the city sharing one location (a house, or a building's units). */
    public record Building(String tract, double lon, double lat, long points) implements Serializable {}

    /** A program site; open in year y when opened_year <= y and (no closed_year or y < closed_year). */
    public record Site(String code, String name, List<String> programs, Integer openedYear, Integer closedYear,
                       double lon, double lat) implements Serializable {
        public boolean serves(String program, int year) {
            return programs.contains(program) && (openedYear == null || openedYear <= year)
                    && (closedYear == null || year < closedYear);
        }
    }

    private CityGeography() {}

    /**
     * Tracts with at least one address point inside the city: district (the one most of its points
     * fall in; districts are unions of whole tracts; "none" when its points have none), internal
     * point, and in-city address points.
     *
     * @param arealShares geoid, areal_share; tracts missing from it count as wholly inside
     */
    public static Dataset<Row> tracts(Dataset<Row> addressPoints, Dataset<Row> censusTracts, Dataset<Row> arealShares) {
        Gold.requireColumns(addressPoints, "silver.address_points", "tract_geoid", "council_district", "is_in_city");
        Gold.requireColumns(censusTracts, "silver.census_tracts", "geoid", "name", "intpt_lon", "intpt_lat");
        Dataset<Row> inCity = addressPoints.filter(col("is_in_city").equalTo(true).and(col("tract_geoid").isNotNull()));
        var mostPoints = Window.partitionBy("tract_geoid").orderBy(col("n").desc(), col("council_district").asc_nulls_last());
        Dataset<Row> district = inCity.groupBy("tract_geoid", "council_district").agg(count(lit(1)).as("n"))
                .withColumn("_r", row_number().over(mostPoints)).filter(col("_r").equalTo(1))
                .select(col("tract_geoid"), col("council_district"));
        Dataset<Row> points = inCity.groupBy("tract_geoid").agg(count(lit(1)).as("address_points"));
        Dataset<Row> t = censusTracts.select(col("geoid"), col("name"), col("intpt_lon"), col("intpt_lat"));
        Dataset<Row> a = arealShares.select(col("geoid").as("_a_geoid"), col("areal_share"));
        return points.join(district, "tract_geoid")
                .join(t, points.col("tract_geoid").equalTo(t.col("geoid")), "left")
                .join(a, points.col("tract_geoid").equalTo(a.col("_a_geoid")), "left")
                .select(points.col("tract_geoid").as("geoid"), col("name"), col("council_district"),
                        col("intpt_lon"), col("intpt_lat"), col("address_points"),
                        org.apache.spark.sql.functions.coalesce(col("areal_share"), lit(1.0)).as("areal_share"));
    }

    /**
     * Share of each tract's area inside the city (Sedona): area(tract ∩ city) ÷ area(tract), the
     * city being the union of the given polygons (the city limits, or else the council districts,
     * which cover the city). Planar areas on longitude/latitude: only the ratio is used, and it
     * does not depend on the units over a tract's extent.
     */
    public static Dataset<Row> arealShares(Dataset<Row> censusTracts, Dataset<Row> cityPolygons) {
        Dataset<Row> city = cityPolygons.select(expr("ST_MakeValid(ST_GeomFromWKB(geometry_wkb))").as("_g"))
                .agg(expr("ST_Union_Aggr(_g)").as("_city"));
        return censusTracts.select(col("geoid"), expr("ST_MakeValid(ST_GeomFromWKB(geometry_wkb))").as("_t"))
                .crossJoin(city)
                .select(col("geoid"), expr("CASE WHEN ST_Area(_t) > 0 THEN ST_Area(ST_Intersection(_t, _city)) / ST_Area(_t) END")
                        .as("areal_share"));
    }

    /** In-city address points grouped by location. */
    public static Dataset<Row> buildings(Dataset<Row> addressPoints) {
        Gold.requireColumns(addressPoints, "silver.address_points", "tract_geoid", "is_in_city", "longitude", "latitude");
        return addressPoints.filter(col("is_in_city").equalTo(true).and(col("tract_geoid").isNotNull())
                        .and(col("longitude").isNotNull()).and(col("latitude").isNotNull()))
                .groupBy("tract_geoid", "longitude", "latitude").agg(count(lit(1)).as("points"))
                .orderBy("tract_geoid", "longitude", "latitude");
    }

    public static Map<String, TractInfo> collectTracts(Dataset<Row> tracts) {
        Map<String, TractInfo> out = new TreeMap<>();
        for (Row r : tracts.collectAsList()) {
            String geoid = r.getString(r.fieldIndex("geoid"));
            String district = r.isNullAt(r.fieldIndex("council_district")) ? "none" : r.getString(r.fieldIndex("council_district"));
            out.put(geoid, new TractInfo(geoid, r.getString(r.fieldIndex("name")), district,
                    nullableDouble(r, "intpt_lon"), nullableDouble(r, "intpt_lat"), r.getLong(r.fieldIndex("address_points")),
                    Math.max(0, Math.min(1, r.getDouble(r.fieldIndex("areal_share"))))));
        }
        return out;
    }

    public static List<Building> collectBuildings(Dataset<Row> buildings) {
        List<Building> out = new ArrayList<>();
        for (Row r : buildings.collectAsList()) {
            out.add(new Building(r.getString(0), ((Number) r.get(1)).doubleValue(), ((Number) r.get(2)).doubleValue(),
                    r.getLong(3)));
        }
        return out;
    }

    public static List<Site> collectSites(Dataset<Row> programSites) {
        Gold.requireColumns(programSites, "silver.program_sites", "site_code", "site_name", "programs", "opened_year",
                "closed_year", "longitude", "latitude");
        List<Site> out = new ArrayList<>();
        for (Row r : programSites.orderBy("site_code").collectAsList()) {
            if (r.isNullAt(r.fieldIndex("longitude")) || r.isNullAt(r.fieldIndex("latitude"))) {
                continue;
            }
            List<String> programs = r.isNullAt(r.fieldIndex("programs")) ? List.of() : r.getList(r.fieldIndex("programs"));
            out.add(new Site(r.getString(r.fieldIndex("site_code")), r.getString(r.fieldIndex("site_name")), List.copyOf(programs),
                    nullableInt(r, "opened_year"), nullableInt(r, "closed_year"),
                    ((Number) r.get(r.fieldIndex("longitude"))).doubleValue(), ((Number) r.get(r.fieldIndex("latitude"))).doubleValue()));
        }
        return out;
    }

    private static Double nullableDouble(Row r, String column) {
        int i = r.fieldIndex(column);
        return r.isNullAt(i) ? null : ((Number) r.get(i)).doubleValue();
    }

    private static Integer nullableInt(Row r, String column) {
        int i = r.fieldIndex(column);
        return r.isNullAt(i) ? null : ((Number) r.get(i)).intValue();
    }
}
