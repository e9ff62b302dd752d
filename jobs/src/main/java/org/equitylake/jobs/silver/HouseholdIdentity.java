package org.equitylake.jobs.silver;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.array_compact;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.udf;
import static org.apache.spark.sql.functions.when;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
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
 * fair one plus two. Records alike in every field compared are blocked and scored once, as one
 * profile. Matches are joined transitively: union-find on the driver, or label
 * propagation in Spark when the matches are too many for one JVM.
 */
public final class HouseholdIdentity {
    /** Name similarity (NameMatch: accent-, nickname- and swap-aware Jaro-Winkler) that needs one more shared identifier. */
    public static final double STRONG_NAME = 0.95;
    /** Name similarity that needs two shared identifiers. */
    public static final double FAIR_NAME = 0.85;
    /** Blocks larger than this (a shelter's phone, a shared office address) are left out: too costly and too weak. */
    public static final int MAX_BLOCK = 200;
    /** Matches up to this many are joined into households on the driver; more, and Spark joins them. */
    static final long DRIVER_EDGES = 1_000_000;

    private static final UserDefinedFunction NAME_SCORE = udf(
            (UDF4<String, String, String, String, Double>) NameMatch::scoreNormalized, DataTypes.DoubleType);
    private static final UserDefinedFunction NORMALIZED = udf(
            (org.apache.spark.sql.api.java.UDF1<String, String>) Names::normalize, DataTypes.StringType);
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
        return withHouseholdRep(records, DRIVER_EDGES);
    }

    /** As above, joining the matches on the driver only when there are at most {@code driverEdges} of them. */
    static Dataset<Row> withHouseholdRep(Dataset<Row> records, long driverEdges) {
        // A profile is every field the matcher reads. Records with one profile (a form resubmitted, the same
        // family the next year) are blocked and scored once, as one node: pairs grow with the square of a
        // block, and a household's many identical forms would otherwise fill its blocks.
        List<String> profileFields = List.of("first_name", "last_name", "phone", "email", "child_birth_date", "dwelling",
                "last_soundex", "first_soundex");
        var sameProfile = Window.partitionBy(profileFields.stream().map(org.apache.spark.sql.functions::col).toArray(Column[]::new));
        Dataset<Row> features = records.select(col("record_id"), NORMALIZED.apply(col("first_name")).as("first_name"),
                        NORMALIZED.apply(col("last_name")).as("last_name"), col("phone"),
                        col("email"), col("child_birth_date"), DWELLING.apply(col("street"), col("unit"), col("zip")).as("dwelling"),
                        SOUNDEX.apply(col("last_name")).as("last_soundex"), SOUNDEX.apply(col("first_name")).as("first_soundex"))
                .withColumn("profile", min("record_id").over(sameProfile))
                .withColumn("profile_records", count(lit(1)).over(sameProfile))
                .persist();
        Dataset<Row> kept = null;
        try {
            Dataset<Row> members = features.filter(col("record_id").equalTo(col("profile"))).drop("record_id")
                    .select(col("*"), explode(array_compact(array(
                            keyed("p:", col("phone")), keyed("e:", col("email")), keyed("a:", col("dwelling")),
                            keyed("b:", concat(col("child_birth_date").cast("string"), lit(":"), col("last_soundex"))),
                            keyed("b:", concat(col("child_birth_date").cast("string"), lit(":"), col("first_soundex")))))).as("block"))
                    .drop("last_soundex", "first_soundex");
            // A block's size counts records, as if each had been blocked on its own.
            Dataset<Row> sizes = members.groupBy("block").agg(sum("profile_records").as("n")).filter(col("n").between(2, MAX_BLOCK));
            // Read twice: for the pairs, and for the profiles that match themselves.
            kept = members.join(sizes.select("block"), "block").persist();
            // Each pair is scored where its block meets, with both profiles' fields at hand: a pair sharing several
            // blocks is scored more than once, which costs less than shuffling every pair twice to fetch its fields.
            Dataset<Row> pairs = kept.toDF(suffixed(kept, "1")).join(kept.toDF(suffixed(kept, "2")),
                    col("block1").equalTo(col("block2")).and(col("profile1").lt(col("profile2"))));
            Column shared = same("phone").plus(same("email")).plus(same("dwelling")).plus(same("child_birth_date"));
            // Most pairs are one parent's forms from year to year: the same name scores 1 without the UDF.
            Column sameName = col("first_name1").equalTo(col("first_name2")).and(col("last_name1").equalTo(col("last_name2")));
            Column nameScore = when(sameName, lit(1.0))
                    .otherwise(NAME_SCORE.apply(col("first_name1"), col("last_name1"), col("first_name2"), col("last_name2")));
            Dataset<Row> edges = pairs.withColumn("shared", shared).withColumn("name_score", nameScore)
                    .filter(col("name_score").geq(STRONG_NAME).and(col("shared").geq(1))
                            .or(col("name_score").geq(FAIR_NAME).and(col("shared").geq(2))))
                    .select(col("profile1").as("id1"), col("profile2").as("id2")).distinct().localCheckpoint();
            Dataset<Row> roots = edges.count() <= driverEdges
                    ? rootsOnDriver(records.sparkSession(), edges.collectAsList())
                    : rootsInSpark(edges);
            // Two records of one profile match each other when both names are given and they share a block
            // (any block kept implies a shared identifier): then the profile's records are one household even
            // when it matched no other profile.
            Dataset<Row> selfMatched = kept.filter(col("profile_records").geq(2)
                            .and(col("first_name").isNotNull()).and(col("last_name").isNotNull()))
                    .select(col("profile").as("node"), col("profile").as("root")).distinct()
                    .join(roots, "node", "left_anti");
            Dataset<Row> components = features.select("record_id", "profile")
                    .join(roots.unionByName(selfMatched).withColumnRenamed("node", "profile"), "profile", "left")
                    .select(col("record_id"), coalesce(col("root"), col("record_id")).as("component"))
                    // Computed now, while the cached frames it reads are still cached.
                    .localCheckpoint();
            Dataset<Row> withComponent = records.join(components, "record_id");
            var byComponent = Window.partitionBy("component").orderBy(col("application_date").asc_nulls_last(), col("record_id"));
            return withComponent
                    .withColumn("household_rep", org.apache.spark.sql.functions.first(col("record_id")).over(byComponent))
                    .drop("component");
        } finally {
            features.unpersist();
            if (kept != null) {
                kept.unpersist();
            }
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

    /** Union-find on the driver: each linked node with the smallest id of its household. */
    private static Dataset<Row> rootsOnDriver(SparkSession spark, List<Row> edges) {
        Map<String, String> parent = new HashMap<>();
        for (Row e : edges) {
            union(parent, e.getString(0), e.getString(1));
        }
        List<Row> rows = parent.keySet().stream().map(id -> RowFactory.create(id, find(parent, id))).toList();
        StructType schema = new StructType().add("node", DataTypes.StringType, false).add("root", DataTypes.StringType, false);
        return spark.createDataFrame(rows, schema);
    }

    /**
     * The same roots without the driver, for a city too big to hold its matches in one JVM: each
     * node takes the smallest root among itself and its neighbours until none changes, one pass per
     * link of the longest chain in a household (six on the city-wide sample city). Only the nodes
     * whose root fell in a pass can lower a neighbour's in the next, so a pass reads the links of
     * that frontier alone, from links partitioned by node once.
     */
    static Dataset<Row> rootsInSpark(Dataset<Row> edges) {
        Dataset<Row> links = edges.select(col("id1").as("node"), col("id2").as("neighbour"))
                .union(edges.select(col("id2").as("node"), col("id1").as("neighbour")))
                .repartition(col("node")).localCheckpoint();
        Dataset<Row> roots = links.groupBy("node").agg(least(col("node"), min("neighbour")).as("root"))
                .withColumn("moved", col("root").lt(col("node"))).localCheckpoint();
        while (!roots.filter(col("moved")).isEmpty()) {
            // Hashing the frontier per partition spares sorting every link in every pass.
            Dataset<Row> offers = links.join(roots.filter(col("moved")).select("node", "root").hint("shuffle_hash"), "node")
                    .groupBy(col("neighbour").as("node")).agg(min("root").as("offer"));
            // A union and one aggregate rather than a join with the last roots: Spark estimates a join's size as
            // the product of its sides, and that estimate squared every pass until planning stalled (15 minutes
            // on 40 passes, then an overflow); a union adds them.
            roots = roots.select(col("node"), col("root"), lit(null).cast(DataTypes.StringType).as("offer"))
                    .unionByName(offers.select(col("node"), lit(null).cast(DataTypes.StringType).as("root"), col("offer")))
                    .groupBy("node").agg(min("root").as("root"), min("offer").as("offer"))
                    .select(col("node"), least(col("root"), col("offer")).as("root"),
                            coalesce(col("offer").lt(col("root")), lit(false)).as("moved"))
                    .localCheckpoint();
        }
        return roots.drop("moved");
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
