package org.equitylake.jobs.silver;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.array_compact;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.udf;
import static org.apache.spark.sql.functions.when;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.api.java.UDF3;
import org.apache.spark.sql.api.java.UDF4;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.equitylake.geo.AddressNormalizer;
import org.equitylake.geo.NormalizedAddress;
import org.equitylake.identity.NameMatch;
import org.equitylake.identity.Names;

/**
 * One stable key per household across years and resubmissions. Records are compared only within
 * blocks that share a phone, an email, a dwelling (street address and unit), or a child's birth date with a similar
 * surname; a pair matches on a strong name similarity plus at least one shared identifier, or a
 * fair one plus two. Matches are joined transitively (union-find).
 */
public final class HouseholdIdentity {
    /** Name similarity (NameMatch: accent-, nickname- and swap-aware Jaro-Winkler) that needs one more shared identifier. */
    public static final double STRONG_NAME = 0.95;
    /** Name similarity that needs two shared identifiers. */
    public static final double FAIR_NAME = 0.85;
    /** Blocks larger than this (a shelter's phone, a shared office address) are left out: too costly and too weak. */
    public static final int MAX_BLOCK = 200;

    private static final UserDefinedFunction NAME_SCORE = udf(
            (UDF4<String, String, String, String, Double>) NameMatch::score, DataTypes.DoubleType);
    /** The dwelling: house number, street and unit, without the ZIP (often wrong or missing). */
    private static final UserDefinedFunction DWELLING = udf((UDF3<String, String, String, String>) (street, unit, zip) -> {
        NormalizedAddress a = AddressNormalizer.parseLine(org.equitylake.jobs.geocode.AddressParts.line(street, unit), zip);
        if (a.problem() != null || a.houseNumber() == null) {
            return null;
        }
        return a.houseNumber() + "|" + a.streetKey() + "|" + (a.unitNumber() == null ? "" : a.unitNumber());
    }, DataTypes.StringType);
    private static final UserDefinedFunction SOUNDEX = udf(
            (org.apache.spark.sql.api.java.UDF1<String, String>) Names::soundex, DataTypes.StringType);

    private HouseholdIdentity() {}

    /**
     * Adds {@code household_rep}: the record id of the household's first record (earliest
     * application, then smallest id), the same whichever order the records arrived in.
     * Needs record_id, first_name, last_name, phone, email, street, unit, zip, child_birth_date, application_date.
     */
    public static Dataset<Row> withHouseholdRep(Dataset<Row> records) {
        Dataset<Row> features = records.select(col("record_id"), col("first_name"), col("last_name"), col("phone"),
                        col("email"), col("child_birth_date"), DWELLING.apply(col("street"), col("unit"), col("zip")).as("dwelling"),
                        SOUNDEX.apply(col("last_name")).as("last_soundex"), SOUNDEX.apply(col("first_name")).as("first_soundex"))
                .persist();
        try {
            Dataset<Row> blocks = features.select(col("record_id"), explode(array_compact(array(
                    keyed("p:", col("phone")), keyed("e:", col("email")), keyed("a:", col("dwelling")),
                    keyed("b:", concat(col("child_birth_date").cast("string"), lit(":"), col("last_soundex"))),
                    keyed("b:", concat(col("child_birth_date").cast("string"), lit(":"), col("first_soundex")))))).as("block"));
            Dataset<Row> sizes = blocks.groupBy("block").agg(count(lit(1)).as("n")).filter(col("n").between(2, MAX_BLOCK));
            Dataset<Row> members = blocks.join(sizes.select("block"), "block");
            Dataset<Row> pairs = members.as("l").join(members.as("r"),
                            col("l.block").equalTo(col("r.block")).and(col("l.record_id").lt(col("r.record_id"))))
                    .select(col("l.record_id").as("id1"), col("r.record_id").as("id2")).distinct();
            Dataset<Row> scored = pairs
                    .join(features.toDF(suffixed(features, "1")), col("id1").equalTo(col("record_id1")))
                    .join(features.toDF(suffixed(features, "2")), col("id2").equalTo(col("record_id2")));
            Column shared = same("phone").plus(same("email")).plus(same("dwelling")).plus(same("child_birth_date"));
            Column nameScore = NAME_SCORE.apply(col("first_name1"), col("last_name1"), col("first_name2"), col("last_name2"));
            List<Row> edges = scored.withColumn("shared", shared).withColumn("name_score", nameScore)
                    .filter(col("name_score").geq(STRONG_NAME).and(col("shared").geq(1))
                            .or(col("name_score").geq(FAIR_NAME).and(col("shared").geq(2))))
                    .select("id1", "id2").collectAsList();
            Dataset<Row> components = components(records, edges);
            Dataset<Row> withComponent = records.join(components, "record_id");
            var byComponent = Window.partitionBy("component").orderBy(col("application_date").asc_nulls_last(), col("record_id"));
            return withComponent
                    .withColumn("household_rep", org.apache.spark.sql.functions.first(col("record_id")).over(byComponent))
                    .drop("component");
        } finally {
            features.unpersist();
        }
    }

    private static Column keyed(String prefix, Column value) {
        return when(value.isNotNull(), concat(lit(prefix), value));
    }

    private static Column same(String field) {
        return when(col(field + "1").isNotNull().and(col(field + "1").equalTo(col(field + "2"))), 1).otherwise(0);
    }

    private static String[] suffixed(Dataset<Row> frame, String suffix) {
        return java.util.Arrays.stream(frame.columns()).map(c -> c + suffix).toArray(String[]::new);
    }

    /** Union-find over the matched pairs on the driver: pairs are few next to records. */
    private static Dataset<Row> components(Dataset<Row> records, List<Row> edges) {
        Map<String, String> parent = new HashMap<>();
        for (Row e : edges) {
            union(parent, e.getString(0), e.getString(1));
        }
        List<Row> rows = parent.keySet().stream().map(id -> RowFactory.create(id, find(parent, id))).toList();
        StructType schema = new StructType().add("record_id", DataTypes.StringType, false).add("root", DataTypes.StringType, false);
        Dataset<Row> linked = records.sparkSession().createDataFrame(rows, schema);
        return records.select("record_id").distinct().join(linked, "record_id", "left")
                .select(col("record_id"), org.apache.spark.sql.functions.coalesce(col("root"), col("record_id")).as("component"));
    }

    private static String find(Map<String, String> parent, String id) {
        String root = id;
        while (!parent.getOrDefault(root, root).equals(root)) {
            root = parent.get(root);
        }
        String node = id;
        while (!node.equals(root)) {
            String next = parent.get(node);
            parent.put(node, root);
            node = next;
        }
        return root;
    }

    private static void union(Map<String, String> parent, String a, String b) {
        parent.putIfAbsent(a, a);
        parent.putIfAbsent(b, b);
        String ra = find(parent, a);
        String rb = find(parent, b);
        if (!ra.equals(rb)) {
            // The smaller id becomes the root, so the result does not depend on edge order.
            if (ra.compareTo(rb) < 0) {
                parent.put(rb, ra);
            } else {
                parent.put(ra, rb);
            }
        }
    }
}
