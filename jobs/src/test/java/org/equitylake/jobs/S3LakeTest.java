package org.equitylake.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.equitylake.config.Settings;
import org.equitylake.contracts.Contracts;
import org.equitylake.ops.RunReport;
import org.equitylake.sample.SampleCityGenerator;
import org.equitylake.sample.SampleCityOptions;
import org.equitylake.spark.Lake;
import org.equitylake.spark.SessionFactory;
import org.equitylake.spark.TableId;
import org.equitylake.testing.RunLog;
import org.equitylake.testing.SparkTestSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import scala.Tuple2;

/**
 * The nightly pipeline with the lake and the landing zone on s3a://, through hadoop-aws, against
 * a local S3-compatible server, configured by the shipped conf/s3.conf (only the endpoint,
 * credentials and roots are overridden, as the environment would); then the same as-of again,
 * which must change nothing: ingest finds no new file and every later job skips, its tables as
 * its last run left them (JobRunnerTest). A forced re-run's idempotence is each job's own test's.
 * The scale is {@code equitylake.s3.scale}. Enabled with {@code -Dequitylake.s3=true}.
 */
@EnabledIfSystemProperty(named = "equitylake.s3", matches = "true")
class S3LakeTest {
    private static final double SCALE = Double.parseDouble(System.getProperty("equitylake.s3.scale", "0.02"));
    private static final String RUN_LOG = "ops.job_runs";
    /** Columns that name the last run to see a row: a re-run updates them by design. */
    private static final Map<String, String> LAST_SEEN = Map.of("ops.rejected_files", "last_seen_run_id");

    @TempDir
    static Path dir;
    static S3Proxy s3;
    static String bucket;
    static Settings settings;
    static Map<String, String> bucketSettings = Map.of();

    @BeforeAll
    static void startS3() throws Exception {
        long started = System.nanoTime();
        s3 = S3Proxy.start(dir.resolve("s3proxy"), Duration.ofSeconds(60));
        bucket = "equity-lake-" + UUID.randomUUID().toString().substring(0, 8);
        s3.createBucket(bucket);
        settings = s3Settings();
        bucketSettings = bucketScoped(settings);
        Configuration hadoop = SparkTestSession.get().sparkContext().hadoopConfiguration();
        bucketSettings.forEach(hadoop::set);
        seconds("s3proxy up and bucket created", started);
    }

    @AfterAll
    static void stopS3() throws IOException {
        if (SparkTestSession.get() != null && bucket != null) {
            Configuration hadoop = SparkTestSession.get().sparkContext().hadoopConfiguration();
            FileSystem.get(URI.create("s3a://" + bucket + "/"), hadoop).close();
            bucketSettings.keySet().forEach(hadoop::unset);
        }
        if (s3 != null) {
            s3.close();
        }
    }

    /** conf/s3.conf as shipped, with what a deployment's environment would supply. */
    private static Settings s3Settings() {
        Path conf = Path.of(System.getProperty("equitylake.repo.root", "..")).resolve("conf/s3.conf");
        return Settings.load(Optional.of(conf), Map.of(
                "equity-lake.lake.root", "s3a://" + bucket + "/lake",
                "equity-lake.landing.root", "s3a://" + bucket + "/landing",
                extra("spark.hadoop.fs.s3a.endpoint"), s3.endpoint,
                extra("spark.hadoop.fs.s3a.access.key"), S3Proxy.IDENTITY,
                extra("spark.hadoop.fs.s3a.secret.key"), S3Proxy.CREDENTIAL,
                extra("spark.hadoop.fs.s3a.path.style.access"), "true",
                extra("spark.hadoop.fs.s3a.connection.ssl.enabled"), "false"));
    }

    private static String extra(String sparkKey) {
        return "equity-lake.spark.extra.\"" + sparkKey + "\"";
    }

    /**
     * The S3A settings of the SparkConf the jobs' session would be built from, as Spark copies
     * spark.hadoop.* into Hadoop's configuration, but scoped to this bucket (fs.s3a.bucket.NAME.*):
     * the session is shared with the other tests in this JVM, which must not see them.
     */
    private static Map<String, String> bucketScoped(Settings settings) {
        SparkConf conf = SessionFactory.sparkConf("s3 test", settings);
        Map<String, String> scoped = new TreeMap<>();
        for (Tuple2<String, String> kv : conf.getAllWithPrefix("spark.hadoop.fs.s3a.")) {
            scoped.put("fs.s3a.bucket." + bucket + "." + kv._1(), kv._2());
        }
        return scoped;
    }

    @Test
    void nightlyPipelineRunsOnS3AndARerunChangesNothing() throws IOException {
        String prefix = "fs.s3a.bucket." + bucket + ".";
        assertTrue(bucketSettings.get(prefix + "aws.credentials.provider").startsWith(
                "org.apache.hadoop.fs.s3a.SimpleAWSCredentialsProvider"), "the credentials chain comes from s3.conf");
        assertEquals(s3.endpoint, bucketSettings.get(prefix + "endpoint"));

        long started = System.nanoTime();
        Path local = dir.resolve("city");
        SampleCityGenerator.generate(SampleCityOptions.defaults(local).withScale(SCALE));
        Configuration hadoop = SparkTestSession.get().sparkContext().hadoopConfiguration();
        org.apache.hadoop.fs.Path landing = new org.apache.hadoop.fs.Path(settings.landingRoot());
        landing.getFileSystem(hadoop).copyFromLocalFile(false, true,
                new org.apache.hadoop.fs.Path(local.resolve("landing").toUri()), landing);
        seconds("sample city generated and landed in s3a://" + bucket, started);

        started = System.nanoTime();
        List<RunReport> first = runNightly();
        seconds("nightly pipeline on s3a", started);
        Lake lake = new Lake(SparkTestSession.get(), settings.lakeRoot());
        assertTrue(lake.root().startsWith("s3a://"));
        List<String> gold = Contracts.bundled().inLayer("gold").stream().map(c -> c.requireCustom("table")).toList();
        Map<String, TableFingerprint> before = fingerprints(lake);
        for (String table : gold) {
            assertTrue(before.containsKey(table), table + " written to s3a");
        }
        assertTrue(before.get("gold.reach").rows() > 0, "gold.reach has rows");
        assertTrue(before.get("gold.scorecard").rows() > 0, "gold.scorecard has rows");
        assertTrue(first.get(0).writtenCounts().values().stream().mapToLong(Long::longValue).sum() > 0, "ingest landed rows");
        Map<String, Long> bronzeVersions = versions(lake, before, "bronze.");

        started = System.nanoTime();
        List<RunReport> second = runNightly();
        seconds("the same as-of again", started);
        Map<String, TableFingerprint> after = fingerprints(lake);

        assertEquals(before.keySet(), after.keySet(), "the same tables");
        for (String table : before.keySet()) {
            switch (table) {
                // Run logs: one row per job run, one per published table.
                case RUN_LOG -> assertEquals(before.get(table).rows() + Pipeline.nightly().size(), after.get(table).rows(), table);
                default -> assertEquals(before.get(table), after.get(table), table + " is unchanged");
            }
        }
        assertEquals(bronzeVersions, versions(lake, after, "bronze."), "no bronze table was written again");
        RunReport ingest = second.get(0);
        assertEquals("ingest", ingest.job());
        assertFalse(ingest.writtenCounts().values().stream().anyMatch(n -> n > 0), "nothing re-ingested: " + ingest.writtenCounts());
        // Ingest looks for new files; every later job finds its tables as its last run left them.
        for (Job job : Pipeline.nightly().subList(1, Pipeline.nightly().size())) {
            assertEquals("skipped", RunLog.latestStatus(lake, job.name()), job.name() + " on the re-run");
        }
    }

    private static List<RunReport> runNightly() {
        SparkSession spark = SparkTestSession.get();
        return new JobRunner(settings, spark, PipelineFixture.AS_OF, Optional.empty()).runAll(Pipeline.nightly());
    }

    /** Every Delta table under the lake root, found by listing s3a://, with its fingerprint. */
    private static Map<String, TableFingerprint> fingerprints(Lake lake) throws IOException {
        org.apache.hadoop.fs.Path logs = new org.apache.hadoop.fs.Path(lake.root() + "/*/*/_delta_log");
        Map<String, TableFingerprint> out = new TreeMap<>();
        for (FileStatus log : logs.getFileSystem(SparkTestSession.get().sparkContext().hadoopConfiguration()).globStatus(logs)) {
            org.apache.hadoop.fs.Path table = log.getPath().getParent();
            TableId id = new TableId(table.getParent().getName(), table.getName());
            Dataset<Row> rows = lake.read(id);
            out.put(id.toString(), TableFingerprint.of(LAST_SEEN.containsKey(id.toString()) ? rows.drop(LAST_SEEN.get(id.toString())) : rows));
        }
        return out;
    }

    private static Map<String, Long> versions(Lake lake, Map<String, TableFingerprint> tables, String prefix) {
        Map<String, Long> out = new TreeMap<>();
        tables.keySet().stream().filter(t -> t.startsWith(prefix)).forEach(t -> out.put(t, lake.version(TableId.of(t))));
        return out;
    }

    private static void seconds(String what, long startedNanos) {
        System.out.printf("S3LakeTest: %s in %.1f s%n", what, (System.nanoTime() - startedNanos) / 1e9);
    }
}
