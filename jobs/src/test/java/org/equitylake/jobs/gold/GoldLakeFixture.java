package org.equitylake.jobs.gold;

import static org.apache.spark.sql.functions.expr;

import java.sql.Date;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.equitylake.indicators.Estimate;
import org.equitylake.spark.Lake;
import org.equitylake.spark.TableId;

/**
 * A small lake with every input of the indicators job, written as the upstream jobs write them:
 * the six tracts of {@link SyntheticCity} (two districts, the sixth tract half outside the city),
 * raw ACS rows in bronze (label row included), and childcare enrolments for 2023 and 2024 whose
 * counts per tract are known: {@link #SERVED} eligible awards per tract and year, plus awards over
 * the limit, unknown eligibility, unplaced addresses and applicants who were not awarded.
 */
final class GoldLakeFixture {
    static final String PROGRAM = "childcare";
    static final List<Integer> YEARS = List.of(2023, 2024);
    static final int[] SERVED = {40, 3, 0, 25, 50, 30};
    static final int[] OVER_LIMIT = {15, 0, 0, 0, 12, 0};
    private static final Timestamp INGESTED = Timestamp.valueOf("2025-01-02 03:04:05");

    private GoldLakeFixture() {}

    static void write(Lake lake) {
        SparkSession spark = lake.spark();
        writeAcs(lake);
        List<Row> points = new ArrayList<>();
        int id = 100001;
        for (CityGeography.Building b : SyntheticCity.buildings()) {
            String district = SyntheticCity.tracts().get(b.tract()).district();
            for (int k = 0; k < b.points(); k++) {
                points.add(RowFactory.create(Integer.toString(id++), b.lon(), b.lat(), b.tract(), district, true));
            }
        }
        lake.overwrite(spark.createDataFrame(points, new StructType().add("address_id", "string").add("longitude", "double")
                .add("latitude", "double").add("tract_geoid", "string").add("council_district", "string").add("is_in_city", "boolean")),
                Gold.ADDRESS_POINTS, List.of());

        List<Row> tracts = new ArrayList<>();
        for (int i = 0; i < SyntheticCity.TRACTS.size(); i++) {
            double x = 0.01 * i;
            tracts.add(RowFactory.create(SyntheticCity.TRACTS.get(i), "50" + i, 1_000_000L, 0L, x, 0.005,
                    square(x - 0.005, -0.005, x + 0.005, 0.015)));
        }
        Dataset<Row> tractFrame = spark.createDataFrame(tracts, new StructType().add("geoid", "string").add("name", "string")
                        .add("aland", "long").add("awater", "long").add("intpt_lon", "double").add("intpt_lat", "double").add("wkt", "string"))
                .withColumn("geometry_wkb", expr("ST_AsBinary(ST_GeomFromWKT(wkt))")).withColumn("srid", expr("4326")).drop("wkt");
        lake.overwrite(tractFrame, Gold.CENSUS_TRACTS, List.of());
        // District 2 stops half way across the sixth tract: the city ends there.
        Dataset<Row> districts = spark.createDataFrame(List.of(
                        RowFactory.create("1", "District 1", square(-0.005, -0.005, 0.025, 0.015)),
                        RowFactory.create("2", "District 2", square(0.025, -0.005, 0.05, 0.015))),
                new StructType().add("district", "string").add("name", "string").add("wkt", "string"))
                .withColumn("geometry_wkb", expr("ST_AsBinary(ST_GeomFromWKT(wkt))")).withColumn("srid", expr("4326")).drop("wkt");
        lake.overwrite(districts, Gold.COUNCIL_DISTRICTS, List.of());

        List<Row> sites = new ArrayList<>();
        for (CityGeography.Site s : SyntheticCity.sites()) {
            List<String> programs = s.programs().contains(SyntheticCity.PROGRAM) ? List.of(PROGRAM) : s.programs();
            sites.add(RowFactory.create(s.code(), s.name(), programs, s.openedYear(), s.closedYear(), s.lon(), s.lat()));
        }
        lake.overwrite(spark.createDataFrame(sites, new StructType().add("site_code", "string").add("site_name", "string")
                .add("programs", DataTypes.createArrayType(DataTypes.StringType)).add("opened_year", "int")
                .add("closed_year", "int").add("longitude", "double").add("latitude", "double")), Gold.PROGRAM_SITES, List.of());

        List<Row> limits = new ArrayList<>();
        for (String program : List.of(PROGRAM, "housing_grant")) {
            for (int year : YEARS) {
                for (int size = 1; size <= 8; size++) {
                    limits.add(RowFactory.create(program, year, size, 15_000.0));
                }
            }
        }
        lake.overwrite(spark.createDataFrame(limits, new StructType().add("program", "string").add("year", "int")
                .add("household_size", "int").add("income_limit", "double")), Gold.INCOME_LIMITS, List.of());
        writeHouseholds(lake);
    }

    private static String square(double x0, double y0, double x1, double y1) {
        return String.format(Locale.ROOT, "POLYGON((%f %f, %f %f, %f %f, %f %f, %f %f))", x0, y0, x1, y0, x1, y1, x0, y1, x0, y0);
    }

    /** Bronze ACS tables as the ingest job writes them: every value text, the label row first. */
    private static void writeAcs(Lake lake) {
        for (String table : AcsEstimates.TABLES) {
            int lines = switch (table) {
                case "B19001" -> 17;
                case "B11016" -> 16;
                case "B11005" -> 3;
                case "B11001" -> 6;
                case "C16002" -> 14;
                default -> 1;
            };
            String prefix = table.toLowerCase(Locale.ROOT);
            StructType schema = new StructType().add("geo_id", "string").add("name", "string");
            for (int l = 1; l <= lines; l++) {
                schema = schema.add(String.format(Locale.ROOT, "%s_%03de", prefix, l), "string")
                        .add(String.format(Locale.ROOT, "%s_%03dm", prefix, l), "string");
            }
            schema = schema.add("_file_year", "int").add("_ingested_at", "timestamp").add("_row_number", "long");
            List<Row> rows = new ArrayList<>();
            for (int year : YEARS) {
                Object[] label = new Object[schema.size()];
                label[0] = "Geography";
                label[1] = "Geographic Area Name";
                for (int c = 2; c < 2 + 2 * lines; c++) {
                    label[c] = "Estimate!!Total:";
                }
                label[2 + 2 * lines] = year;
                label[3 + 2 * lines] = INGESTED;
                label[4 + 2 * lines] = 1L;
                rows.add(RowFactory.create(label));
                long rowNumber = 2;
                for (var e : SyntheticCity.acs().entrySet()) {
                    Object[] v = new Object[schema.size()];
                    v[0] = "1400000US" + e.getKey();
                    v[1] = "Census Tract " + e.getKey().substring(5) + ", Costa Verde County, California";
                    for (int l = 1; l <= lines; l++) {
                        if (table.equals("B19013")) {
                            Double median = e.getValue().medianIncome();
                            boolean topCoded = year == 2023 && e.getKey().equals(SyntheticCity.TRACTS.get(5));
                            v[2] = topCoded ? "250,000+" : String.format(Locale.ROOT, "%.0f", median);
                            v[3] = topCoded ? "***" : "5000";
                        } else {
                            Estimate x = e.getValue().count(table, l);
                            v[2 * l] = String.format(Locale.ROOT, "%.0f", x.value());
                            v[2 * l + 1] = String.format(Locale.ROOT, "%.0f", x.moe90());
                        }
                    }
                    v[2 + 2 * lines] = year;
                    v[3 + 2 * lines] = INGESTED;
                    v[4 + 2 * lines] = rowNumber++;
                    rows.add(RowFactory.create(v));
                }
            }
            lake.overwrite(lake.spark().createDataFrame(rows, schema), new TableId("bronze", "acs_" + prefix), List.of());
        }
    }

    static final StructType ENROLMENTS = new StructType().add("program", "string").add("program_year", "int")
            .add("record_key", "string").add("household_key", "string").add("application_date", "date")
            .add("status", "string").add("is_awarded", "boolean").add("award_amount", "double")
            .add("household_size", "int").add("children_count", "int").add("income_annual", "double")
            .add("income_low", "double").add("income_high", "double").add("income_basis", "string")
            .add("income_limit", "double").add("is_income_eligible", "boolean").add("language", "string")
            .add("race_ethnicity", "string").add("address_key", "string").add("submissions", "long");

    /** Households: per year and tract the served, over-limit and not-awarded ones, plus unknown and unplaced awards. */
    private static void writeHouseholds(Lake lake) {
        SparkSession spark = lake.spark();
        List<Row> enrolments = new ArrayList<>();
        List<Row> geocodes = new ArrayList<>();
        List<Row> access = new ArrayList<>();
        String[] languages = {"en", "es", "vi", "fa", "am", "other"};
        String[] races = {"hispanic", "white", "black", "asian", "multiracial", "declined"};
        int h = 0;
        for (int year : YEARS) {
            for (int t = 0; t < SyntheticCity.TRACTS.size(); t++) {
                int kinds = SERVED[t] + OVER_LIMIT[t] + 4;
                for (int k = 0; k < kinds; k++, h++) {
                    boolean served = k < SERVED[t];
                    boolean over = !served && k < SERVED[t] + OVER_LIMIT[t];
                    boolean awarded = served || over;
                    double income = over ? 20_000 : h % 2 == 0 ? 5_000 : 12_000;
                    String key = String.format(Locale.ROOT, "A%05d", h);
                    enrolments.add(RowFactory.create(PROGRAM, year, "R" + h, "H" + h, Date.valueOf(year + "-06-01"),
                            awarded ? "enrolled" : "waitlisted", awarded, awarded ? 4500.0 : null, 2 + h % 5, 1 + h % 2,
                            income, income, income, "reported", 15_000.0, income <= 15_000, languages[h % 6], races[h % 6], key, 1L));
                    geocodes.add(RowFactory.create(key, "exact", 1.0, "address_point", null, SyntheticCity.TRACTS.get(t),
                            SyntheticCity.tracts().get(SyntheticCity.TRACTS.get(t)).district(), true));
                    access.add(RowFactory.create(key, PROGRAM, year, "S1", 300.0 + 500 * t, t < 2 ? 1 : 0));
                }
            }
            // Awarded with unknown eligibility, and awarded at an address the geocoder could not place.
            for (int k = 0; k < 2; k++, h++) {
                String key = String.format(Locale.ROOT, "A%05d", h);
                enrolments.add(RowFactory.create(PROGRAM, year, "R" + h, "H" + h, Date.valueOf(year + "-07-01"), "enrolled", true,
                        4500.0, 3, 1, null, null, null, "missing", 15_000.0, null, "en", "white", key, 2L));
                geocodes.add(RowFactory.create(key, "exact", 1.0, "address_point", null, SyntheticCity.TRACTS.get(3), "2", true));
                access.add(RowFactory.create(key, PROGRAM, year, "S1", 1800.0, 0));
            }
            for (int k = 0; k < 7; k++, h++) {
                String key = String.format(Locale.ROOT, "A%05d", h);
                enrolments.add(RowFactory.create(PROGRAM, year, "R" + h, "H" + h, Date.valueOf(year + "-08-01"), "enrolled", true,
                        4500.0, 3, 1, 5_000.0, 5_000.0, 5_000.0, "reported", 15_000.0, true, "es", "hispanic", key, 1L));
                geocodes.add(RowFactory.create(key, "unmatched", 0.0, null, "no_candidate", null, null, false));
            }
        }
        Dataset<Row> e = spark.createDataFrame(enrolments, ENROLMENTS);
        lake.overwrite(e, Gold.ENROLMENTS, List.of("program"));
        lake.overwrite(e.drop("submissions"), Gold.APPLICATIONS, List.of("program"));
        lake.overwrite(spark.createDataFrame(geocodes, new StructType().add("address_key", "string").add("match_method", "string")
                .add("match_score", "double").add("precision_level", "string").add("unmatched_reason", "string")
                .add("tract_geoid", "string").add("council_district", "string").add("is_in_city", "boolean")), Gold.GEOCODES, List.of());
        lake.overwrite(spark.createDataFrame(access, new StructType().add("address_key", "string").add("program", "string")
                .add("year", "int").add("nearest_site_code", "string").add("nearest_site_distance_m", "double")
                .add("sites_within_1_mile", "int")), Gold.SITE_ACCESS, List.of());
        lake.overwrite(spark.createDataFrame(List.of(
                RowFactory.create(PROGRAM, "childcare_registrations_v3", "landing/childcare/registrations/2024-03-01_registrations.csv",
                        "h1", 5L, List.of("impossible_date"), "run"),
                RowFactory.create(PROGRAM, "childcare_registrations_v3", "landing/childcare/registrations/2024-03-01_registrations.csv",
                        "h1", 6L, List.of("no_id"), "run")),
                new StructType().add("program", "string").add("source_table", "string").add("_source_path", "string")
                        .add("_content_hash", "string").add("_row_number", "long")
                        .add("quarantine_reasons", DataTypes.createArrayType(DataTypes.StringType)).add("run_id", "string")),
                Gold.SILVER_QUARANTINE, List.of("program"));
        lake.overwrite(spark.createDataFrame(List.of(RowFactory.create("landing/childcare/registrations/2023-05-01_registrations.csv",
                        "h2", "landing-childcare-registrations-v3", Date.valueOf("2023-05-01"), 2023, 9L, "a,b", "too_few_fields")),
                new StructType().add("_source_path", "string").add("_content_hash", "string").add("_layout", "string")
                        .add("_export_date", "date").add("_file_year", "int").add("_row_number", "long").add("raw_line", "string")
                        .add("reason", "string")), Gold.BRONZE_QUARANTINE, List.of());
        lake.overwrite(spark.createDataFrame(List.of(
                        RowFactory.create(2023, Date.valueOf("2023-12-29"), INGESTED),
                        RowFactory.create(2024, Date.valueOf("2024-12-31"), INGESTED)),
                new StructType().add("_file_year", "int").add("_export_date", "date").add("_ingested_at", "timestamp")),
                new TableId("bronze", "childcare_registrations_v3"), List.of());
    }

    /** Eligible awards placed in each tract in a fixture year (the same every year). */
    static long servedIn(int tract) {
        return SERVED[tract];
    }
}
