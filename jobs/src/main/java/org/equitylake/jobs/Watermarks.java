package org.equitylake.jobs;

import static org.apache.spark.sql.functions.col;

import java.sql.Timestamp;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.equitylake.spark.Lake;
import org.equitylake.spark.TableId;

/**
 * How far a job has read an append-only source: the latest {@code _ingested_at} it processed.
 * Moved only after the job's writes commit, so a crash means re-reading (and idempotent re-merging), never skipping.
 */
public final class Watermarks {
    public static final TableId TABLE = new TableId("ops", "watermarks");
    private static final StructType SCHEMA = new StructType()
            .add("job", DataTypes.StringType, false)
            .add("source", DataTypes.StringType, false)
            .add("ingested_at", DataTypes.TimestampType, false);

    private final Lake lake;

    public Watermarks(Lake lake) {
        this.lake = lake;
    }

    public Optional<Timestamp> get(String job, String source) {
        if (!lake.exists(TABLE)) {
            return Optional.empty();
        }
        List<Row> rows = lake.read(TABLE).filter(col("job").equalTo(job).and(col("source").equalTo(source)))
                .select("ingested_at").collectAsList();
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0).getTimestamp(0));
    }

    public void set(String job, String source, Timestamp ingestedAt) {
        setAll(job, Map.of(source, ingestedAt));
    }

    /** Moves the job's marks of several sources in one commit. */
    public void setAll(String job, Map<String, Timestamp> ingestedAtBySource) {
        if (ingestedAtBySource.isEmpty()) {
            return;
        }
        List<Row> rows = ingestedAtBySource.entrySet().stream()
                .map(e -> RowFactory.create(job, e.getKey(), e.getValue())).toList();
        lake.merge(lake.spark().createDataFrame(rows, SCHEMA), TABLE, List.of("job", "source"), List.of());
    }
}
