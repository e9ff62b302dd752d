package org.equitylake.jobs.gold;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.equitylake.contracts.Contract;
import org.equitylake.contracts.Contracts;
import org.equitylake.spark.Lake;
import org.equitylake.testing.SparkTestSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Lake.describe on a path-based Delta table sets the table and column comments from a gold contract. */
class LakeDescribeTest {
    @TempDir
    Path dir;

    @Test
    void commentsComeFromTheContract() {
        commentsComeFromTheContract(dir.toString());
    }

    /** The default lake root is relative (./lake); Delta's SQL only takes absolute paths as tables. */
    @Test
    void aRelativeLakeRootWorksInSql() {
        Path relative = Path.of("").toAbsolutePath().relativize(dir.toAbsolutePath());
        assertFalse(relative.isAbsolute());
        commentsComeFromTheContract("./" + relative);
    }

    private void commentsComeFromTheContract(String root) {
        SparkSession spark = SparkTestSession.get();
        Lake lake = new Lake(spark, root);
        Contract contract = Contracts.bundled().forTable("gold.disparity_index");
        lake.overwrite(Gold.frame(spark, contract, List.of(Gold.row().put("program", "p").put("year", 2024)
                .put("dimension", "language").put("groups_in_index", 0).put("groups_total", 0).put("method", "m"))),
                Gold.DISPARITY_INDEX, List.of("program"));
        long started = System.nanoTime();
        lake.describe(Gold.DISPARITY_INDEX, contract.description(), contract.columnDescriptions());
        System.out.printf("describe took %.1f s%n", (System.nanoTime() - started) / 1e9);

        String target = "delta.`" + lake.path(Gold.DISPARITY_INDEX) + "`";
        Row detail = spark.sql("DESCRIBE DETAIL " + target).select("description").first();
        assertEquals(contract.description(), detail.getString(0));
        Map<String, String> comments = new HashMap<>();
        for (Row r : spark.sql("DESCRIBE TABLE " + target).collectAsList()) {
            comments.putIfAbsent(r.getString(0), r.getString(2));
        }
        contract.columnDescriptions().forEach((column, description) -> assertEquals(description, comments.get(column), column));

        long version = lake.version(Gold.DISPARITY_INDEX);
        assertEquals(0, lake.describe(Gold.DISPARITY_INDEX, contract.description(), contract.columnDescriptions()));
        assertEquals(version, lake.version(Gold.DISPARITY_INDEX), "describing again commits nothing");
    }
}
