package org.equitylake.jobs.silver;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.equitylake.testing.SparkTestSession;
import org.junit.jupiter.api.Test;

class HouseholdRootsTest {
    private final SparkSession spark = SparkTestSession.get();

    @Test
    void longChainsAndStarsGetTheirSmallestIdAsRoot() {
        // Households whose matches form chains in shuffled id order (the worst case for taking the
        // neighbours' smallest root one link per pass), a star, a single pair and a cycle.
        Random random = new Random(7);
        List<Row> edges = new ArrayList<>();
        Map<String, String> expected = new HashMap<>();
        for (int household = 0; household < 3; household++) {
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                ids.add(String.format("h%d-%03d", household, i));
            }
            Collections.shuffle(ids, random);
            for (int i = 1; i < ids.size(); i++) {
                edges.add(RowFactory.create(ids.get(i - 1), ids.get(i)));
            }
            ids.forEach(id -> expected.put(id, Collections.min(ids)));
        }
        for (String leaf : List.of("s-b", "s-c", "s-d")) {
            edges.add(RowFactory.create("s-z", leaf));
            expected.put(leaf, "s-b");
        }
        expected.put("s-z", "s-b");
        edges.add(RowFactory.create("p-2", "p-1"));
        expected.put("p-1", "p-1");
        expected.put("p-2", "p-1");
        for (String[] e : new String[][] {{"c-3", "c-1"}, {"c-1", "c-2"}, {"c-2", "c-3"}}) {
            edges.add(RowFactory.create(e[0], e[1]));
            expected.put(e[0], "c-1");
        }
        StructType schema = new StructType().add("id1", DataTypes.StringType).add("id2", DataTypes.StringType);

        Map<String, String> roots = new HashMap<>();
        for (Row r : HouseholdIdentity.rootsInSpark(spark.createDataFrame(edges, schema)).collectAsList()) {
            roots.put(r.getString(0), r.getString(1));
        }

        assertEquals(expected, roots);
    }
}
