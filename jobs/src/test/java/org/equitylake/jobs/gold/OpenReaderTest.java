package org.equitylake.jobs.gold;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.equitylake.contracts.Contracts;
import org.equitylake.jobs.PipelineFixture;
import org.equitylake.jobs.TableFingerprint;
import org.equitylake.spark.Lake;
import org.equitylake.spark.TableId;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every gold table of the shared sample-city lake is readable without Spark: Delta Kernel reads
 * all its columns and rows, and they are the rows Spark reads (same count, same order-free checksum).
 */
class OpenReaderTest {
    static Lake lake;
    static final KernelReader KERNEL = new KernelReader();

    @BeforeAll
    static void buildLake() {
        lake = PipelineFixture.upTo("indicators").lake();
    }

    /** The gold tables as the contracts name them, so a new table is covered without touching this test. */
    static Stream<String> goldTables() {
        return Contracts.bundled().inLayer("gold").stream().map(c -> c.requireCustom("table")).sorted();
    }

    @ParameterizedTest
    @MethodSource("goldTables")
    void kernelReadsWhatSparkReads(String table) {
        TableId id = TableId.of(table);
        assertTrue(lake.exists(id), table + " exists");
        Dataset<Row> spark = lake.read(id);
        TableFingerprint expected = TableFingerprint.of(spark);

        KernelReader.Result kernel = KERNEL.read(lake.path(id));

        assertEquals(List.of(spark.columns()), kernel.columns(), table + ": columns");
        assertEquals(expected.rows(), kernel.fingerprint().rows(), table + ": rows");
        assertEquals(expected, kernel.fingerprint(), table + ": row checksum");
    }

    @Test
    void theChecksumSeesOneChangedValue() {
        Dataset<Row> first = lake.read(Gold.REACH).limit(1).cache();
        assertFalse(first.isEmpty(), "the sample city has reach rows");
        TableFingerprint one = TableFingerprint.of(first);
        assertEquals(one, TableFingerprint.of(first), "the same row gives the same fingerprint");
        assertNotEquals(one, TableFingerprint.of(first.withColumn("year", col("year").plus(1))), "a changed value");
        assertNotEquals(one, TableFingerprint.of(first.union(first)), "a duplicated row");
        first.unpersist();
    }
}
