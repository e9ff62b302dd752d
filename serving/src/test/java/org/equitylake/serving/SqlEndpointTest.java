package org.equitylake.serving;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.equitylake.config.Settings;
import org.equitylake.contracts.Contract;
import org.equitylake.contracts.Contracts;
import org.equitylake.jobs.PipelineFixture;
import org.equitylake.spark.Lake;
import org.equitylake.spark.TableId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The endpoint as an analyst meets it: a lake built by the jobs from the sample city, the server
 * on a free local port, and the Hive JDBC driver BI tools use.
 */
class SqlEndpointTest {
    private static final Pattern GOLD_TABLE = Pattern.compile("\\bgold\\.(\\w+)");
    private static SparkSession spark;
    private static Settings settings;
    private static SqlServer server;
    private static Connection jdbc;
    private static Lake lake;

    @BeforeAll
    static void startServer() throws Exception {
        Path fixtureRoot = Path.of("target", "pipeline-fixture").toAbsolutePath();
        Path metastore = Path.of("target", "sql-metastore").toAbsolutePath();
        PipelineFixture.deleteRecursively(metastore);
        Map<String, String> overrides = new LinkedHashMap<>();
        overrides.put("equity-lake.spark.master", "local[2]");
        overrides.put("equity-lake.spark.shuffle-partitions", "2");
        overrides.put("equity-lake.spark.extra.\"spark.ui.showConsoleProgress\"", "false");
        overrides.put("equity-lake.lake.root", fixtureRoot.resolve("lake").toString());
        overrides.put("equity-lake.landing.root", fixtureRoot.resolve("sample/landing").toString());
        overrides.put("equity-lake.sql.port", Integer.toString(freePort()));
        overrides.put("equity-lake.sql.metastore.derby-dir", metastore.resolve("db").toString());
        overrides.put("equity-lake.sql.refresh-interval", "0");
        settings = Settings.load(Optional.empty(), overrides);
        SqlSettings sql = SqlSettings.of(settings);
        // First: the fixture's jobs then run in this Hive-enabled, trusted session (one per JVM).
        spark = SqlServer.session(settings, sql);
        spark.sparkContext().setLogLevel("WARN");
        lake = new Lake(spark, PipelineFixture.upTo("indicators").settings.lakeRoot());
        server = SqlServer.start(spark, settings, sql);
        jdbc = DriverManager.getConnection(sql.jdbcUrl("gold"), "analyst", "");
    }

    @AfterAll
    static void stopServer() throws SQLException {
        if (jdbc != null) {
            jdbc.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void schemasAreSilverAndGoldButNoRestrictedOne() throws SQLException {
        Set<String> schemas = column(jdbc.getMetaData().getSchemas(), "TABLE_SCHEM");
        assertTrue(schemas.containsAll(List.of("silver", "gold")), schemas::toString);
        for (String internal : List.of("silver_restricted", "bronze", "ops")) {
            assertFalse(schemas.contains(internal), internal + " is listed: " + schemas);
        }
    }

    @Test
    void tablesAreEveryGoldAndAnalyticSilverTable() throws SQLException {
        Set<String> listed = new TreeSet<>();
        try (ResultSet rs = jdbc.getMetaData().getTables(null, null, "%", null)) {
            while (rs.next()) {
                listed.add(rs.getString("TABLE_SCHEM") + "." + rs.getString("TABLE_NAME"));
            }
        }
        Set<String> expected = new TreeSet<>();
        for (Contract c : Contracts.bundled().all()) {
            String table = c.custom("table").orElse("");
            if ((c.layer().equals("gold") || c.layer().equals("silver")) && !table.equals("silver.quarantine")) {
                if (c.layer().equals("gold")) {
                    assertTrue(lake.exists(TableId.of(table)), "the fixture has no " + table);
                }
                if (lake.exists(TableId.of(table))) {
                    expected.add(table);
                }
            }
        }
        assertEquals(13, expected.stream().filter(t -> t.startsWith("gold.")).count());
        assertEquals(expected, listed.stream().filter(t -> !t.startsWith("default.")).collect(java.util.stream.Collectors.toCollection(TreeSet::new)));
        assertTrue(listed.stream().noneMatch(t -> t.startsWith("silver_restricted.") || t.startsWith("bronze.") || t.startsWith("ops.")));
    }

    @Test
    void getColumnsListsEveryGoldColumnWithItsContractComment() throws SQLException {
        for (Contract c : Contracts.bundled().inLayer("gold")) {
            TableId table = TableId.of(c.requireCustom("table"));
            Map<String, String> remarks = new LinkedHashMap<>();
            try (ResultSet rs = jdbc.getMetaData().getColumns(null, "gold", table.name(), "%")) {
                while (rs.next()) {
                    remarks.put(rs.getString("COLUMN_NAME"), rs.getString("REMARKS"));
                }
            }
            assertTrue(remarks.keySet().containsAll(c.columnNames()), table + " lists " + remarks.keySet());
            c.columnDescriptions().forEach((column, description) ->
                    assertEquals(ViewDefinition.metastoreComment(description), remarks.get(column), table + "." + column));
            try (ResultSet rs = jdbc.getMetaData().getTables(null, "gold", table.name(), null)) {
                assertTrue(rs.next(), table + " is not listed");
                assertEquals(c.description(), rs.getString("REMARKS"), table + " comment");
            }
        }
    }

    @Test
    void restrictedColumnsOfServedTablesAreLeftOut() throws SQLException {
        Set<String> columns = column(jdbc.getMetaData().getColumns(null, "silver", "address_points", "%"), "COLUMN_NAME");
        assertTrue(columns.contains("street_name"), columns::toString);
        assertFalse(columns.contains("unit_number"), "unit_number is classified restricted");
    }

    @Test
    void reachByYearIsWhatSparkReturns() throws SQLException {
        List<String> rows = sameAsSpark("SELECT program, year, COUNT(*) AS tracts, SUM(served) AS served, "
                + "ROUND(SUM(eligible_estimate), 3) AS eligible FROM gold.reach WHERE geography_level = 'tract' "
                + "GROUP BY program, year ORDER BY program, year");
        assertFalse(rows.isEmpty());
    }

    @Test
    void joinOfGoldTablesIsWhatSparkReturns() throws SQLException {
        List<String> rows = sameAsSpark("SELECT r.program, t.equity_tier, SUM(r.served) AS served, COUNT(*) AS tract_years "
                + "FROM gold.reach r JOIN gold.tract_equity_index t ON r.acs_year = t.year AND r.geography_id = t.tract_geoid "
                + "WHERE r.geography_level = 'tract' GROUP BY r.program, t.equity_tier ORDER BY r.program, t.equity_tier");
        assertFalse(rows.isEmpty());
    }

    @Test
    void suppressedRowsCarryNoCounts() throws SQLException {
        List<String> rows = sameAsSpark("SELECT program, year, geography_level, geography_id, served, reach FROM gold.reach "
                + "WHERE is_suppressed ORDER BY program, year, geography_level, geography_id");
        assertFalse(rows.isEmpty(), "a small city has suppressed tracts");
        try (Statement s = jdbc.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM gold.reach WHERE is_suppressed AND served IS NOT NULL")) {
            rs.next();
            assertEquals(0, rs.getLong(1));
        }
    }

    @Test
    void restrictedTablesAreNotQueryable() {
        TableId registrations = TableId.of("silver_restricted.registrations");
        assertTrue(lake.exists(registrations), "the fixture wrote " + registrations);
        refused("SELECT * FROM silver_restricted.registrations", "");
        refused("SELECT * FROM delta.`" + lake.path(registrations) + "`", "not a served table");
        refused("SELECT * FROM parquet.`" + lake.path(registrations) + "`", "not a served table");
        refused("SELECT COUNT(*) FROM gold.reach WHERE program IN (SELECT program FROM delta.`"
                + lake.path(registrations) + "`)", "not a served table");
    }

    @Test
    void aServedTableCanBeReadAtAnEarlierVersionByItsPath() throws SQLException {
        try (Statement s = jdbc.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT COUNT(*) FROM delta.`" + lake.path(TableId.of("gold.reach")) + "` VERSION AS OF 0")) {
            assertTrue(rs.next() && rs.getLong(1) > 0);
        }
    }

    @Test
    void theEndpointIsReadOnly() throws SQLException {
        refused("DROP VIEW gold.reach", "read-only");
        refused("CREATE TABLE gold.copy AS SELECT * FROM gold.reach", "read-only");
        refused("INSERT INTO delta.`" + lake.path(TableId.of("gold.reach")) + "` SELECT * FROM gold.reach", "read-only");
        refused("SELECT reflect('java.lang.System', 'getProperty', 'user.home')", "reflect");
        refused("SELECT TRANSFORM(program) USING 'cat' AS (p) FROM gold.reach", "TRANSFORM");
        try (Statement s = jdbc.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM gold.reach")) {
            assertTrue(rs.next() && rs.getLong(1) > 0);
        }
    }

    @Test
    void registeringAgainIsIdempotentAndFollowsSchemaChanges() throws SQLException {
        SqlSettings sql = SqlSettings.of(settings);
        SqlCatalog catalog = new SqlCatalog(new Lake(spark, SqlServer.lakeRoot(settings)), Contracts.bundled(), sql.hiddenTables());
        SqlCatalog.Registration again = catalog.register();
        assertEquals(server.registration().registered(), again.registered());
        assertTrue(again.dropped().isEmpty());
        // The trusted session's token must not be captured into the stored view definitions.
        assertTrue(spark.sql("SHOW TBLPROPERTIES gold.reach").collectAsList().stream()
                .noneMatch(r -> r.getString(0).contains("trust")), "a view captured the trust token");

        SqlCatalog.Registration hiding = new SqlCatalog(new Lake(spark, SqlServer.lakeRoot(settings)), Contracts.bundled(),
                List.of("silver.quarantine", "gold.distance_decay")).register();
        assertEquals(List.of(TableId.of("gold.distance_decay")), hiding.dropped());
        assertFalse(column(jdbc.getMetaData().getTables(null, "gold", "%", null), "TABLE_NAME").contains("distance_decay"));

        spark.sql("ALTER TABLE delta.`" + lake.path(TableId.of("gold.quality")) + "` ADD COLUMNS (note STRING COMMENT 'added by a test')");
        catalog.register();
        Map<String, String> remarks = new LinkedHashMap<>();
        try (ResultSet rs = jdbc.getMetaData().getColumns(null, "gold", "quality", "%")) {
            while (rs.next()) {
                remarks.put(rs.getString("COLUMN_NAME"), rs.getString("REMARKS"));
            }
        }
        assertEquals("added by a test", remarks.get("note"));
        assertTrue(column(jdbc.getMetaData().getTables(null, "gold", "%", null), "TABLE_NAME").contains("distance_decay"));
        try (Statement s = jdbc.createStatement(); ResultSet rs = s.executeQuery("SELECT note FROM gold.quality LIMIT 1")) {
            assertTrue(rs.next());
            assertNull(rs.getString(1));
        }
    }

    /** The query through JDBC and, with gold.x read from its Delta path, straight from Spark: the same rows. */
    private static List<String> sameAsSpark(String query) throws SQLException {
        List<String> viaJdbc = new ArrayList<>();
        try (Statement s = jdbc.createStatement(); ResultSet rs = s.executeQuery(query)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<String> values = new ArrayList<>();
                for (int i = 1; i <= n; i++) {
                    values.add(String.valueOf(rs.getObject(i)));
                }
                viaJdbc.add(String.join("|", values));
            }
        }
        Matcher m = GOLD_TABLE.matcher(query);
        StringBuilder direct = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(direct, Matcher.quoteReplacement("delta.`" + lake.path(TableId.of("gold." + m.group(1))) + "`"));
        }
        m.appendTail(direct);
        List<String> viaSpark = new ArrayList<>();
        for (Row row : spark.sql(direct.toString()).collectAsList()) {
            List<String> values = new ArrayList<>();
            for (int i = 0; i < row.length(); i++) {
                values.add(String.valueOf(row.get(i)));
            }
            viaSpark.add(String.join("|", values));
        }
        assertEquals(viaSpark, viaJdbc, query);
        return viaJdbc;
    }

    private static void refused(String statement, String reason) {
        SQLException e = assertThrows(SQLException.class, () -> {
            try (Statement s = jdbc.createStatement()) {
                s.execute(statement);
            }
        }, statement);
        assertTrue(e.getMessage().contains(reason), statement + ": " + e.getMessage());
    }

    private static Set<String> column(ResultSet rs, String name) throws SQLException {
        Set<String> values = new TreeSet<>();
        try (rs) {
            while (rs.next()) {
                values.add(rs.getString(name));
            }
        }
        return values;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
