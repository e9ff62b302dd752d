package org.equitylake.testing;

import com.holdenkarau.spark.testing.JavaDataFrameSuiteBase;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.equitylake.config.Settings;
import org.equitylake.spark.SessionFactory;

/**
 * The one local[2] session every Spark test in a JVM shares, built by the production factory so
 * tests run with the same Delta and Sedona registration as the jobs.
 */
public final class SparkTestSession {
    private static SparkSession session;
    private static final JavaDataFrameSuiteBase FRAMES = new JavaDataFrameSuiteBase();

    private SparkTestSession() {}

    public static synchronized SparkSession get() {
        if (session == null) {
            Settings settings = settings("target/test-lake");
            session = SparkSession.builder().config(SessionFactory.sparkConf("tests", settings)).getOrCreate();
            session.sparkContext().setLogLevel("WARN");
        }
        return session;
    }

    /** Test settings: local[2], two shuffle partitions, the lake under the given root. */
    public static Settings settings(String lakeRoot) {
        return settings(lakeRoot, "target/test-landing");
    }

    public static Settings settings(String lakeRoot, String landingRoot) {
        return Settings.load(Optional.empty(), Map.of(
                "equity-lake.spark.master", "local[2]",
                "equity-lake.spark.shuffle-partitions", "2",
                "equity-lake.spark.extra.\"spark.ui.showConsoleProgress\"", "false",
                "equity-lake.lake.root", lakeRoot,
                "equity-lake.landing.root", landingRoot));
    }

    /** The frame with every column nullable, as Delta reads it back. */
    public static Dataset<Row> nullable(Dataset<Row> frame) {
        StructType schema = new StructType(java.util.Arrays.stream(frame.schema().fields())
                .map(f -> new StructField(f.name(), f.dataType(), true, f.metadata())).toArray(StructField[]::new));
        return frame.sparkSession().createDataFrame(frame.javaRDD(), schema);
    }

    /** Same rows in any order, schemas (with nullability) first; from spark-testing-base. */
    public static void assertSameRows(Dataset<Row> expected, Dataset<Row> actual) {
        FRAMES.assertDataFrameNoOrderEquals(expected, actual);
    }
}
