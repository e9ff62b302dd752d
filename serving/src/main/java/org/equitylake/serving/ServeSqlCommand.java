package org.equitylake.serving;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.apache.spark.sql.SparkSession;
import org.equitylake.config.Settings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "serve-sql", mixinStandardHelpOptions = true,
        description = "Serve the silver and gold tables over JDBC/ODBC (HiveServer2 protocol) until stopped; "
                + "registers them in the metastore first. Host and port: equity-lake.sql.host/port.")
final class ServeSqlCommand implements Callable<Integer> {
    @Option(names = "--conf", paramLabel = "FILE", description = "HOCON file overlaid on the defaults (e.g. conf/s3.conf).")
    Path conf;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Override one setting, e.g. --set equity-lake.sql.port=10001.")
    Map<String, String> overrides = new LinkedHashMap<>();

    @Option(names = "--verbose", description = "Print stack traces on failure.")
    boolean verbose;

    @Override
    public Integer call() throws InterruptedException {
        Settings settings = Settings.load(Optional.ofNullable(conf), overrides);
        SqlSettings sql = SqlSettings.of(settings);
        SparkSession spark = SqlServer.session(settings, sql);
        SqlServer server = SqlServer.start(spark, settings, sql);
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "serve-sql-stop"));
        SqlCatalog.Registration r = server.registration();
        System.out.println("equity-lake serve-sql: " + r.registered().size() + " tables on " + sql.jdbcUrl("gold")
                + (r.missing().isEmpty() ? "" : " (not written yet: " + r.missing() + ")") + "; stop with Ctrl-C");
        new CountDownLatch(1).await();
        return 0;
    }
}
