package org.equitylake.jobs.gold;

import static org.apache.spark.sql.functions.array_contains;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.lower;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.monotonically_increasing_id;
import static org.apache.spark.sql.functions.regexp_extract;
import static org.apache.spark.sql.functions.split;
import static org.apache.spark.sql.functions.to_json;
import static org.apache.spark.sql.functions.when;

import java.nio.file.Path;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.equitylake.jobs.bronze.BronzeColumns;
import org.equitylake.spark.Lake;
import org.equitylake.spark.TableId;

/**
 * The sample city's truth turned into the silver tables a perfect pipeline would produce (every
 * record read, every household resolved, every address placed), plus the ACS files as bronze. It
 * isolates the gold layer: whatever it gets wrong against the truth here is the gold layer's own
 * error (the estimation of eligible households from the ACS, the fits, the intervals).
 */
final class TruthFedLake {
    private TruthFedLake() {}

    static void build(Path landing, Path truth, Lake lake) {
        SparkSession spark = lake.spark();
        Timestamp now = Timestamp.valueOf("2026-01-01 00:00:00");
        for (String table : AcsEstimates.TABLES) {
            Dataset<Row> raw = spark.read().option("header", true).csv(landing.resolve("reference/acs") + "/ACSDT5Y*." + table + "-Data.csv");
            List<Column> renamed = new ArrayList<>();
            for (String c : raw.columns()) {
                renamed.add(col("`" + c + "`").as(BronzeColumns.of(c)));
            }
            Dataset<Row> bronze = raw.select(renamed.toArray(Column[]::new))
                    .withColumn("_file_year", regexp_extract(expr("input_file_name()"), "ACSDT5Y([0-9]{4})", 1).cast("int"))
                    .withColumn("_ingested_at", lit(now)).withColumn("_row_number", monotonically_increasing_id());
            lake.overwrite(bronze, new TableId("bronze", "acs_" + table.toLowerCase(java.util.Locale.ROOT)), List.of());
        }

        Dataset<Row> tracts = features(spark, landing.resolve("reference/census_tracts.geojson"))
                .select(col("properties.GEOID").as("geoid"), col("properties.NAME").as("name"),
                        col("properties.ALAND").cast("bigint").as("aland"), col("properties.AWATER").cast("bigint").as("awater"),
                        col("properties.INTPTLON").cast("double").as("intpt_lon"), col("properties.INTPTLAT").cast("double").as("intpt_lat"),
                        expr("ST_AsBinary(ST_GeomFromGeoJSON(geometry_json))").as("geometry_wkb"), lit(4326).as("srid"));
        lake.overwrite(tracts, Gold.CENSUS_TRACTS, List.of());
        lake.overwrite(features(spark, landing.resolve("reference/city_limits.geojson"))
                .select(col("properties.CITY_NAME").as("city_name"),
                        expr("ST_AsBinary(ST_GeomFromGeoJSON(geometry_json))").as("geometry_wkb"), lit(4326).as("srid")),
                Gold.CITY_LIMITS, List.of());

        Dataset<Row> households = spark.read().option("header", true).csv(truth.resolve("households.csv").toString());
        Dataset<Row> points = spark.read().option("header", true).csv(landing.resolve("reference/address_points.csv").toString())
                .select(col("address_id"), col("longitude").cast("double").as("longitude"), col("latitude").cast("double").as("latitude"));
        Dataset<Row> t = lake.read(Gold.CENSUS_TRACTS).select(col("geoid"), expr("ST_GeomFromWKB(geometry_wkb)").as("_g"));
        Dataset<Row> tractDistrict = households.filter(col("council_district").isNotNull())
                .groupBy("tract_geoid").agg(first("council_district").as("council_district"));
        Dataset<Row> placed = points.withColumn("_p", expr("ST_Point(longitude, latitude)"))
                .join(t, expr("ST_Contains(_g, _p)")).drop("_g", "_p")
                .join(tractDistrict, col("geoid").equalTo(tractDistrict.col("tract_geoid")), "left")
                .select(col("address_id"), col("longitude"), col("latitude"), col("geoid").as("tract_geoid"),
                        col("council_district"), lit(true).as("is_in_city"));
        lake.overwrite(placed, Gold.ADDRESS_POINTS, List.of());

        Dataset<Row> sites = spark.read().option("header", true).csv(landing.resolve("reference/program_sites.csv").toString())
                .select(col("site_code"), col("site_name"), split(lower(col("programs")), ";").as("programs"),
                        col("opened_year").cast("int").as("opened_year"), col("closed_year").cast("int").as("closed_year"),
                        col("longitude").cast("double").as("longitude"), col("latitude").cast("double").as("latitude"));
        lake.overwrite(sites, Gold.PROGRAM_SITES, List.of());
        Dataset<Row> limits = spark.read().option("header", true).csv(landing.resolve("reference/income_limits.csv").toString())
                .select(col("program"), col("year").cast("int").as("year"), col("household_size").cast("int").as("household_size"),
                        col("income_limit").cast("double").as("income_limit"));
        lake.overwrite(limits, Gold.INCOME_LIMITS, List.of());

        // One enrolment per program, year and household: awarded if any of its records was.
        Dataset<Row> records = spark.read().option("header", true).csv(truth.resolve("records.csv").toString())
                .filter(col("entity").notEqual("awards"));
        Dataset<Row> seasons = records.groupBy(col("program"), col("year").cast("int").as("program_year"), col("household_id"))
                .agg(max(col("is_awarded").equalTo("true")).as("is_awarded"), first("is_eligible").as("is_eligible"));
        Column income = null;
        for (int y = 2016; y <= 2025; y++) {
            Column c = when(col("program_year").equalTo(y), col("income_" + y).cast("double"));
            income = income == null ? c : coalesce(income, c);
        }
        Dataset<Row> h = households.select(col("household_id").as("_h"), col("size").cast("int").as("household_size"),
                col("children").cast("int").as("children_count"), col("race_ethnicity"), col("language"), col("tract_geoid"),
                col("council_district"), col("is_in_city"), col("longitude").cast("double").as("lon"), col("latitude").cast("double").as("lat"),
                col("income_2016"), col("income_2017"), col("income_2018"), col("income_2019"), col("income_2020"), col("income_2021"),
                col("income_2022"), col("income_2023"), col("income_2024"), col("income_2025"));
        Dataset<Row> l = limits.select(col("program").as("_lp"), col("year").as("_ly"), col("household_size").as("_ls"), col("income_limit"));
        Dataset<Row> enrolments = seasons.join(h, col("household_id").equalTo(col("_h")))
                .join(l, col("program").equalTo(col("_lp")).and(col("program_year").equalTo(col("_ly")))
                        .and(least(col("household_size"), lit(8)).equalTo(col("_ls"))))
                .select(col("program"), col("program_year"), concat(lit("R"), col("household_id")).as("record_key"),
                        col("household_id").as("household_key"), col("is_awarded"),
                        when(col("is_awarded"), when(col("program").equalTo("childcare"),
                                expr("3000 + 1500 * least(children_count, 3)")).otherwise(lit(3000))).cast("double").as("award_amount"),
                        col("household_size"), col("children_count"), income.as("income_annual"), income.as("income_low"),
                        income.as("income_high"), lit("reported").as("income_basis"), col("income_limit"),
                        col("is_eligible").equalTo("true").as("is_income_eligible"), col("language"),
                        lower(col("race_ethnicity")).as("race_ethnicity"), col("household_id").as("address_key"));
        lake.overwrite(enrolments, Gold.ENROLMENTS, List.of("program"));
        lake.overwrite(enrolments, Gold.APPLICATIONS, List.of("program"));

        lake.overwrite(households.select(col("household_id").as("address_key"), lit("truth").as("match_method"),
                lit(1.0).as("match_score"), lit("address_point").as("precision_level"), lit(null).cast("string").as("unmatched_reason"),
                when(col("is_in_city").equalTo("true"), col("tract_geoid")).as("tract_geoid"), col("council_district"),
                col("is_in_city").equalTo("true").as("is_in_city")), Gold.GEOCODES, List.of());

        Dataset<Row> who = enrolments.select(col("program").as("_p"), col("program_year").as("_y"), col("address_key").as("_k")).distinct()
                .join(h.select(col("_h"), col("lon"), col("lat")), col("_k").equalTo(col("_h")));
        Dataset<Row> access = who.crossJoin(sites.select(col("site_code"), col("programs"), col("opened_year"), col("closed_year"),
                        col("longitude").as("slon"), col("latitude").as("slat")))
                .filter(array_contains(col("programs"), col("_p")).and(col("opened_year").leq(col("_y")))
                        .and(col("closed_year").isNull().or(col("_y").lt(col("closed_year")))))
                .withColumn("d", expr("2 * 6371008.8 * asin(sqrt(pow(sin(radians(slat - lat) / 2), 2)"
                        + " + cos(radians(lat)) * cos(radians(slat)) * pow(sin(radians(slon - lon) / 2), 2)))"))
                .groupBy(col("_k").as("address_key"), col("_p").as("program"), col("_y").as("year"))
                .agg(min("d").as("nearest_site_distance_m"))
                .withColumn("nearest_site_code", lit(null).cast("string")).withColumn("sites_within_1_mile", lit(null).cast("int"));
        lake.overwrite(access, Gold.SITE_ACCESS, List.of());
    }

    private static Dataset<Row> features(SparkSession spark, Path geojson) {
        return spark.read().option("multiLine", true).json(geojson.toString())
                .select(explode(col("features")).as("f"))
                .select(col("f.properties").as("properties"), to_json(col("f.geometry")).as("geometry_json"));
    }
}
