package org.equitylake.jobs.geocode;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.equitylake.jobs.silver.Standardize;

/**
 * Typed silver reference tables from the latest delivery of each bronze reference file. Every
 * spatial step is Sedona's: points are built with ST_Point and placed in tracts, districts and the
 * city with ST_Contains range joins.
 */
public final class ReferenceGeography {
    private ReferenceGeography() {}

    /** The rows of the most recently ingested file: a new delivery of a reference file replaces the old one. */
    public static Dataset<Row> latestDelivery(Dataset<Row> bronze) {
        Row newest = bronze.agg(max("_ingested_at")).first();
        return newest.isNullAt(0) ? bronze : bronze.filter(col("_ingested_at").equalTo(lit(newest.getTimestamp(0))));
    }

    public static Dataset<Row> tracts(Dataset<Row> bronze) {
        return latestDelivery(bronze).select(
                Standardize.text(col("geoid")).as("geoid"), Standardize.text(col("name")).as("name"),
                Standardize.text(col("namelsad")).as("name_long"),
                Standardize.amount(col("aland")).cast("bigint").as("aland"), Standardize.amount(col("awater")).cast("bigint").as("awater"),
                Standardize.amount(col("intptlon")).as("intpt_lon"), Standardize.amount(col("intptlat")).as("intpt_lat"),
                col("geometry_wkb"), col("srid"));
    }

    public static Dataset<Row> districts(Dataset<Row> bronze) {
        return latestDelivery(bronze).select(Standardize.text(col("district")).as("district"),
                Standardize.text(col("name")).as("name"), col("geometry_wkb"), col("srid"));
    }

    public static Dataset<Row> cityLimits(Dataset<Row> bronze) {
        return latestDelivery(bronze).select(Standardize.text(col("city_name")).as("city_name"),
                col("geometry_wkb"), col("srid"));
    }

    public static Dataset<Row> sites(Dataset<Row> bronze) {
        return latestDelivery(bronze).select(
                Standardize.text(col("site_code")).as("site_code"), Standardize.text(col("site_name")).as("site_name"),
                expr("transform(split(lower(programs), '\\\\s*;\\\\s*'), p -> trim(p))").as("programs"),
                Standardize.integer(col("opened_year")).as("opened_year"), Standardize.integer(col("closed_year")).as("closed_year"),
                Standardize.amount(col("longitude")).as("longitude"), Standardize.amount(col("latitude")).as("latitude"))
                .withColumn("geometry_wkb", expr("ST_AsBinary(ST_Point(longitude, latitude))"))
                .withColumn("srid", lit(4326));
    }

    /** Address points with their normalized keys, point, tract, council district and whether they lie in the city. */
    public static Dataset<Row> addressPoints(Dataset<Row> bronze, Dataset<Row> tracts, Dataset<Row> districts, Dataset<Row> cityLimits) {
        Dataset<Row> points = latestDelivery(bronze).select(
                        Standardize.text(col("address_id")).as("address_id"),
                        AddressParts.fromFields(col("house_number"), col("house_number_suffix"), col("predirectional"),
                                col("street_name"), col("street_type"), col("postdirectional"), col("unit_type"),
                                col("unit_number"), col("zip")).as("parts"),
                        Standardize.properCase(col("city")).as("city"),
                        Standardize.amount(col("longitude")).as("longitude"), Standardize.amount(col("latitude")).as("latitude"))
                .select(col("address_id"), col("parts.*"), col("city"), col("longitude"), col("latitude"))
                .withColumn("point", expr("ST_Point(longitude, latitude)"));
        return withAreas(points, tracts, districts, cityLimits)
                .withColumn("geometry_wkb", expr("ST_AsBinary(point)")).withColumn("srid", lit(4326)).drop("point");
    }

    /**
     * Adds tract_geoid, council_district and is_in_city to rows with an {@code address_id} and a
     * {@code point}. Districts are clipped to the city first: a point in a district's overhang is
     * outside the city. The spatial joins are inner joins, which Sedona plans as indexed range
     * joins; their results are joined back by id.
     */
    public static Dataset<Row> withAreas(Dataset<Row> points, Dataset<Row> tracts, Dataset<Row> districts, Dataset<Row> cityLimits) {
        Dataset<Row> t = tracts.select(col("geoid").as("tract_geoid"), expr("ST_GeomFromWKB(geometry_wkb)").as("_area"));
        Dataset<Row> city = cityLimits.select(expr("ST_GeomFromWKB(geometry_wkb)").as("_area"));
        // Clipped once and kept: the intersection of detailed polygons is costly to recompute per point.
        Dataset<Row> d = districts.select(col("district").as("council_district"), expr("ST_GeomFromWKB(geometry_wkb)").as("_district"))
                .crossJoin(city).select(col("council_district"), expr("ST_AsBinary(ST_Intersection(_district, _area))").as("_wkb"))
                .localCheckpoint()
                .select(col("council_district"), expr("ST_GeomFromWKB(_wkb)").as("_area"));
        Dataset<Row> ids = points.select("address_id", "point");
        Dataset<Row> inTract = ids.join(t, expr("ST_Contains(_area, point)")).select("address_id", "tract_geoid");
        Dataset<Row> inDistrict = ids.join(d, expr("ST_Contains(_area, point)")).select("address_id", "council_district");
        Dataset<Row> inCity = ids.join(city, expr("ST_Contains(_area, point)")).select(col("address_id"), lit(true).as("is_in_city"));
        return points
                .join(firstPerId(inTract, "tract_geoid"), "address_id", "left")
                .join(firstPerId(inDistrict, "council_district"), "address_id", "left")
                .join(inCity.dropDuplicates("address_id"), "address_id", "left")
                .withColumn("is_in_city", org.apache.spark.sql.functions.coalesce(col("is_in_city"), lit(false)));
    }

    /** A point on a shared boundary may touch two areas: the smaller id wins, so the answer is stable. */
    private static Dataset<Row> firstPerId(Dataset<Row> pairs, String value) {
        return pairs.groupBy("address_id").agg(org.apache.spark.sql.functions.min(value).as(value));
    }
}
