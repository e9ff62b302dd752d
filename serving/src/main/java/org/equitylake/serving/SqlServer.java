package org.equitylake.serving;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.hive.thriftserver.HiveThriftServer2;
import org.equitylake.config.Settings;
import org.equitylake.contracts.Contracts;
import org.equitylake.spark.Lake;
import org.equitylake.spark.SessionFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Spark's Thrift server (HiveServer2 protocol) over the served views, in this JVM. */
public final class SqlServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SqlServer.class);
    private static final String GLUE_CLIENT_FACTORY = "com.amazonaws.glue.catalog.metastore.AWSGlueDataCatalogHiveClientFactory";

    private final HiveThriftServer2 server;
    private final ScheduledExecutorService refresher;
    private final SqlCatalog.Registration registration;

    private SqlServer(HiveThriftServer2 server, ScheduledExecutorService refresher, SqlCatalog.Registration registration) {
        this.server = server;
        this.refresher = refresher;
        this.registration = registration;
    }

    /**
     * The session everything runs in: the jobs' settings plus Hive's catalog in the configured
     * metastore and the {@link ReadOnlyGuard}. It is trusted; the JDBC sessions made from it are not.
     */
    public static SparkSession session(Settings settings, SqlSettings sql) {
        SparkConf conf = SessionFactory.sparkConf("serve-sql", settings)
                .set("spark.sql.catalogImplementation", "hive")
                .set("spark.hadoop.hive.server2.thrift.bind.host", sql.host())
                .set("spark.hadoop.hive.server2.thrift.port", Integer.toString(sql.port()));
        switch (sql.metastore()) {
            case DERBY -> {
                conf.set("spark.hadoop.javax.jdo.option.ConnectionURL", "jdbc:derby:;databaseName=" + sql.derbyDir() + ";create=true");
                // Derby writes derby.log to the working folder unless told otherwise.
                Path log = Path.of(sql.derbyDir()).resolveSibling("derby.log");
                try {
                    java.nio.file.Files.createDirectories(log.getParent());
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException("cannot create the metastore folder " + log.getParent(), e);
                }
                System.setProperty("derby.stream.error.file", log.toString());
            }
            case HIVE -> conf.set("spark.hadoop.hive.metastore.uris", sql.metastoreUri());
            case GLUE -> conf.set("spark.hadoop.hive.metastore.client.factory.class", GLUE_CLIENT_FACTORY);
        }
        // One Spark session per JDBC connection: a shared one would be the trusted session.
        conf.set("spark.sql.hive.thriftServer.singleSession", "false");
        List<String> readable = ServedTables.of(Contracts.bundled(), sql.hiddenTables()).stream()
                .map(c -> lakeRoot(settings) + "/" + ServedTables.table(c).schema() + "/" + ServedTables.table(c).name())
                .toList();
        SparkSession spark = SparkSession.builder().config(conf)
                .withExtensions(new scala.runtime.AbstractFunction1<org.apache.spark.sql.SparkSessionExtensions, scala.runtime.BoxedUnit>() {
                    @Override
                    public scala.runtime.BoxedUnit apply(org.apache.spark.sql.SparkSessionExtensions extensions) {
                        ReadOnlyGuard.install(extensions, readable);
                        return scala.runtime.BoxedUnit.UNIT;
                    }
                })
                .getOrCreate();
        ReadOnlyGuard.trust(spark);
        return spark;
    }

    /** Registers the views, starts the Thrift server and, if configured, re-registers them periodically. */
    public static SqlServer start(SparkSession spark, Settings settings, SqlSettings sql) {
        SqlCatalog catalog = new SqlCatalog(new Lake(spark, lakeRoot(settings)), Contracts.bundled(), sql.hiddenTables());
        SqlCatalog.Registration registration = catalog.register();
        HiveThriftServer2 server = HiveThriftServer2.startWithContext(spark.sqlContext());
        awaitListening(sql.host(), sql.port(), 60_000);
        ScheduledExecutorService refresher = null;
        long every = sql.refreshInterval().toMillis();
        if (every > 0) {
            refresher = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "sql-catalog-refresh");
                t.setDaemon(true);
                return t;
            });
            refresher.scheduleWithFixedDelay(() -> {
                try {
                    catalog.register();
                } catch (RuntimeException e) {
                    // A table mid-rewrite must not stop the endpoint; the next round tries again.
                    LOG.warn("sql catalog refresh failed: {}", e.toString());
                }
            }, every, every, TimeUnit.MILLISECONDS);
        }
        LOG.info("serving SQL on {}", sql.jdbcUrl("gold"));
        return new SqlServer(server, refresher, registration);
    }

    public SqlCatalog.Registration registration() {
        return registration;
    }

    /** Stops the Thrift server and the refresh; the session stays for its owner to stop. */
    @Override
    public void close() {
        if (refresher != null) {
            refresher.shutdownNow();
        }
        server.stop();
    }

    /** The lake root as views must name it: absolute, or with its scheme (s3a://). */
    static String lakeRoot(Settings settings) {
        String root = settings.lakeRoot().replaceAll("/+$", "");
        return root.contains("://") || root.startsWith("file:") ? root : Path.of(root).toAbsolutePath().normalize().toString();
    }

    private static void awaitListening(String host, int port, long timeoutMillis) {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (true) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(host, port), 1000);
                return;
            } catch (IOException e) {
                if (System.currentTimeMillis() > deadline) {
                    throw new IllegalStateException("the SQL endpoint did not start listening on " + host + ":" + port, e);
                }
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while starting the SQL endpoint", e);
            }
        }
    }
}
