package org.equitylake.jobs.gold;

import static org.apache.spark.sql.functions.col;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;
import org.equitylake.config.Settings;
import org.equitylake.contracts.Contract;
import org.equitylake.jobs.Job;
import org.equitylake.jobs.JobContext;
import org.equitylake.jobs.SideBySide;
import org.equitylake.jobs.Watermarks;
import org.equitylake.jobs.silver.Vocabularies;
import org.equitylake.ops.BuildInfo;
import org.equitylake.spark.Lake;
import org.equitylake.spark.TableId;

/**
 * Silver to gold: the indicators of every program and year (docs/GOLD.md). Reads the program
 * tables, the geocoding outputs and the ACS; aggregates participants in Spark; computes the
 * indicators and the suppression of one program-year at a time on the driver (the aggregates are
 * small); and replaces each gold table's slice of the program for the years up to --as-of, so a
 * re-run or a backfill gives the same tables.
 */
public final class IndicatorsJob implements Job {
    /** Program config key: the program serves households with children only (childcare). */
    static final String CHILDREN_ONLY = "gold.households-with-children-only";
    /** Gold tables written at the same time. */
    private static final int WRITERS = 4;

    @Override
    public String name() {
        return "indicators";
    }

    /** What every program shares: the city's tracts, buildings and sites, the ACS releases and the tract scores. */
    private record City(
            Map<String, CityGeography.TractInfo> tracts,
            List<CityGeography.Building> buildings,
            List<CityGeography.Site> sites,
            Map<Integer, Map<String, TractAcs>> acs,
            Map<Integer, EquityIndexRows.Result> equity,
            Map<String, Map<Integer, double[]>> limits) {}

    @Override
    public void run(JobContext ctx) {
        City city = city(ctx);
        Dataset<Row> enrolments = require(ctx.lake(), Gold.ENROLMENTS, "clean");
        Dataset<Row> geocodes = require(ctx.lake(), Gold.GEOCODES, "geocode");
        Dataset<Row> siteAccess = require(ctx.lake(), Gold.SITE_ACCESS, "geocode");
        Map<String, String> raceGroups = Vocabularies.of(ctx.settings()).raceEthnicityAcsGroup();
        int asOfYear = ctx.asOf().getYear();
        // Every program's rows go out in one commit per table: a Delta commit costs seconds whatever its size.
        Map<String, List<Gold.RowValues>> out = new LinkedHashMap<>();
        List<String> slices = new ArrayList<>();
        for (Settings.ProgramSettings program : ctx.settings().programs()) {
            if (!ctx.covers(program.code())) {
                continue;
            }
            long started = System.nanoTime();
            Dataset<Row> mine = enrolments.filter(col("program").equalTo(program.code())
                    .and(col("program_year").between(program.firstYear(), asOfYear)));
            List<ParticipantCube.Cell> cells = ParticipantCube.collect(ParticipantCube.of(mine, geocodes, siteAccess, raceGroups));
            List<Integer> years = mine.select(col("program_year").cast("int")).distinct().orderBy("program_year")
                    .collectAsList().stream().map(r -> r.getInt(0)).toList();
            if (years.isEmpty()) {
                ctx.report().note(program.code() + ": no enrolments up to " + ctx.asOf() + ", no indicators");
                continue;
            }
            boolean withChildren = withChildrenOnly(program, mine);
            Map<Integer, ProgramYear> computed = new TreeMap<>();
            for (int year : years) {
                computed.put(year, programYear(ctx, city, program.code(), year, withChildren, cells));
            }
            rows(ctx, program.code(), computed).forEach((table, rows) -> out.computeIfAbsent(table, t -> new ArrayList<>()).addAll(rows));
            add(out, Gold.QUALITY, QualityRows.rows(program.code(), years, qualityStats(ctx, program, mine, geocodes),
                    computed, ctx.asOf()));
            slices.add("(program = '" + program.code() + "' AND year >= " + program.firstYear() + " AND year <= " + asOfYear + ")");
            ctx.report().note(String.format(Locale.ROOT, "%s: indicators for %d-%d%s, computed in %.1f s",
                    program.code(), years.get(0), years.get(years.size() - 1), withChildren ? " (households with children)" : "",
                    (System.nanoTime() - started) / 1e9));
        }
        if (!slices.isEmpty()) {
            long writing = System.nanoTime();
            writeAll(ctx, out, String.join(" OR ", slices));
            ctx.report().note(String.format(Locale.ROOT, "%d program tables written in %.1f s", Gold.PROGRAM_TABLES.size(),
                    (System.nanoTime() - writing) / 1e9));
        }
    }

    /** The geography, the ACS (also written as silver.acs_estimates) and the tract equity index (written here). */
    private static City city(JobContext ctx) {
        Lake lake = ctx.lake();
        Dataset<Row> acsRows = acsEstimates(ctx);
        Dataset<Row> addressPoints = require(lake, Gold.ADDRESS_POINTS, "geocode");
        Dataset<Row> censusTracts = require(lake, Gold.CENSUS_TRACTS, "geocode");
        Map<String, CityGeography.TractInfo> tracts = CityGeography.collectTracts(
                CityGeography.tracts(addressPoints, censusTracts, arealShares(ctx, censusTracts)));
        List<CityGeography.Building> buildings = CityGeography.collectBuildings(CityGeography.buildings(addressPoints));
        List<CityGeography.Site> sites = CityGeography.collectSites(require(lake, Gold.PROGRAM_SITES, "geocode"));
        Map<Integer, Map<String, TractAcs>> acs = TractAcs.fromRows(acsRows
                .filter(col("geoid").isin(tracts.keySet().toArray())).collectAsList());
        Map<Integer, EquityIndexRows.Result> equity = new TreeMap<>();
        List<Gold.RowValues> equityRows = new ArrayList<>();
        acs.forEach((year, release) -> {
            EquityIndexRows.Result r = EquityIndexRows.rows(year, tracts, release);
            equity.put(year, r);
            equityRows.addAll(r.rows());
        });
        write(ctx, Gold.TRACT_EQUITY_INDEX, equityRows, Optional.empty());
        return new City(tracts, buildings, sites, acs, equity, incomeLimits(require(lake, Gold.INCOME_LIMITS, "clean")));
    }

    private static ProgramYear programYear(JobContext ctx, City city, String program, int year, boolean withChildren,
                                           List<ParticipantCube.Cell> cells) {
        int acsYear = TractAcs.releaseFor(year, city.acs().keySet());
        double[] limit = Optional.ofNullable(city.limits().getOrDefault(program, Map.of()).get(year))
                .orElseThrow(() -> new IllegalStateException("silver.income_limits has no limits for " + program + " " + year));
        return new ProgramYear(new ProgramYear.Input(program, year, acsYear, withChildren,
                withChildren ? childrenBySize(city.acs(), acsYear) : null, limit, city.tracts(), city.acs().get(acsYear),
                city.equity().get(acsYear).band(), city.equity().get(acsYear).tier(), city.buildings(), city.sites(),
                cells, ctx.settings().privacy().suppressionThreshold()));
    }

    /** Every program table's rows for the program-years computed, but quality's. */
    private static Map<String, List<Gold.RowValues>> rows(JobContext ctx, String program, Map<Integer, ProgramYear> computed) {
        Map<String, List<Gold.RowValues>> out = new LinkedHashMap<>();
        Map<Integer, ScorecardRows.Headline> headlines = new TreeMap<>();
        for (ProgramYear py : computed.values()) {
            add(out, Gold.REACH, ReachRows.rows(py));
            DisparityRows.Result disparities = DisparityRows.rows(py);
            add(out, Gold.DISPARITIES, disparities.disparities());
            add(out, Gold.DISPARITY_INDEX, disparities.index());
            add(out, Gold.TRACT_DISPARITY, TractDisparityRows.rows(py));
            DistanceRows.Result distance = DistanceRows.rows(py);
            add(out, Gold.DISTANCE_EQUITY, distance.equity());
            add(out, Gold.DISTANCE_DECAY, List.of(distance.decay()));
            LeakageRows.Result leakage = LeakageRows.rows(py);
            add(out, Gold.INCOME_LEAKAGE, leakage.rows());
            add(out, Gold.NEIGHBOURHOOD_MISMATCH, MismatchRows.rows(py));
            add(out, Gold.UNMET_NEED, UnmetNeedRows.rows(py));
            add(out, Gold.SITING_CANDIDATES, UnmetNeedRows.siting(py));
            headlines.put(py.in.year(), ScorecardRows.headline(py, leakage.headline(), distance.headline(), disparities.raceIndex()));
        }
        add(out, Gold.SCORECARD, ScorecardRows.rows(program, headlines, ctx.asOf()));
        return out;
    }

    /**
     * Shares of family households with children by size, fitted on every tract of every release up
     * to the given one: the city's pattern is stable, one release's tracts are noisy, and releases
     * published later do not change the figures of earlier years.
     */
    static ChildrenBySize.Fit childrenBySize(Map<Integer, Map<String, TractAcs>> acs, int acsYear) {
        List<TractAcs> tracts = new ArrayList<>();
        acs.forEach((year, release) -> {
            if (year <= acsYear) {
                tracts.addAll(release.values());
            }
        });
        return ChildrenBySize.fit(tracts);
    }

    /**
     * Writes the programs' slice of every gold table. The tables are independent Delta tables, so
     * their writes run side by side: each is a few small Spark jobs whose time is mostly latency.
     */
    private static void writeAll(JobContext ctx, Map<String, List<Gold.RowValues>> out, String slice) {
        SideBySide.run(WRITERS, Gold.PROGRAM_TABLES.stream()
                .<Runnable>map(table -> () -> write(ctx, table, out.getOrDefault(table.toString(), List.of()), Optional.of(slice)))
                .toList());
    }

    private static void add(Map<String, List<Gold.RowValues>> out, TableId table, List<Gold.RowValues> rows) {
        out.computeIfAbsent(table.toString(), t -> new ArrayList<>()).addAll(rows);
    }

    /** Writes a table's rows (replacing the slice, or the whole table) and sets its comments from the contract. */
    private static void write(JobContext ctx, TableId table, List<Gold.RowValues> rows, Optional<String> slice) {
        Contract contract = ctx.contracts().forTable(table.toString());
        Dataset<Row> frame = Gold.frame(ctx.spark(), contract, rows);
        List<String> partitionBy = contract.custom("partitionedBy").map(List::of).orElse(List.of());
        // Only a table written whole is compared first: a night with new enrolments changes every program
        // table's latest year, and comparing them cost more than it saved (bench/README.md).
        if (slice.isEmpty() && holdsAlready(ctx.lake(), table, frame)) {
            describe(ctx.lake(), table, contract);
            ctx.report().note(table + ": unchanged, not rewritten");
            return;
        }
        if (slice.isPresent()) {
            ctx.lake().replaceWhere(frame, table, slice.get(), partitionBy);
        } else {
            ctx.lake().overwrite(frame, table, partitionBy);
        }
        describe(ctx.lake(), table, contract);
        ctx.report().written(table.toString(), rows.size());
    }

    /** Whether the table holds exactly these rows: two small set differences instead of a commit. */
    static boolean holdsAlready(Lake lake, TableId table, Dataset<Row> rows) {
        if (!lake.exists(table)) {
            return false;
        }
        Dataset<Row> held = lake.read(table);
        if (!shape(held.schema()).equals(shape(rows.schema()))) {
            return false;
        }
        return held.exceptAll(rows).isEmpty() && rows.exceptAll(held).isEmpty();
    }

    /** Column names and types, without the comments and nullability a table's schema carries. */
    private static List<String> shape(StructType schema) {
        return java.util.Arrays.stream(schema.fields()).map(f -> f.name() + " " + f.dataType().sql()).toList();
    }

    /** Table and column comments from the contract; {@link Lake#describe} commits only what differs. */
    static void describe(Lake lake, TableId table, Contract contract) {
        lake.describe(table, contract.description(), contract.columnDescriptions());
    }

    /** silver.acs_estimates from the bronze ACS tables (rewritten whole: it is small and derived). */
    private static Dataset<Row> acsEstimates(JobContext ctx) {
        Map<String, Dataset<Row>> bronze = new TreeMap<>();
        for (String t : AcsEstimates.TABLES) {
            TableId id = new TableId("bronze", "acs_" + t.toLowerCase(Locale.ROOT));
            if (ctx.lake().exists(id)) {
                bronze.put(t, ctx.lake().read(id));
            }
        }
        if (bronze.isEmpty()) {
            return require(ctx.lake(), Gold.ACS_ESTIMATES, "ingest (ACS files)");
        }
        // Rebuilt only when a release landed since, or by another build: a night without either keeps the table.
        Watermarks watermarks = new Watermarks(ctx.lake());
        BuildInfo build = BuildInfo.current();
        String mark = "acs_estimates built by " + build.version() + " " + build.commit() + " " + build.built();
        Timestamp newest = bronze.values().stream().map(t -> t.select("_ingested_at")).reduce(Dataset::union).orElseThrow()
                .agg(org.apache.spark.sql.functions.max("_ingested_at")).first().getTimestamp(0);
        Optional<Timestamp> built = watermarks.get("indicators", mark);
        if (ctx.lake().exists(Gold.ACS_ESTIMATES) && built.isPresent() && !newest.after(built.get())) {
            return ctx.lake().read(Gold.ACS_ESTIMATES);
        }
        Contract contract = ctx.contracts().forTable(Gold.ACS_ESTIMATES.toString());
        Dataset<Row> estimates = AcsEstimates.fromBronze(bronze);
        Dataset<Row> ordered = estimates.select(contract.columnNames().stream().map(c -> col(c)).toArray(org.apache.spark.sql.Column[]::new));
        // Written with the contract's schema, so the column comments travel with it.
        ctx.lake().overwrite(ctx.spark().createDataFrame(ordered.javaRDD(), contract.sparkSchema()), Gold.ACS_ESTIMATES, List.of());
        describe(ctx.lake(), Gold.ACS_ESTIMATES, contract);
        ctx.report().written(Gold.ACS_ESTIMATES.toString(), ctx.lake().lastCommitOutputRows(Gold.ACS_ESTIMATES));
        watermarks.set("indicators", mark, newest);
        return ctx.lake().read(Gold.ACS_ESTIMATES);
    }

    /** Area shares of tracts inside the city, from the city limits or else the council districts; empty without either. */
    private static Dataset<Row> arealShares(JobContext ctx, Dataset<Row> censusTracts) {
        StructType schema = new StructType().add("geoid", "string").add("areal_share", "double");
        Optional<TableId> city = ctx.lake().exists(Gold.CITY_LIMITS) ? Optional.of(Gold.CITY_LIMITS)
                : ctx.lake().exists(Gold.COUNCIL_DISTRICTS) ? Optional.of(Gold.COUNCIL_DISTRICTS) : Optional.empty();
        if (city.isEmpty() || !List.of(censusTracts.columns()).contains("geometry_wkb")) {
            ctx.report().note("no city limits or council districts: every tract counts as wholly inside the city");
            return ctx.spark().createDataFrame(List.of(), schema);
        }
        return CityGeography.arealShares(censusTracts, ctx.lake().read(city.get()));
    }

    private static Map<String, Map<Integer, double[]>> incomeLimits(Dataset<Row> limits) {
        Map<String, Map<Integer, double[]>> out = new TreeMap<>();
        for (Row r : limits.filter(col("household_size").between(1, 8).and(col("income_limit").isNotNull())).collectAsList()) {
            out.computeIfAbsent(r.getString(r.fieldIndex("program")), p -> new TreeMap<>())
                    .computeIfAbsent(r.getInt(r.fieldIndex("year")), y -> new double[9])
                    [r.getInt(r.fieldIndex("household_size"))] = r.getDouble(r.fieldIndex("income_limit"));
        }
        return out;
    }

    /**
     * Whether the program serves households with children only: the program's
     * {@code gold.households-with-children-only} setting, or, when it is not set, whether at
     * least 95 % of its records that give a number of children give one or more.
     */
    static boolean withChildrenOnly(Settings.ProgramSettings program, Dataset<Row> enrolments) {
        if (program.config().hasPath(CHILDREN_ONLY)) {
            return program.config().getBoolean(CHILDREN_ONLY);
        }
        Row r = enrolments.filter(col("children_count").isNotNull())
                .agg(org.apache.spark.sql.functions.count(org.apache.spark.sql.functions.lit(1)),
                        org.apache.spark.sql.functions.sum(org.apache.spark.sql.functions.when(col("children_count").gt(0), 1).otherwise(0)))
                .first();
        long known = r.getLong(0);
        return known > 0 && r.getLong(1) >= 0.95 * known;
    }

    private QualityRows.Stats qualityStats(JobContext ctx, Settings.ProgramSettings program, Dataset<Row> enrolments,
                                           Dataset<Row> geocodes) {
        Lake lake = ctx.lake();
        String code = program.code();
        Dataset<Row> applications = require(lake, Gold.APPLICATIONS, "clean").filter(col("program").equalTo(code));
        StructType pathOnly = new StructType().add("_source_path", "string");
        Dataset<Row> quarantined = lake.exists(Gold.SILVER_QUARANTINE)
                ? lake.read(Gold.SILVER_QUARANTINE).filter(col("program").equalTo(code)).select("_source_path")
                : ctx.spark().createDataFrame(List.of(), pathOnly);
        List<String> layouts = ctx.contracts().all().stream().filter(c -> c.layer().equals("landing"))
                .filter(c -> c.custom("program").map(code::equals).orElse(false)).map(Contract::id).toList();
        StructType fileYear = new StructType().add("_file_year", "int");
        Dataset<Row> unreadable = lake.exists(Gold.BRONZE_QUARANTINE)
                ? lake.read(Gold.BRONZE_QUARANTINE).filter(col("_layout").isin(layouts.toArray())).select("_file_year")
                : ctx.spark().createDataFrame(List.of(), fileYear);
        StructType lineage = new StructType().add("_file_year", "int").add("_export_date", "date").add("_ingested_at", "timestamp");
        Dataset<Row> exports = ctx.spark().createDataFrame(List.of(), lineage);
        for (String table : bronzeTables(program)) {
            TableId id = new TableId("bronze", table);
            if (lake.exists(id)) {
                exports = exports.unionByName(lake.read(id).select("_file_year", "_export_date", "_ingested_at"));
            }
        }
        return QualityRows.stats(applications, enrolments, geocodes, quarantined, unreadable, exports);
    }

    private static List<String> bronzeTables(Settings.ProgramSettings program) {
        List<String> tables = new ArrayList<>();
        program.config().getConfigList("sources").forEach(s -> tables.add(s.getString("table")));
        if (program.config().hasPath("awards.table")) {
            tables.add(program.config().getString("awards.table"));
        }
        return tables;
    }

    private static Dataset<Row> require(Lake lake, TableId table, String job) {
        if (!lake.exists(table)) {
            throw new IllegalStateException(table + " is missing: run " + job + " before indicators");
        }
        return lake.read(table);
    }

    /**
     * A few lines for run-all to print: per program, the latest year's served, eligible, reach
     * with its interval, the over-limit share of awards, the share within a mile, and the three
     * tracts with the most unmet need.
     */
    public static List<String> summary(JobContext ctx) {
        return summary(ctx.lake());
    }

    /** The same lines from a lake, for a caller without a job context (run-all after its jobs). */
    public static List<String> summary(Lake lake) {
        return Summary.lines(lake);
    }
}
