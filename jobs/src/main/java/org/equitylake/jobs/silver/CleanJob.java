package org.equitylake.jobs.silver;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.udf;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF3;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.storage.StorageLevel;
import org.equitylake.config.Settings;
import org.equitylake.geo.AddressNormalizer;
import org.equitylake.jobs.Job;
import org.equitylake.jobs.JobContext;
import org.equitylake.jobs.Watermarks;
import org.equitylake.spark.TableId;

/**
 * Bronze to silver for every program: new bronze rows are standardized, validated and merged into
 * the restricted record table; identity and eligibility are then derived for the whole program,
 * because a new record can link households across years.
 */
public final class CleanJob implements Job {
    public static final TableId RECORDS = new TableId("silver_restricted", "registrations");
    public static final TableId APPLICATIONS = new TableId("silver", "applications");
    public static final TableId ENROLMENTS = new TableId("silver", "enrolments");
    public static final TableId QUARANTINE = new TableId("silver", "quarantine");
    /** Record id to its pseudonymous keys: the only way back from silver to a person, so restricted. */
    public static final TableId KEY_MAP = new TableId("silver_restricted", "key_map");
    public static final TableId INCOME_LIMITS = new TableId("silver", "income_limits");
    static final TableId BRONZE_INCOME_LIMITS = new TableId("bronze", "income_limits");

    private static final UserDefinedFunction ADDRESS_KEY = udf((UDF3<String, String, String, String>) (street, unit, zip) -> {
        return AddressNormalizer.parseLine(org.equitylake.jobs.geocode.AddressParts.line(street, unit), zip).key();
    }, DataTypes.StringType);

    @Override
    public String name() {
        return "clean";
    }

    @Override
    public void run(JobContext ctx) {
        Settings settings = ctx.settings();
        var silverConf = settings.config().getConfig(Settings.ROOT + ".silver");
        Vocabularies vocabularies = Vocabularies.of(settings);
        Pseudonyms pseudonyms = new Pseudonyms(settings.hmacKey());
        Watermarks watermarks = new Watermarks(ctx.lake());
        Dataset<Row> limits = incomeLimits(ctx);
        Map<String, Timestamp> marks = new TreeMap<>();
        List<Settings.ProgramSettings> covered = settings.programs().stream().filter(p -> ctx.covers(p.code())).toList();
        for (Settings.ProgramSettings program : covered) {
            Validation.Limits rules = new Validation.Limits(program.firstYear(), ctx.asOf(),
                    silverConf.getInt("max-household-size"), silverConf.getDouble("max-annual-income"));
            List<Timestamp> reached = new ArrayList<>();
            Optional<Dataset<Row>> fresh = newRecords(ctx, program, vocabularies, watermarks, reached);
            if (fresh.isPresent()) {
                mergeNewRecords(ctx, fresh.get(), rules);
            }
            if (!reached.isEmpty()) {
                Timestamp latest = reached.stream().max(Timestamp::compareTo).orElseThrow();
                for (ProgramSource source : ProgramSource.of(program)) {
                    marks.put("bronze." + source.table(), latest);
                }
            }
        }
        if (ctx.lake().exists(RECORDS) && !covered.isEmpty()) {
            derivePrograms(ctx, covered, pseudonyms, limits, silverConf.getInt("largest-income-limit-size"));
        }
        // After every program's writes: a failure re-reads (and idempotently re-merges), never skips.
        watermarks.setAll(name(), marks);
    }

    /** Standardized rows of every source of the program ingested after the watermark; empty when none. */
    private Optional<Dataset<Row>> newRecords(JobContext ctx, Settings.ProgramSettings program, Vocabularies vocabularies,
                                              Watermarks watermarks, List<Timestamp> reached) {
        Dataset<Row> union = null;
        for (ProgramSource source : ProgramSource.of(program)) {
            TableId bronze = new TableId("bronze", source.table());
            if (!ctx.lake().exists(bronze)) {
                continue;
            }
            Dataset<Row> rows = ctx.lake().read(bronze);
            Optional<Timestamp> mark = watermarks.get(name(), bronze.toString());
            if (mark.isPresent()) {
                rows = rows.filter(col("_ingested_at").gt(lit(mark.get())));
            }
            Row newest = rows.agg(max("_ingested_at"), count(lit(1))).first();
            if (newest.getLong(1) == 0) {
                continue;
            }
            reached.add(newest.getTimestamp(0));
            ctx.report().read(bronze.toString(), newest.getLong(1));
            Dataset<Row> standardized = Registrations.standardize(rows, source, vocabularies);
            union = union == null ? standardized : union.unionByName(standardized);
        }
        return Optional.ofNullable(union);
    }

    private void mergeNewRecords(JobContext ctx, Dataset<Row> fresh, Validation.Limits rules) {
        Dataset<Row> checked = Validation.withQuarantineReasons(fresh, rules).persist(StorageLevel.MEMORY_AND_DISK());
        try {
            Dataset<Row> bad = checked.filter(org.apache.spark.sql.functions.not(Validation.isUsable()))
                    .select(col("program"), col("source_table"), col("_source_path"), col("_content_hash"), col("_row_number"),
                            col("quarantine_reasons"), lit(ctx.runId()).as("run_id"));
            long quarantined = ctx.lake().merge(bad, QUARANTINE, List.of("source_table", "_content_hash", "_row_number"), List.of("program"));
            ctx.report().quarantined(QUARANTINE.toString(), quarantined);

            // A record re-exported later replaces its earlier export.
            var latestExport = Window.partitionBy("program", "record_id")
                    .orderBy(col("_export_date").desc_nulls_last(), col("_ingested_at").desc(), col("_row_number").desc());
            Dataset<Row> usable = Validation.withFieldIssues(checked.filter(Validation.isUsable()), rules)
                    .withColumn("_rank", row_number().over(latestExport)).filter(col("_rank").equalTo(1)).drop("_rank", "quarantine_reasons")
                    .withColumn("normalized_address", ADDRESS_KEY.apply(col("street"), col("unit"), col("zip")));
            long in = checked.count();
            long merged = ctx.lake().merge(usable, RECORDS, List.of("program", "record_id"), List.of("program"));
            ctx.report().written(RECORDS.toString(), merged);
            ctx.report().note("reconciled: " + in + " rows in = " + (in - quarantined) + " usable + " + quarantined + " quarantined");
        } finally {
            checked.unpersist();
        }
    }

    /**
     * Identity, pseudonyms and eligibility for each whole program, replacing the programs' slices of
     * the analytic tables: every program in one commit per table, since a commit costs seconds
     * whatever its size.
     */
    private void derivePrograms(JobContext ctx, List<Settings.ProgramSettings> programs, Pseudonyms pseudonyms,
                                Dataset<Row> limits, int largestSize) {
        List<Dataset<Row>> cached = new ArrayList<>();
        Dataset<Row> keyMaps = null;
        Dataset<Row> applications = null;
        try {
            for (Settings.ProgramSettings program : programs) {
                Dataset<Row> records = withAwards(ctx, program, ctx.lake().read(RECORDS).filter(col("program").equalTo(program.code())));
                Dataset<Row> keyed = HouseholdIdentity.withHouseholdRep(records)
                        .withColumn("household_key", pseudonyms.of("household", concat(col("program"), lit(":"), col("household_rep"))))
                        .withColumn("record_key", pseudonyms.of("record", concat(col("program"), lit(":"), col("record_id"))))
                        .persist(StorageLevel.MEMORY_AND_DISK());
                cached.add(keyed);
                Dataset<Row> keyMap = keyed.select("program", "record_id", "record_key", "household_key", "household_rep");
                Dataset<Row> programApplications = applications(keyed, program, pseudonyms, limits, largestSize);
                keyMaps = keyMaps == null ? keyMap : keyMaps.unionByName(keyMap);
                applications = applications == null ? programApplications : applications.unionByName(programApplications);
            }
            applications = applications.persist(StorageLevel.MEMORY_AND_DISK());
            cached.add(applications);
            String slice = "program IN (" + programs.stream().map(p -> "'" + p.code() + "'").collect(Collectors.joining(", ")) + ")";
            ctx.lake().replaceWhere(keyMaps, KEY_MAP, slice, List.of("program"));
            ctx.lake().replaceWhere(applications, APPLICATIONS, slice, List.of("program"));
            ctx.report().written(APPLICATIONS.toString(), applications.count());
            // Resubmissions in one season collapse to the latest; the history stays in applications.
            var season = Window.partitionBy("program", "program_year", "household_key")
                    .orderBy(col("application_date").desc(), col("record_key").desc());
            Dataset<Row> enrolments = applications
                    .withColumn("submissions", count(lit(1)).over(Window.partitionBy("program", "program_year", "household_key")))
                    .withColumn("_rank", row_number().over(season)).filter(col("_rank").equalTo(1)).drop("_rank")
                    .persist(StorageLevel.MEMORY_AND_DISK());
            cached.add(enrolments);
            ctx.lake().replaceWhere(enrolments, ENROLMENTS, slice, List.of("program"));
            ctx.report().written(ENROLMENTS.toString(), enrolments.count());
        } finally {
            cached.forEach(Dataset::unpersist);
        }
    }

    /** Each record's application row: eligibility decided, pseudonymous keys in place of identifiers. */
    private static Dataset<Row> applications(Dataset<Row> keyed, Settings.ProgramSettings program, Pseudonyms pseudonyms,
                                             Dataset<Row> limits, int largestSize) {
        return Eligibility.withIncomeEligibility(keyed, limits, largestSize)
                .select(col("program"), col("program_year"), col("record_key"),
                        col("household_key"), col("application_date"), col("status"),
                        col("status").isin(awardedStatuses(program).toArray()).as("is_awarded"),
                        col("award_amount"), col("household_size"), col("children_count"), col("income_annual"),
                        col("income_low"), col("income_high"), col("income_basis"), col("income_limit"),
                        col("is_income_eligible"), col("eligibility_basis"), col("language"), col("race_ethnicity"),
                        col("site"), pseudonyms.of("address", col("normalized_address")).as("address_key"),
                        col("field_issues"), col("source_table"), col("_content_hash"), col("_row_number"));
    }

    /**
     * For programs whose awards come in their own export: the latest award of each record sets its
     * status and amount. Read whole each run, since an award may come years after its application.
     */
    private static Dataset<Row> withAwards(JobContext ctx, Settings.ProgramSettings program, Dataset<Row> records) {
        if (!program.config().hasPath("awards")) {
            return records;
        }
        var awards = program.config().getConfig("awards");
        TableId table = new TableId("bronze", awards.getString("table"));
        if (!ctx.lake().exists(table)) {
            return records;
        }
        var latest = Window.partitionBy("_award_record").orderBy(col("_ingested_at").desc(), col("_row_number").desc());
        Dataset<Row> decided = ctx.lake().read(table)
                .select(Standardize.text(col(awards.getString("record-id"))).as("_award_record"),
                        Standardize.amount(col(awards.getString("amount"))).as("_award_amount"), col("_ingested_at"), col("_row_number"))
                .filter(col("_award_record").isNotNull())
                .withColumn("_rank", row_number().over(latest)).filter(col("_rank").equalTo(1)).drop("_rank", "_ingested_at", "_row_number");
        return records.join(decided, records.col("record_id").equalTo(decided.col("_award_record")), "left")
                .withColumn("status", org.apache.spark.sql.functions.when(col("_award_record").isNotNull(), lit(awards.getString("status")))
                        .otherwise(col("status")))
                .withColumn("award_amount", org.apache.spark.sql.functions.coalesce(col("_award_amount"), col("award_amount")))
                .drop("_award_record", "_award_amount");
    }

    private static List<String> awardedStatuses(Settings.ProgramSettings program) {
        return program.config().getStringList("awarded-statuses");
    }

    /** The latest delivered income limits, typed; also kept as silver.income_limits. */
    private Dataset<Row> incomeLimits(JobContext ctx) {
        if (!ctx.lake().exists(BRONZE_INCOME_LIMITS)) {
            throw new IllegalStateException(BRONZE_INCOME_LIMITS + " is missing: ingest the income limits before clean");
        }
        Dataset<Row> bronze = ctx.lake().read(BRONZE_INCOME_LIMITS);
        var latest = Window.partitionBy("program", "year", "household_size").orderBy(col("_ingested_at").desc(), col("_row_number").desc());
        Dataset<Row> typed = bronze.withColumn("_rank", row_number().over(latest)).filter(col("_rank").equalTo(1))
                .select(Standardize.text(col("program")).as("program"), Standardize.integer(col("year")).as("year"),
                        Standardize.integer(col("household_size")).as("household_size"),
                        Standardize.amount(col("income_limit")).as("income_limit"));
        ctx.lake().merge(typed, INCOME_LIMITS, List.of("program", "year", "household_size"), List.of());
        return ctx.lake().read(INCOME_LIMITS);
    }
}
