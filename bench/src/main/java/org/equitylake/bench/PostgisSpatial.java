package org.equitylake.bench;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * The PostGIS side: the same CSV files streamed in with COPY into unlogged tables whose geometry is a
 * stored generated column, then GiST indexes and ANALYZE (the load); each operation a
 * CREATE UNLOGGED TABLE AS (the result), which PostgreSQL may run with parallel workers.
 */
final class PostgisSpatial implements AutoCloseable {
    /** WGS84, as Sedona's ST_DistanceSpheroid uses. */
    private static final String WGS84 = "'SPHEROID[\"WGS 84\",6378137,298.257223563]'";

    private static final List<String> TABLES = List.of(
            """
            CREATE UNLOGGED TABLE points (point_id bigint NOT NULL, longitude float8 NOT NULL, latitude float8 NOT NULL,
              address_key text,
              geom geometry(Point, 4326) GENERATED ALWAYS AS (ST_SetSRID(ST_MakePoint(longitude, latitude), 4326)) STORED)""",
            "CREATE UNLOGGED TABLE addresses (address_id bigint NOT NULL, address_key text)",
            """
            CREATE UNLOGGED TABLE tracts (geoid text NOT NULL, wkt text NOT NULL,
              geom geometry(Polygon, 4326) GENERATED ALWAYS AS (ST_GeomFromText(wkt, 4326)) STORED)""",
            """
            CREATE UNLOGGED TABLE sites (site_code text NOT NULL, longitude float8 NOT NULL, latitude float8 NOT NULL,
              geom geometry(Point, 4326) GENERATED ALWAYS AS (ST_SetSRID(ST_MakePoint(longitude, latitude), 4326)) STORED,
              geog geography(Point, 4326) GENERATED ALWAYS AS (ST_SetSRID(ST_MakePoint(longitude, latitude), 4326)::geography) STORED)""");

    private static final List<String> INDEXES = List.of(
            "CREATE INDEX points_geom ON points USING gist (geom)",
            "CREATE INDEX tracts_geom ON tracts USING gist (geom)",
            "CREATE INDEX sites_geog ON sites USING gist (geog)",
            "ANALYZE points", "ANALYZE addresses", "ANALYZE tracts", "ANALYZE sites");

    private final Connection connection;

    PostgisSpatial(PostgresServer server) throws SQLException {
        this.connection = server.connect();
        connection.setAutoCommit(true);
    }

    /** Drops everything, then creates, copies, indexes and analyzes; returns the seconds it took. */
    double load(SpatialWorkload w) throws SQLException, IOException {
        dropAll();
        long started = System.nanoTime();
        execute(TABLES);
        copy("points (point_id, longitude, latitude, address_key)", w.pointsCsv());
        copy("addresses (address_id, address_key)", w.addressesCsv());
        copy("tracts (geoid, wkt)", w.tractsCsv());
        copy("sites (site_code, longitude, latitude)", w.sitesCsv());
        execute(INDEXES);
        return seconds(started);
    }

    /** Runs one operation into its result table; returns the seconds it took. */
    double run(SpatialOperation op) throws SQLException {
        execute(List.of("DROP TABLE IF EXISTS " + table(op)));
        long started = System.nanoTime();
        execute(List.of("CREATE UNLOGGED TABLE " + table(op) + " AS " + query(op)));
        return seconds(started);
    }

    static String query(SpatialOperation op) {
        return switch (op) {
            case ADDRESS_MATCH -> "SELECT a.address_id, p.point_id FROM addresses a JOIN points p ON p.address_key = a.address_key";
            case POINT_IN_TRACT -> "SELECT p.point_id, t.geoid FROM points p JOIN tracts t ON ST_Contains(t.geom, p.geom)";
            // KNN on geography orders by distance on the sphere through the GiST index; the distance reported is the spheroid's.
            case NEAREST_SITE -> "SELECT p.point_id, n.site_code, n.distance_m FROM points p CROSS JOIN LATERAL ("
                    + "SELECT s.site_code, ST_DistanceSpheroid(p.geom, s.geom, " + WGS84 + ") AS distance_m FROM sites s "
                    + "ORDER BY s.geog <-> p.geom::geography LIMIT 1) n";
        };
    }

    /** The plan PostgreSQL chose, for the record. */
    String plan(SpatialOperation op) throws SQLException {
        StringBuilder b = new StringBuilder();
        try (Statement s = connection.createStatement(); var rs = s.executeQuery("EXPLAIN " + query(op))) {
            while (rs.next()) {
                b.append(rs.getString(1)).append('\n');
            }
        }
        return b.toString();
    }

    /** Writes the result table as CSV with a header, for the comparison (not measured). */
    void export(SpatialOperation op, Path csv) throws SQLException, IOException {
        Files.createDirectories(csv.getParent());
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(csv), 1 << 20)) {
            copyManager().copyOut("COPY " + table(op) + " TO STDOUT (FORMAT csv, HEADER true, ENCODING 'UTF8')", out);
        }
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }

    private void dropAll() throws SQLException {
        StringBuilder drop = new StringBuilder("DROP TABLE IF EXISTS points, addresses, tracts, sites");
        for (SpatialOperation op : SpatialOperation.values()) {
            drop.append(", ").append(table(op));
        }
        execute(List.of(drop.toString()));
    }

    private void copy(String target, Path csv) throws SQLException, IOException {
        try (InputStream in = Files.newInputStream(csv)) {
            copyManager().copyIn("COPY " + target + " FROM STDIN (FORMAT csv, HEADER true, ENCODING 'UTF8')", in, 1 << 20);
        }
    }

    private CopyManager copyManager() throws SQLException {
        return connection.unwrap(PGConnection.class).getCopyAPI();
    }

    private void execute(List<String> statements) throws SQLException {
        try (Statement s = connection.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        }
    }

    private static String table(SpatialOperation op) {
        return "result_" + op.label;
    }

    private static double seconds(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e9;
    }
}
