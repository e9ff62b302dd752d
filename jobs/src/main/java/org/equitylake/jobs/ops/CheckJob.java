package org.equitylake.jobs.ops;

import static org.apache.spark.sql.functions.col;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructField;
import org.equitylake.contracts.Contract;
import org.equitylake.jobs.Job;
import org.equitylake.jobs.JobContext;
import org.equitylake.jobs.SideBySide;
import org.equitylake.spark.TableId;

/**
 * Holds every silver and gold table to its contract: it exists, has each contracted column with
 * the contracted type, and no nulls where the contract requires a value. Fails the run on any breach.
 */
public final class CheckJob implements Job {
    private static final int CHECKERS = 4;

    @Override
    public String name() {
        return "check";
    }

    @Override
    public void run(JobContext ctx) {
        List<TableId> tables = new ArrayList<>();
        List<Contract> contracts = new ArrayList<>();
        for (Contract contract : ctx.contracts().all()) {
            if (contract.custom("table").isPresent() && !contract.layer().equals("landing")) {
                tables.add(TableId.of(contract.custom("table").get()));
                contracts.add(contract);
            }
        }
        // Each table costs a snapshot and a small scan, mostly latency: several at once.
        List<List<String>> found = new ArrayList<>(Collections.nCopies(tables.size(), List.of()));
        SideBySide.run(CHECKERS, IntStream.range(0, tables.size()).<Runnable>mapToObj(i -> () -> found.set(i,
                ctx.lake().exists(tables.get(i)) ? breaches(contracts.get(i), tables.get(i), ctx.lake().read(tables.get(i)))
                        : List.of(tables.get(i) + " does not exist"))).toList());
        List<String> breaches = found.stream().flatMap(List::stream).toList();
        ctx.report().note(tables.size() + " tables checked against their contracts, " + breaches.size() + " breaches");
        breaches.forEach(b -> ctx.report().note("breach: " + b));
        if (!breaches.isEmpty()) {
            throw new IllegalStateException(breaches.size() + " contract breaches, first: " + breaches.get(0));
        }
    }

    /** What a table does against its contract; empty when it keeps it. */
    public static List<String> breaches(Contract contract, TableId table, Dataset<Row> rows) {
        List<String> out = new ArrayList<>();
        List<StructField> fields = Arrays.asList(rows.schema().fields());
        List<String> required = new ArrayList<>();
        for (StructField expected : contract.sparkSchema().fields()) {
            StructField actual = fields.stream().filter(f -> f.name().equals(expected.name())).findFirst().orElse(null);
            if (actual == null) {
                out.add(table + "." + expected.name() + " is missing");
            } else if (!actual.dataType().sameType(expected.dataType())) {
                out.add(table + "." + expected.name() + " is " + actual.dataType().simpleString()
                        + ", the contract says " + expected.dataType().simpleString());
            } else if (!expected.nullable()) {
                required.add(expected.name());
            }
        }
        if (!required.isEmpty()) {
            // One pass over the table counts the nulls of every required column.
            Row nulls = rows.agg(org.apache.spark.sql.functions.count_if(col("`" + required.get(0) + "`").isNull()),
                    required.stream().skip(1).map(c -> org.apache.spark.sql.functions.count_if(col("`" + c + "`").isNull()))
                            .toArray(org.apache.spark.sql.Column[]::new)).first();
            for (int i = 0; i < required.size(); i++) {
                if (nulls.getLong(i) > 0) {
                    out.add(table + "." + required.get(i) + " is required but null in " + nulls.getLong(i) + " rows");
                }
            }
        }
        return out;
    }
}
