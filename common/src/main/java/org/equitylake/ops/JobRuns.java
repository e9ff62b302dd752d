package org.equitylake.ops;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.equitylake.spark.Lake;
import org.equitylake.spark.TableId;

/** The run log: one row per job run in {@code ops.job_runs}, appended whether the run succeeded or not. */
public final class JobRuns {
    public static final TableId TABLE = new TableId("ops", "job_runs");

    public static final StructType SCHEMA = new StructType()
            .add("run_id", DataTypes.StringType, false)
            .add("job", DataTypes.StringType, false)
            .add("as_of", DataTypes.DateType, true)
            .add("status", DataTypes.StringType, false)
            .add("started_at", DataTypes.TimestampType, false)
            .add("ended_at", DataTypes.TimestampType, false)
            .add("duration_ms", DataTypes.LongType, false)
            .add("rows_read", DataTypes.createMapType(DataTypes.StringType, DataTypes.LongType), false)
            .add("rows_written", DataTypes.createMapType(DataTypes.StringType, DataTypes.LongType), false)
            .add("rows_quarantined", DataTypes.createMapType(DataTypes.StringType, DataTypes.LongType), false)
            .add("notes", DataTypes.createArrayType(DataTypes.StringType), false)
            .add("error", DataTypes.StringType, true)
            .add("spark_app_id", DataTypes.StringType, true)
            .add("build_version", DataTypes.StringType, false)
            .add("build_commit", DataTypes.StringType, false)
            .add("year", DataTypes.IntegerType, false)
            // Task I/O, shuffle and peak heap (ResourceMeter's keys); a map so that a new measure needs no migration.
            .add("resources", DataTypes.createMapType(DataTypes.StringType, DataTypes.LongType), true)
            // What the run depended on (Inputs): a later run with the same key and stamps has nothing to do.
            .add("run_key", DataTypes.StringType, true)
            .add("input_stamps", DataTypes.createMapType(DataTypes.StringType, DataTypes.StringType), true);

    /**
     * What a run's outputs depend on besides the code: {@code runKey} digests the build, settings and
     * scope; {@code stamps} are {@link Lake#stamp}s of the tables it read or wrote, taken when it ended.
     */
    public record Inputs(String runKey, Map<String, String> stamps) {}

    private JobRuns() {}

    public static void record(Lake lake, RunReport report, String status, Instant started, Instant ended, String error,
            Map<String, Long> resources, Inputs inputs) {
        BuildInfo build = BuildInfo.current();
        Row row = RowFactory.create(report.runId(), report.job(),
                report.asOf() == null ? null : java.sql.Date.valueOf(report.asOf()), status,
                Timestamp.from(started), Timestamp.from(ended), ended.toEpochMilli() - started.toEpochMilli(),
                report.readCounts(), report.writtenCounts(), report.quarantinedCounts(), report.notes(), error,
                lake.spark().sparkContext().applicationId(), build.version(), build.commit(),
                started.atZone(java.time.ZoneOffset.UTC).getYear(), resources,
                inputs == null ? null : inputs.runKey(), inputs == null ? null : inputs.stamps());
        Dataset<Row> frame = lake.spark().createDataFrame(List.of(row), SCHEMA);
        // Lakes written before a column existed (resources, run_key, input_stamps) gain it on their next run.
        lake.appendMergingSchema(frame, TABLE, List.of("year"));
    }
}
