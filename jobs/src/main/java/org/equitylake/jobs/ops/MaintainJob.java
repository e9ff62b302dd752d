package org.equitylake.jobs.ops;

import io.delta.tables.DeltaTable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.equitylake.jobs.Job;
import org.equitylake.jobs.JobContext;
import org.equitylake.jobs.SideBySide;
import org.equitylake.spark.TableId;

/** Weekly upkeep: compacts small files (OPTIMIZE) and removes unreferenced ones older than the retention (VACUUM). */
public final class MaintainJob implements Job {
    /** A week: readers of older snapshots and the change feed's consumers need the files that long. */
    public static final int MINIMUM_RETENTION_HOURS = 168;

    private static final int TABLES_AT_ONCE = 4;

    private final int retentionHours;

    public MaintainJob(int retentionHours) {
        if (retentionHours < MINIMUM_RETENTION_HOURS) {
            throw new IllegalArgumentException("VACUUM retention must be at least " + MINIMUM_RETENTION_HOURS
                    + " hours (7 days), was " + retentionHours);
        }
        this.retentionHours = retentionHours;
    }

    @Override
    public String name() {
        return "maintain";
    }

    /** Never skipped: what VACUUM may delete depends on the clock. */
    @Override
    public boolean skipsWhenUnchanged() {
        return false;
    }

    @Override
    public void run(JobContext ctx) {
        // VACUUM lists files with this many tasks; Spark's default of 10,000 makes every table cost
        // minutes of empty tasks on a small cluster. A few tasks per core list a city's lake quickly.
        var conf = ctx.spark().conf();
        String listingParallelism = "spark.sql.sources.parallelPartitionDiscovery.parallelism";
        String before = conf.get(listingParallelism, null);
        conf.set(listingParallelism, String.valueOf(Math.max(2, 2 * ctx.spark().sparkContext().defaultParallelism())));
        try {
            List<TableId> tables = tables(ctx);
            // Tables are independent: each thread compacts and vacuums its own.
            SideBySide.run(TABLES_AT_ONCE, tables.stream().<Runnable>map(table -> () -> {
                String path = ctx.lake().path(table);
                DeltaTable.forPath(ctx.spark(), path).optimize().executeCompaction();
                vacuum(ctx, table);
                ctx.report().note("optimized and vacuumed " + table);
            }).toList());
        } finally {
            if (before == null) {
                conf.unset(listingParallelism);
            } else {
                conf.set(listingParallelism, before);
            }
        }
    }

    /**
     * VACUUM LITE: the files to delete come from the log's remove actions, not from listing the
     * table's folder. FULL when the log no longer reaches back to the last vacuum.
     */
    private void vacuum(JobContext ctx, TableId table) {
        String target = "delta.`" + ctx.lake().path(table) + "`";
        try {
            ctx.spark().sql("VACUUM " + target + " LITE RETAIN " + retentionHours + " HOURS");
        } catch (RuntimeException e) {
            if (!String.valueOf(e.getMessage()).contains("DELTA_CANNOT_VACUUM_LITE")) {
                throw e;
            }
            ctx.report().note(table + ": the log does not list every removed file, so VACUUM FULL");
            ctx.spark().sql("VACUUM " + target + " FULL RETAIN " + retentionHours + " HOURS");
        }
    }

    /** Every Delta table under the lake root, found by its _delta_log folder. */
    static List<TableId> tables(JobContext ctx) {
        List<TableId> out = new ArrayList<>();
        try {
            Path root = new Path(ctx.lake().root());
            FileSystem fs = root.getFileSystem(ctx.spark().sparkContext().hadoopConfiguration());
            if (!fs.exists(root)) {
                return out;
            }
            for (FileStatus schema : fs.listStatus(root)) {
                if (!schema.isDirectory() || schema.getPath().getName().startsWith("_")) {
                    continue;
                }
                for (FileStatus table : fs.listStatus(schema.getPath())) {
                    if (table.isDirectory() && fs.exists(new Path(table.getPath(), "_delta_log"))) {
                        out.add(new TableId(schema.getPath().getName(), table.getPath().getName()));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the lake " + ctx.lake().root(), e);
        }
        out.sort(java.util.Comparator.comparing(TableId::toString));
        return out;
    }
}
