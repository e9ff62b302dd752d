package org.equitylake.jobs.ops;

import static org.apache.spark.sql.functions.lit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.equitylake.contracts.Contract;
import org.equitylake.contracts.Contracts;
import org.equitylake.jobs.JobRunner;
import org.equitylake.spark.Lake;
import org.equitylake.spark.TableId;
import org.equitylake.testing.RunLog;
import org.equitylake.testing.SparkTestSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The contract check: what it calls a breach, and that any breach fails the run. */
class CheckJobTest {
    private static final TableId GEOCODES = TableId.of("silver.geocodes");

    /** An empty frame with the contract's columns and types. */
    private static Dataset<Row> conforming(SparkSession spark, Contract contract) {
        return spark.createDataFrame(List.of(), contract.sparkSchema());
    }

    @Test
    void aTableKeepingItsContractHasNoBreach() {
        Contract contract = Contracts.bundled().forTable(GEOCODES.toString());
        assertEquals(List.of(), CheckJob.breaches(contract, GEOCODES, conforming(SparkTestSession.get(), contract)));
    }

    @Test
    void aMissingColumnAWrongTypeAndANullWhereRequiredAreBreaches() {
        Contract contract = Contracts.bundled().forTable(GEOCODES.toString());
        StructType nullable = new StructType(Arrays.stream(contract.sparkSchema().fields())
                .map(f -> new StructField(f.name(), f.dataType(), true, f.metadata())).toArray(StructField[]::new));
        Dataset<Row> broken = SparkTestSession.get()
                .createDataFrame(List.of(RowFactory.create(new Object[nullable.size()])), nullable)
                .drop("match_method")
                .withColumn("is_in_city", lit("yes"));

        List<String> breaches = CheckJob.breaches(contract, GEOCODES, broken);

        assertTrue(breaches.contains("silver.geocodes.match_method is missing"), breaches.toString());
        assertTrue(breaches.contains("silver.geocodes.is_in_city is string, the contract says boolean"), breaches.toString());
        assertTrue(breaches.contains("silver.geocodes.address_key is required but null in 1 rows"), breaches.toString());
    }

    @Test
    void aLakeWithoutItsTablesFailsTheRunNamingEveryOne(@TempDir Path dir) {
        var settings = SparkTestSession.settings(dir.toString());
        JobRunner runner = new JobRunner(settings, SparkTestSession.get(), LocalDate.of(2024, 1, 2), Optional.empty());

        IllegalStateException failure = assertThrows(IllegalStateException.class, () -> runner.run(new CheckJob()));

        long contracted = Contracts.bundled().all().stream()
                .filter(c -> c.custom("table").isPresent() && !c.layer().equals("landing")).count();
        assertTrue(failure.getMessage().startsWith(contracted + " contract breaches, first: "), failure.getMessage());
        Lake lake = new Lake(SparkTestSession.get(), settings.lakeRoot());
        assertEquals("failed", RunLog.latestStatus(lake, "check"));
    }
}
