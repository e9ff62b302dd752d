package org.equitylake.jobs.geocode;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.row_number;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.storage.StorageLevel;
import org.equitylake.config.Settings;
import org.equitylake.jobs.Job;
import org.equitylake.jobs.JobContext;
import org.equitylake.jobs.Watermarks;
import org.equitylake.jobs.silver.CleanJob;
import org.equitylake.jobs.silver.Pseudonyms;
import org.equitylake.jobs.silver.Standardize;
import org.equitylake.spark.TableId;

/**
 * Addresses to points, points to tracts and districts, distance to the nearest open site. Only
 * normalized addresses not geocoded before are matched (the restricted geocodes are the cache), and
 * site access gains only their rows and those of years not reached before, unless the reference
 * geography changed, which re-geocodes everything and rebuilds site access.
 */
public final class GeocodeJob implements Job {
    public static final TableId TRACTS = new TableId("silver", "census_tracts");
    public static final TableId DISTRICTS = new TableId("silver", "council_districts");
    public static final TableId CITY_LIMITS = new TableId("silver", "city_limits");
    public static final TableId SITES = new TableId("silver", "program_sites");
    public static final TableId ADDRESS_POINTS = new TableId("silver", "address_points");
    public static final TableId GEOCODES = new TableId("silver", "geocodes");
    public static final TableId SITE_ACCESS = new TableId("silver", "site_access");
    /** The exact point of each address: as identifying as the address itself. */
    public static final TableId POINTS_RESTRICTED = new TableId("silver_restricted", "geocodes");

    private static final List<String> REFERENCE = List.of("census_tracts", "council_districts", "city_limits",
            "program_sites", "address_points");

    @Override
    public String name() {
        return "geocode";
    }

    @Override
    public void run(JobContext ctx) {
        boolean referenceChanged = refreshReference(ctx);
        if (!ctx.lake().exists(CleanJob.RECORDS)) {
            ctx.report().note("no silver records yet: nothing to geocode");
            return;
        }
        Settings settings = ctx.settings();
        Pseudonyms pseudonyms = new Pseudonyms(settings.hmacKey());
        Dataset<Row> points = ctx.lake().read(ADDRESS_POINTS).persist(StorageLevel.MEMORY_AND_DISK());
        try {
            Dataset<Row> addresses = addressesToGeocode(ctx, pseudonyms, referenceChanged);
            String cityName = ctx.lake().read(CITY_LIMITS).select("city_name").first().getString(0);
            // Checkpointed, not cached: the addresses to match are those missing from the restricted geocodes, and
            // merging into that table re-plans every cached query that reads it, which would then find none.
            Dataset<Row> matches = AddressMatcher.match(addresses, points, cityName, settings.geocode().fuzzyStreetThreshold())
                    .join(points.select(col("address_id"), col("longitude"), col("latitude"), col("geometry_wkb"), col("srid"),
                            col("tract_geoid"), col("council_district"), col("is_in_city")), "address_id", "left")
                    .join(addresses.select("address_key", "normalized_address"), "address_key")
                    .localCheckpoint(true);
            long n = matches.count();
            ctx.report().read(CleanJob.RECORDS + " (new addresses)", n);
            Dataset<Row> restricted = matches.select("address_key", "normalized_address", "address_id", "longitude",
                    "latitude", "geometry_wkb", "srid", "match_method", "match_score", "precision_level", "unmatched_reason");
            Dataset<Row> analytic = matches.select(col("address_key"), col("match_method"), col("match_score"),
                    col("precision_level"), col("unmatched_reason"), col("tract_geoid"), col("council_district"),
                    org.apache.spark.sql.functions.coalesce(col("is_in_city"), lit(false)).as("is_in_city"));
            // Incremental site access goes first: should the run stop before the geocodes are merged, the next
            // run geocodes these addresses again and repeats this merge, so no address is left without its rows.
            boolean incremental = !referenceChanged && addSiteAccess(ctx, restricted.filter(col("address_id").isNotNull()));
            if (referenceChanged) {
                ctx.lake().overwrite(restricted, POINTS_RESTRICTED, List.of());
                ctx.lake().overwrite(analytic, GEOCODES, List.of());
            } else {
                ctx.lake().merge(restricted, POINTS_RESTRICTED, List.of("address_key"), List.of());
                ctx.lake().merge(analytic, GEOCODES, List.of("address_key"), List.of());
            }
            ctx.report().written(GEOCODES.toString(), n);
            if (!incremental) {
                writeSiteAccess(ctx);
            }
        } finally {
            points.unpersist();
        }
    }

    /** One row per normalized address of the silver records (the first record's spelling), new ones only unless all are redone. */
    private Dataset<Row> addressesToGeocode(JobContext ctx, Pseudonyms pseudonyms, boolean all) {
        var first = Window.partitionBy("normalized_address").orderBy(col("program"), col("record_id"));
        Dataset<Row> addresses = ctx.lake().read(CleanJob.RECORDS)
                .filter(col("normalized_address").isNotNull())
                .withColumn("_rank", row_number().over(first)).filter(col("_rank").equalTo(1))
                .select(pseudonyms.of("address", col("normalized_address")).as("address_key"), col("normalized_address"),
                        AddressParts.fromLine(col("street"), col("unit"), col("zip")).as("parts"),
                        Standardize.properCase(col("city")).as("city"))
                .select(col("address_key"), col("normalized_address"), col("parts.*"), col("city"));
        if (!all && ctx.lake().exists(POINTS_RESTRICTED)) {
            addresses = addresses.join(ctx.lake().read(POINTS_RESTRICTED).select("address_key"), "address_key", "left_anti");
        }
        return addresses;
    }

    /** Rebuilds the reference tables when a new reference file was ingested; says whether it did. */
    private boolean refreshReference(JobContext ctx) {
        Watermarks watermarks = new Watermarks(ctx.lake());
        Timestamp newest = null;
        for (String table : REFERENCE) {
            TableId bronze = new TableId("bronze", table);
            if (!ctx.lake().exists(bronze)) {
                throw new IllegalStateException(bronze + " is missing: ingest the reference files before geocoding");
            }
            Row r = ctx.lake().read(bronze).agg(max("_ingested_at")).first();
            Timestamp t = r.getTimestamp(0);
            newest = newest == null || t.after(newest) ? t : newest;
        }
        Optional<Timestamp> seen = watermarks.get(name(), "reference");
        if (seen.isPresent() && !newest.after(seen.get()) && ctx.lake().exists(ADDRESS_POINTS)) {
            return false;
        }
        var lake = ctx.lake();
        lake.overwrite(ReferenceGeography.tracts(lake.read(new TableId("bronze", "census_tracts"))), TRACTS, List.of());
        lake.overwrite(ReferenceGeography.districts(lake.read(new TableId("bronze", "council_districts"))), DISTRICTS, List.of());
        lake.overwrite(ReferenceGeography.cityLimits(lake.read(new TableId("bronze", "city_limits"))), CITY_LIMITS, List.of());
        lake.overwrite(ReferenceGeography.sites(lake.read(new TableId("bronze", "program_sites"))), SITES, List.of());
        Dataset<Row> points = ReferenceGeography.addressPoints(lake.read(new TableId("bronze", "address_points")),
                lake.read(TRACTS), lake.read(DISTRICTS), lake.read(CITY_LIMITS));
        lake.overwrite(points, ADDRESS_POINTS, List.of());
        ctx.report().written(ADDRESS_POINTS.toString(), lake.lastCommitOutputRows(ADDRESS_POINTS));
        watermarks.set(name(), "reference", newest);
        return true;
    }

    /** Nearest open site per geocoded address, program and year, up to the as-of year: the whole table. */
    private void writeSiteAccess(JobContext ctx) {
        // The table is points x program-years and is written without a shuffle: spread the points over
        // every task first, or a few large files of points set the number of writers (3 at city-wide size).
        Dataset<Row> located = ctx.lake().read(POINTS_RESTRICTED).filter(col("address_id").isNotNull())
                .select("address_key", "longitude", "latitude")
                .repartition(ctx.settings().spark().shufflePartitions());
        Dataset<Row> access = SiteAccess.nearest(located, ctx.lake().read(SITES), programYears(ctx, Map.of()));
        ctx.lake().overwrite(access, SITE_ACCESS, List.of("program"));
        ctx.report().written(SITE_ACCESS.toString(), ctx.lake().lastCommitOutputRows(SITE_ACCESS));
    }

    /**
     * Adds only the rows a night needs: the newly located addresses for every program-year, and
     * the program-years the table does not reach yet (a new year, a new program) for the addresses
     * located before. Returns false, having written nothing, when the table must be rebuilt instead:
     * it does not exist, or it holds years this run would not write (an earlier as-of, a program's
     * first year moved or a program dropped), so a re-run gives the table a rebuild would.
     */
    private boolean addSiteAccess(JobContext ctx, Dataset<Row> newlyLocated) {
        if (!ctx.lake().exists(SITE_ACCESS) || !ctx.lake().exists(POINTS_RESTRICTED)) {
            return false;
        }
        Map<String, int[]> held = new HashMap<>();
        for (Row r : ctx.lake().read(SITE_ACCESS).groupBy("program").agg(min("year"), max("year")).collectAsList()) {
            held.put(r.getString(0), new int[] {r.getInt(1), r.getInt(2)});
        }
        int asOfYear = ctx.asOf().getYear();
        Map<String, Integer> firstYears = new HashMap<>();
        ctx.settings().programs().forEach(p -> firstYears.put(p.code(), p.firstYear()));
        for (Map.Entry<String, int[]> e : held.entrySet()) {
            Integer first = firstYears.get(e.getKey());
            if (first == null || e.getValue()[0] != first || e.getValue()[1] > asOfYear) {
                return false;
            }
        }
        Map<String, Integer> heldThrough = new HashMap<>();
        held.forEach((program, years) -> heldThrough.put(program, years[1]));
        Dataset<Row> sites = ctx.lake().read(SITES);
        Dataset<Row> fresh = newlyLocated.select("address_key", "longitude", "latitude");
        // An address geocoded again after a stopped run is fresh, not located before: one row per key.
        Dataset<Row> located = ctx.lake().read(POINTS_RESTRICTED).filter(col("address_id").isNotNull())
                .select("address_key", "longitude", "latitude").join(fresh.select("address_key"), "address_key", "left_anti");
        Dataset<Row> rows = SiteAccess.nearest(fresh, sites, programYears(ctx, Map.of()))
                .unionByName(SiteAccess.nearest(located, sites, programYears(ctx, heldThrough)));
        long added = ctx.lake().merge(rows, SITE_ACCESS, List.of("address_key", "program", "year"), List.of("program"));
        ctx.report().written(SITE_ACCESS.toString(), added);
        ctx.report().note("site access: " + added + " rows added or changed, not rebuilt");
        return true;
    }

    /** Each program's years up to the as-of year, after the year given for it (before its first year when none). */
    private static Dataset<Row> programYears(JobContext ctx, Map<String, Integer> after) {
        List<String> codes = new ArrayList<>();
        List<Integer> firstYears = new ArrayList<>();
        for (Settings.ProgramSettings p : ctx.settings().programs()) {
            codes.add(p.code());
            firstYears.add(Math.max(p.firstYear(), after.getOrDefault(p.code(), p.firstYear() - 1) + 1));
        }
        return SiteAccess.programYears(ctx.spark(), codes, firstYears, ctx.asOf().getYear());
    }
}
