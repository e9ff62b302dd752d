package org.equitylake.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A throw-away PostgreSQL + PostGIS cluster for one benchmark: initdb into the work folder, started on
 * 127.0.0.1 on a free port, stopped and deleted by {@link #close()} (also from a shutdown hook).
 * PostgreSQL refuses to run as root, so under root every server command runs as the {@code postgres}
 * system user, in a folder it owns.
 */
final class PostgresServer implements AutoCloseable {
    private static final Path PG_LIB = Path.of("/usr/lib/postgresql");
    private static final Path PG_SHARE = Path.of("/usr/share/postgresql");
    private static final String SERVICE_USER = "postgres";

    private final Path bin;
    private final Path dir;
    private final Path data;
    private final int port;
    private final boolean asServiceUser;
    private final Thread stopOnExit;
    private boolean running;

    private PostgresServer(Path bin, Path dir, int port, boolean asServiceUser) {
        this.bin = bin;
        this.dir = dir;
        this.data = dir.resolve("data");
        this.port = port;
        this.asServiceUser = asServiceUser;
        this.stopOnExit = new Thread(this::stopQuietly, "postgres-stop");
    }

    /**
     * Settings for 2 cores and a few GB: the same memory as the Spark side's heap (bench/run gives
     * the JVM 2 GB), two parallel workers per query like Spark's local[2], and no durability work
     * (fsync, WAL) that the Spark side, writing scratch Parquet, does not do either.
     */
    static Map<String, String> settings(int cores) {
        Map<String, String> s = new LinkedHashMap<>();
        s.put("shared_buffers", "2GB");
        s.put("work_mem", "256MB");
        s.put("maintenance_work_mem", "1GB");
        s.put("effective_cache_size", "8GB");
        s.put("max_worker_processes", Integer.toString(Math.max(8, cores)));
        s.put("max_parallel_workers", Integer.toString(cores));
        s.put("max_parallel_workers_per_gather", Integer.toString(cores));
        s.put("max_parallel_maintenance_workers", Integer.toString(cores));
        s.put("random_page_cost", "1.1");
        s.put("fsync", "off");
        s.put("synchronous_commit", "off");
        s.put("full_page_writes", "off");
        s.put("wal_level", "minimal");
        s.put("max_wal_senders", "0");
        s.put("max_wal_size", "8GB");
        s.put("checkpoint_timeout", "30min");
        s.put("autovacuum", "off");
        return s;
    }

    /** Installs PostGIS if missing (as root, with apt-get), then initdb and start under {@code parent}/postgres. */
    static PostgresServer start(Path parent, Map<String, String> settings) throws IOException, InterruptedException {
        String version = newestVersion();
        ensurePostgis(version);
        boolean root = "root".equals(System.getProperty("user.name"));
        Path dir = parent.toAbsolutePath().resolve("postgres");
        PostgresServer server = new PostgresServer(PG_LIB.resolve(version).resolve("bin"), dir, freePort(), root);
        if (Files.exists(server.data.resolve("postmaster.pid"))) {
            // A run killed before its shutdown hook left the server up: stop it before deleting its files.
            server.running = true;
            server.stopQuietly();
        }
        Bench.Common.delete(dir);
        Files.createDirectories(dir);
        if (root) {
            run(List.of("chown", SERVICE_USER + ":", dir.toString()));
        }
        Runtime.getRuntime().addShutdownHook(server.stopOnExit);
        try {
            server.initdb(settings);
            server.pg("pg_ctl", "start", "-w", "-t", "120", "-D", server.data.toString(), "-l", dir.resolve("server.log").toString());
            server.running = true;
            try (Connection c = server.connect()) {
                c.createStatement().execute("CREATE EXTENSION IF NOT EXISTS postgis");
            }
        } catch (IOException | SQLException | RuntimeException e) {
            server.close();
            throw new IOException("PostgreSQL did not start (see " + dir.resolve("server.log") + "): " + e.getMessage(), e);
        }
        return server;
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/postgres", SERVICE_USER, "");
    }

    /** Server and PostGIS versions, for the report. */
    String versions() throws SQLException {
        try (Connection c = connect(); var rs = c.createStatement().executeQuery(
                "SELECT current_setting('server_version'), postgis_lib_version(), postgis_geos_version()")) {
            rs.next();
            return "PostgreSQL " + rs.getString(1) + ", PostGIS " + rs.getString(2) + ", GEOS " + rs.getString(3);
        }
    }

    @Override
    public void close() {
        stopQuietly();
        try {
            Runtime.getRuntime().removeShutdownHook(stopOnExit);
        } catch (IllegalStateException shuttingDown) {
            // already in the hook
        }
        try {
            Bench.Common.delete(dir);
        } catch (IOException e) {
            System.err.println("could not delete " + dir + ": " + e.getMessage());
        }
    }

    private synchronized void stopQuietly() {
        if (!running) {
            return;
        }
        try {
            pg("pg_ctl", "stop", "-w", "-m", "fast", "-D", data.toString());
            running = false;
        } catch (IOException | InterruptedException | RuntimeException e) {
            System.err.println("could not stop PostgreSQL in " + data + ": " + e.getMessage());
        }
    }

    private void initdb(Map<String, String> settings) throws IOException, InterruptedException {
        pg("initdb", "-D", data.toString(), "-U", SERVICE_USER, "--auth=trust", "-E", "UTF8", "--no-locale", "-N");
        StringBuilder conf = new StringBuilder("\n# bench/run postgis\n");
        conf.append("listen_addresses = '127.0.0.1'\nport = ").append(port).append('\n');
        // Its own socket folder: the system one may belong to a packaged cluster or not exist.
        conf.append("unix_socket_directories = '").append(data).append("'\n");
        settings.forEach((k, v) -> conf.append(k).append(" = '").append(v).append("'\n"));
        Files.writeString(data.resolve("postgresql.conf"), conf, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    }

    private void pg(String program, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        if (asServiceUser) {
            command.addAll(List.of("runuser", "-u", SERVICE_USER, "--"));
        }
        command.add(bin.resolve(program).toString());
        command.addAll(List.of(args));
        run(command);
    }

    private static void run(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IOException(String.join(" ", command) + " failed:\n" + out);
        }
    }

    private static String newestVersion() throws IOException {
        if (!Files.isDirectory(PG_LIB)) {
            throw new IOException("no PostgreSQL server under " + PG_LIB + "; install Debian's postgresql-15-postgis-3");
        }
        try (Stream<Path> versions = Files.list(PG_LIB)) {
            return versions.map(p -> p.getFileName().toString()).filter(v -> v.matches("\\d+"))
                    .filter(v -> Files.exists(PG_LIB.resolve(v).resolve("bin/initdb")))
                    .max(Comparator.comparingInt(Integer::parseInt))
                    .orElseThrow(() -> new IOException("no initdb under " + PG_LIB));
        }
    }

    /** Debian's package for the installed server; the mirror may need an apt-get update first. */
    private static void ensurePostgis(String version) throws IOException, InterruptedException {
        if (Files.exists(PG_SHARE.resolve(version).resolve("extension/postgis.control"))) {
            return;
        }
        String pkg = "postgresql-" + version + "-postgis-3";
        if (!"root".equals(System.getProperty("user.name"))) {
            throw new IOException("PostGIS is not installed: apt-get install " + pkg);
        }
        System.out.println("installing " + pkg + " with apt-get");
        List<String> install = List.of("env", "DEBIAN_FRONTEND=noninteractive", "apt-get", "install", "-y", "-q",
                "--no-install-recommends", pkg);
        try {
            run(install);
        } catch (IOException notFound) {
            run(List.of("apt-get", "update", "-q"));
            run(install);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
