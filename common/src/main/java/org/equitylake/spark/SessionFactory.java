package org.equitylake.spark;

import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;
import org.equitylake.config.Settings;

/** The one place a Spark session is configured: Delta and Sedona are registered here and only here. */
public final class SessionFactory {
    private SessionFactory() {}

    public static SparkSession create(String jobName, Settings settings) {
        return SparkSession.builder().config(sparkConf(jobName, settings)).getOrCreate();
    }

    /** Settings as a SparkConf, so tests can hand the same ones to their own shared session. */
    public static SparkConf sparkConf(String jobName, Settings settings) {
        Settings.SparkSettings spark = settings.spark();
        // Loads spark.* system properties, so spark-submit's --master and --conf win over our defaults.
        SparkConf conf = new SparkConf(true)
                .setAppName("equity-lake " + jobName)
                // Sedona's SQL extension registers its functions once per session; SedonaContext.create would do it twice.
                .set("spark.sql.extensions", "io.delta.sql.DeltaSparkSessionExtension,org.apache.sedona.sql.SedonaSqlExtensions")
                .set("spark.sql.catalog.spark_catalog", "org.apache.spark.sql.delta.catalog.DeltaCatalog")
                .set("spark.serializer", "org.apache.spark.serializer.KryoSerializer")
                .set("spark.kryo.registrator", "org.apache.sedona.core.serde.SedonaKryoRegistrator")
                .set("spark.sql.shuffle.partitions", Integer.toString(spark.shufflePartitions()))
                // Delta rebuilds table state with 50 partitions by default: far too many for small tables on few cores.
                .set("spark.databricks.delta.snapshotPartitions", Integer.toString(Math.min(50, spark.shufflePartitions())))
                .set("spark.sql.session.timeZone", "UTC")
                // An unparseable date is null (and quarantined), never an exception mid-job.
                .set("spark.sql.legacy.timeParserPolicy", "CORRECTED")
                .set("spark.ui.enabled", Boolean.toString(spark.uiEnabled()))
                .set("spark.ui.showConsoleProgress", "true")
                .set("spark.databricks.delta.schema.autoMerge.enabled", "false")
                .set("spark.sql.warehouse.dir", settings.lakeRoot() + "/_warehouse");
        if (!spark.master().isBlank()) {
            conf.setIfMissing("spark.master", spark.master());
        }
        if (!spark.eventLogDir().isBlank()) {
            conf.set("spark.eventLog.enabled", "true").set("spark.eventLog.dir", spark.eventLogDir());
        }
        spark.extra().forEach(conf::set);
        return conf;
    }
}
