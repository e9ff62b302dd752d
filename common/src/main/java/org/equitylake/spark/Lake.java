package org.equitylake.spark;

import io.delta.tables.DeltaTable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/** Path-based Delta tables under one lake root; every write here is idempotent or transactional. */
public final class Lake {
    /** A commit file of the Delta log: its number is the table version it made. */
    private static final Pattern COMMIT = Pattern.compile("(\\d{20})\\.json");
    /** Marks a table that did not exist when its stamp was taken. */
    public static final String ABSENT = "absent";

    private final SparkSession spark;
    private final String root;
    /** Every table looked at through this instance, for the runner's record of what a run depended on. */
    private final Set<TableId> touched = ConcurrentHashMap.newKeySet();

    public Lake(SparkSession spark, String root) {
        this.spark = spark;
        this.root = absolute(root.endsWith("/") ? root.substring(0, root.length() - 1) : root);
    }

    /**
     * A local root made absolute: Delta takes {@code delta.`path`} in SQL (comments, DESCRIBE) as a path
     * only when it is absolute, so the default {@code ./lake} would otherwise fail as an unknown table.
     */
    static String absolute(String root) {
        if (root.matches("^[A-Za-z][A-Za-z0-9+.-]*:.*")) {
            return root; // s3a://, file:/, hdfs://: already says where it is
        }
        return java.nio.file.Path.of(root).toAbsolutePath().normalize().toString();
    }

    public SparkSession spark() {
        return spark;
    }

    public String root() {
        return root;
    }

    public String path(TableId table) {
        return root + "/" + table.schema() + "/" + table.name();
    }

    public boolean exists(TableId table) {
        touched.add(table);
        return DeltaTable.isDeltaTable(spark, path(table));
    }

    public Dataset<Row> read(TableId table) {
        touched.add(table);
        return spark.read().format("delta").load(path(table));
    }

    /** The tables this instance has checked, read or written so far. */
    public Set<TableId> touched() {
        return Set.copyOf(touched);
    }

    /**
     * A stamp of the table's latest commit, {@code version@commit-file-time}, or {@link #ABSENT}: equal
     * stamps mean an unchanged table. From one listing of the log, without loading a snapshot; the
     * file time tells a table deleted and written again from the one it replaced.
     */
    public String stamp(TableId table) {
        touched.add(table);
        Path log = new Path(path(table), "_delta_log");
        try {
            FileSystem fs = log.getFileSystem(spark.sparkContext().hadoopConfiguration());
            if (!fs.exists(log)) {
                return ABSENT;
            }
            long version = -1;
            long time = 0;
            for (FileStatus file : fs.listStatus(log)) {
                Matcher m = COMMIT.matcher(file.getPath().getName());
                if (m.matches() && Long.parseLong(m.group(1)) > version) {
                    version = Long.parseLong(m.group(1));
                    time = file.getModificationTime();
                }
            }
            return version < 0 ? ABSENT : version + "@" + time;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the log of " + table, e);
        }
    }

    /** {@link #stamp} of each table, by qualified name. */
    public Map<String, String> stamps(Set<TableId> tables) {
        Map<String, String> out = new TreeMap<>();
        tables.forEach(t -> out.put(t.toString(), stamp(t)));
        return out;
    }

    /** The table, or an empty frame of the given schema when it has never been written. */
    public Dataset<Row> readOrEmpty(TableId table, StructType schema) {
        return exists(table) ? read(table) : spark.createDataFrame(List.of(), schema);
    }

    /**
     * Appends once per (appId, version): Delta records the pair in the log and skips a repeat,
     * so a crashed run that is re-run does not append twice.
     */
    public void appendOnce(Dataset<Row> rows, TableId table, String appId, long version, List<String> partitionBy) {
        var writer = rows.write().format("delta").mode("append")
                .option("txnAppId", appId).option("txnVersion", version);
        if (!exists(table) && !partitionBy.isEmpty()) {
            writer = writer.partitionBy(partitionBy.toArray(String[]::new));
        }
        writer.save(path(table));
    }

    public void append(Dataset<Row> rows, TableId table, List<String> partitionBy) {
        var writer = rows.write().format("delta").mode("append");
        if (!exists(table) && !partitionBy.isEmpty()) {
            writer = writer.partitionBy(partitionBy.toArray(String[]::new));
        }
        writer.save(path(table));
    }

    /** Appends, adding any new column of {@code rows} to the table (for tables whose schema grows over releases). */
    public void appendMergingSchema(Dataset<Row> rows, TableId table, List<String> partitionBy) {
        var writer = rows.write().format("delta").mode("append").option("mergeSchema", "true");
        if (!exists(table) && !partitionBy.isEmpty()) {
            writer = writer.partitionBy(partitionBy.toArray(String[]::new));
        }
        writer.save(path(table));
    }

    public void overwrite(Dataset<Row> rows, TableId table, List<String> partitionBy) {
        touched.add(table);
        var writer = rows.write().format("delta").mode("overwrite").option("overwriteSchema", "true");
        if (!partitionBy.isEmpty()) {
            writer = writer.partitionBy(partitionBy.toArray(String[]::new));
        }
        writer.save(path(table));
    }

    /** Replaces exactly the rows matching {@code predicate}: a re-run of a slice gives the same table. */
    public void replaceWhere(Dataset<Row> rows, TableId table, String predicate, List<String> partitionBy) {
        if (!exists(table)) {
            overwrite(rows, table, partitionBy);
            return;
        }
        rows.write().format("delta").mode("overwrite").option("replaceWhere", predicate).save(path(table));
    }

    /**
     * Upserts on the key columns. Source rows identical to a target row are left out first, so a
     * re-run commits nothing and rewrites no files (and the change feed shows no false updates).
     * Returns the number of rows inserted or updated.
     */
    public long merge(Dataset<Row> rows, TableId table, List<String> keys, List<String> partitionBy) {
        if (!exists(table)) {
            overwrite(rows, table, partitionBy);
            return lastCommitOutputRows(table);
        }
        Dataset<Row> target = read(table);
        org.apache.spark.sql.Column same = null;
        for (String c : rows.columns()) {
            org.apache.spark.sql.Column eq = rows.col(c).eqNullSafe(target.col(c));
            same = same == null ? eq : same.and(eq);
        }
        Dataset<Row> changes = rows.join(target, same, "left_anti").persist(org.apache.spark.storage.StorageLevel.MEMORY_AND_DISK());
        try {
            long changed = changes.count();
            if (changed == 0) {
                return 0;
            }
            String on = keys.stream().map(k -> "t.`" + k + "` <=> s.`" + k + "`").collect(Collectors.joining(" AND "));
            DeltaTable.forPath(spark, path(table)).as("t").merge(changes.as("s"), on)
                    .whenMatched().updateAll().whenNotMatched().insertAll().execute();
            return changed;
        } finally {
            changes.unpersist();
        }
    }

    /** The table's current version, from a listing of its log (no Spark job). */
    public long version(TableId table) {
        String stamp = stamp(table);
        if (stamp.equals(ABSENT)) {
            throw new IllegalArgumentException(table + " is not a Delta table");
        }
        return Long.parseLong(stamp.substring(0, stamp.indexOf('@')));
    }

    /** Rows the table's latest commit wrote (Delta's operation metrics), 0 when it wrote none. */
    public long lastCommitOutputRows(TableId table) {
        Row last = DeltaTable.forPath(spark, path(table)).history(1).select("operationMetrics").first();
        scala.collection.Map<String, String> metrics = last.getMap(0);
        if (metrics == null) {
            return 0;
        }
        scala.Option<String> rows = metrics.get("numOutputRows");
        return rows.isDefined() ? Long.parseLong(rows.get()) : 0;
    }

    /**
     * Sets table and column comments, so catalogs and BI tools show the contract's descriptions. Only the
     * comments that differ are changed: each ALTER is a Delta commit, and a nightly re-publish of
     * unchanged contracts should commit nothing.
     */
    public int describe(TableId table, String tableComment, Map<String, String> columnComments) {
        touched.add(table);
        String target = "delta.`" + path(table) + "`";
        int changed = 0;
        // The log's metadata, not DESCRIBE DETAIL: that also counts the table's files, a Spark job per call.
        org.apache.spark.sql.delta.Snapshot snapshot = org.apache.spark.sql.delta.DeltaLog.forTable(spark, path(table))
                .update(false, scala.Option.empty(), scala.Option.empty());
        if (!tableComment.equals(snapshot.metadata().description())) {
            spark.sql("COMMENT ON TABLE " + target + " IS " + sqlString(tableComment));
            changed++;
        }
        Map<String, String> comments = new java.util.HashMap<>();
        for (StructField field : snapshot.schema().fields()) {
            comments.put(field.name(), field.getComment().isDefined() ? field.getComment().get() : null);
        }
        for (Map.Entry<String, String> wanted : columnComments.entrySet()) {
            if (comments.containsKey(wanted.getKey()) && !wanted.getValue().equals(comments.get(wanted.getKey()))) {
                spark.sql("ALTER TABLE " + target + " ALTER COLUMN `" + wanted.getKey() + "` COMMENT " + sqlString(wanted.getValue()));
                changed++;
            }
        }
        return changed;
    }

    private static String sqlString(String s) {
        return "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }
}
