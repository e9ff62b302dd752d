package org.equitylake.jobs.ops;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.equitylake.contracts.Contract;
import org.equitylake.jobs.Job;
import org.equitylake.jobs.JobContext;
import org.equitylake.spark.TableId;

/**
 * Publishes the checked gold tables: their comments come from the contracts, and the Delta version
 * of each is recorded in {@code ops.publications}, so dashboards can read one consistent set
 * ({@code VERSION AS OF}) while the next night's run writes.
 */
public final class PublishJob implements Job {
    public static final TableId PUBLICATIONS = new TableId("ops", "publications");
    private static final StructType SCHEMA = new StructType()
            .add("run_id", DataTypes.StringType, false)
            .add("as_of", DataTypes.DateType, false)
            .add("table_name", DataTypes.StringType, false)
            .add("version", DataTypes.LongType, false)
            .add("published_at", DataTypes.TimestampType, false);

    @Override
    public String name() {
        return "publish";
    }

    @Override
    public void run(JobContext ctx) {
        List<Row> rows = new ArrayList<>();
        Timestamp now = Timestamp.from(Instant.now());
        for (Contract contract : ctx.contracts().inLayer("gold")) {
            TableId table = TableId.of(contract.requireCustom("table"));
            if (!ctx.lake().exists(table)) {
                throw new IllegalStateException(table + " does not exist: run indicators before publish");
            }
            ctx.lake().describe(table, contract.description(), contract.columnDescriptions());
            rows.add(RowFactory.create(ctx.runId(), java.sql.Date.valueOf(ctx.asOf()), table.toString(),
                    ctx.lake().version(table), now));
        }
        ctx.lake().append(ctx.spark().createDataFrame(rows, SCHEMA), PUBLICATIONS, List.of());
        ctx.report().written(PUBLICATIONS.toString(), rows.size());
    }
}
