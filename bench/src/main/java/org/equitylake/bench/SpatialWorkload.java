package org.equitylake.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.equitylake.geo.AddressNormalizer;
import org.equitylake.geo.NormalizedAddress;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.io.WKTWriter;

/**
 * The files both engines load, written once per size from a generated city (not measured):
 * <ul>
 *   <li>{@code points.csv}: point_id, longitude, latitude, address_key (the address layer's key,
 *       {@link AddressNormalizer#fromParts});</li>
 *   <li>{@code addresses.csv}: address_id, address_key: every point's address written as a person
 *       would, with seeded mess, and normalized by {@link AddressNormalizer#parseLine};</li>
 *   <li>{@code tracts.csv}: geoid, wkt (the sample city's census tracts);
 *       {@code sites.csv}: site_code, longitude, latitude (all its program sites).</li>
 * </ul>
 * Up to {@code generatedCap} points are the city's own dwellings; the rest are drawn uniformly inside
 * the tracts with a seeded RNG and get synthetic addresses on invented streets (the generator's
 * households and records at 5-10 M dwellings would cost more than the comparison itself).
 */
record SpatialWorkload(Path dir, long points, long generatedPoints, long tracts, long sites) {
    private static final long SEED = 20160901L;
    private static final GeometryFactory GEOMETRY = new GeometryFactory();
    private static final Map<String, String> TYPE_WORDS = Map.of("St", "Street", "Ave", "Avenue", "Blvd", "Boulevard",
            "Dr", "Drive", "Ln", "Lane", "Rd", "Road", "Ct", "Court");
    private static final Map<String, String> DIRECTION_WORDS = Map.of("N", "North", "S", "South", "E", "East", "W", "West");

    Path pointsCsv() {
        return dir.resolve("points.csv");
    }

    Path addressesCsv() {
        return dir.resolve("addresses.csv");
    }

    Path tractsCsv() {
        return dir.resolve("tracts.csv");
    }

    Path sitesCsv() {
        return dir.resolve("sites.csv");
    }

    /** The workload of {@code size} points, from the files of an earlier call when they are complete. */
    static SpatialWorkload prepare(Path work, long size, long generatedCap) throws IOException {
        Path dir = work.resolve("postgis-" + size + "-cap-" + generatedCap);
        Path done = dir.resolve("prepared.properties");
        if (!Files.exists(done)) {
            City city = City.generate(work, 1.0, Math.min(size, generatedCap), 1000, 2025, 2025);
            Files.createDirectories(dir);
            Path reference = city.landing().resolve("reference");
            List<Tract> tracts = writeTracts(reference.resolve("census_tracts.geojson"), dir.resolve("tracts.csv"));
            long sites = writeSites(reference.resolve("program_sites.csv"), dir.resolve("sites.csv"));
            long generated = writePoints(reference.resolve("address_points.csv"), tracts, size, dir);
            Files.writeString(done, "points=" + size + "\ngenerated_points=" + generated + "\ntracts=" + tracts.size()
                    + "\nsites=" + sites + "\n");
        }
        Map<String, String> p = Bench.properties(done);
        return new SpatialWorkload(dir, Long.parseLong(p.get("points")), Long.parseLong(p.get("generated_points")),
                Long.parseLong(p.get("tracts")), Long.parseLong(p.get("sites")));
    }

    private record Tract(String geoid, Polygon polygon, PreparedGeometry prepared) {}

    private static List<Tract> writeTracts(Path geojson, Path out) throws IOException {
        JsonNode root = new ObjectMapper().readTree(geojson.toFile());
        List<Tract> tracts = new ArrayList<>();
        WKTWriter wkt = new WKTWriter();
        try (BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            w.write("geoid,wkt\n");
            for (JsonNode f : root.get("features")) {
                JsonNode g = f.get("geometry");
                if (!"Polygon".equals(g.get("type").asText())) {
                    throw new IOException("tract geometry is " + g.get("type") + "; the workload expects polygons");
                }
                Polygon polygon = polygon(g.get("coordinates"));
                String geoid = f.get("properties").get("GEOID").asText();
                tracts.add(new Tract(geoid, polygon, PreparedGeometryFactory.prepare(polygon)));
                w.write(geoid + ",\"" + wkt.write(polygon) + "\"\n");
            }
        }
        return tracts;
    }

    private static Polygon polygon(JsonNode rings) {
        LinearRing shell = ring(rings.get(0));
        LinearRing[] holes = new LinearRing[rings.size() - 1];
        for (int i = 1; i < rings.size(); i++) {
            holes[i - 1] = ring(rings.get(i));
        }
        return GEOMETRY.createPolygon(shell, holes);
    }

    private static LinearRing ring(JsonNode positions) {
        Coordinate[] c = new Coordinate[positions.size()];
        for (int i = 0; i < c.length; i++) {
            c[i] = new Coordinate(positions.get(i).get(0).asDouble(), positions.get(i).get(1).asDouble());
        }
        return GEOMETRY.createLinearRing(c);
    }

    private static long writeSites(Path csv, Path out) throws IOException {
        long n = 0;
        try (BufferedReader r = Files.newBufferedReader(csv, StandardCharsets.UTF_8);
                BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            Map<String, Integer> h = header(r.readLine());
            w.write("site_code,longitude,latitude\n");
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                List<String> f = fields(line);
                w.write(f.get(h.get("site_code")) + "," + f.get(h.get("longitude")) + "," + f.get(h.get("latitude")) + "\n");
                n++;
            }
        }
        return n;
    }

    /** The city's dwellings first, then uniform points inside the tracts; returns how many were the city's. */
    private static long writePoints(Path addressPoints, List<Tract> tracts, long size, Path dir) throws IOException {
        SplittableRandom mess = new SplittableRandom(SEED);
        long id = 0;
        try (BufferedReader r = Files.newBufferedReader(addressPoints, StandardCharsets.UTF_8);
                BufferedWriter points = Files.newBufferedWriter(dir.resolve("points.csv"), StandardCharsets.UTF_8);
                BufferedWriter addresses = Files.newBufferedWriter(dir.resolve("addresses.csv"), StandardCharsets.UTF_8)) {
            points.write("point_id,longitude,latitude,address_key\n");
            addresses.write("address_id,address_key\n");
            Map<String, Integer> h = header(r.readLine());
            for (String line = r.readLine(); line != null && id < size; line = r.readLine()) {
                List<String> f = fields(line);
                String[] parts = {f.get(h.get("house_number")), f.get(h.get("house_number_suffix")),
                    f.get(h.get("predirectional")), f.get(h.get("street_name")), f.get(h.get("street_type")),
                    f.get(h.get("postdirectional")), f.get(h.get("unit_type")), f.get(h.get("unit_number")), f.get(h.get("zip"))};
                id++;
                write(points, addresses, id, f.get(h.get("longitude")), f.get(h.get("latitude")), parts, mess);
            }
            long generated = id;
            SplittableRandom place = new SplittableRandom(SEED + size);
            double[] cumulativeArea = cumulativeAreas(tracts);
            while (id < size) {
                Coordinate c = uniformPoint(tracts, cumulativeArea, place);
                long j = id - generated;
                // Invented streets keep the synthetic keys apart from the city's and from each other.
                String[] parts = {Long.toString(100 + 2 * (j / 2000)), "", "", "Bench " + street(j % 2000), "St", "", "", "",
                    "95199"};
                id++;
                write(points, addresses, id, coordinate(c.x), coordinate(c.y), parts, mess);
            }
            return generated;
        }
    }

    private static void write(BufferedWriter points, BufferedWriter addresses, long id, String lon, String lat, String[] p,
            SplittableRandom mess) throws IOException {
        NormalizedAddress own = AddressNormalizer.fromParts(p[0], p[1], p[2], p[3], p[4], p[5], p[6], p[7], p[8]);
        points.write(id + "," + lon + "," + lat + "," + csvKey(own.key()) + "\n");
        NormalizedAddress given = AddressNormalizer.parseLine(messyLine(p, mess), mess.nextDouble() < 0.03 ? "" : p[8]);
        addresses.write(id + "," + csvKey(given.key()) + "\n");
    }

    /**
     * The street line as a registration form gets it: street types and directionals spelled out,
     * the unit written into the line, case noise (all of which the normalizer undoes), and a
     * 4 % street-name typo and 3 % missing ZIP (which it cannot), at about the sample city's rates.
     */
    static String messyLine(String[] p, SplittableRandom r) {
        String type = r.nextDouble() < 0.15 ? TYPE_WORDS.getOrDefault(p[4], p[4]) : p[4];
        String pre = r.nextDouble() < 0.15 ? DIRECTION_WORDS.getOrDefault(p[2], p[2]) : p[2];
        String name = p[3];
        if (r.nextDouble() < 0.04 && name.length() > 3) {
            int at = 1 + r.nextInt(name.length() - 2);
            name = name.substring(0, at) + name.substring(at + 1);
        }
        String unit = "";
        if (!p[7].isEmpty()) {
            double u = r.nextDouble();
            unit = u < 0.15 ? " #" + p[7] : u < 0.3 ? ", Apt. " + p[7] : " " + (p[6].isEmpty() ? "#" : p[6]) + " " + p[7];
        }
        String line = String.join(" ", List.of(p[0], p[1], pre, name, type, p[5]).stream().filter(s -> !s.isEmpty()).toList())
                + unit;
        return r.nextDouble() < 0.15 ? line.toUpperCase(Locale.ROOT) + "  " : line;
    }

    private static String street(long n) {
        StringBuilder s = new StringBuilder();
        for (long v = n; s.length() < 3; v /= 26) {
            s.append((char) ('a' + v % 26));
        }
        return Character.toUpperCase(s.charAt(0)) + s.substring(1) + "wood";
    }

    private static String csvKey(String key) {
        if (key == null) {
            return "";
        }
        if (key.indexOf(',') >= 0 || key.indexOf('"') >= 0) {
            return '"' + key.replace("\"", "\"\"") + '"';
        }
        return key;
    }

    private static double[] cumulativeAreas(List<Tract> tracts) {
        double[] c = new double[tracts.size()];
        double sum = 0;
        for (int i = 0; i < c.length; i++) {
            sum += tracts.get(i).polygon().getArea();
            c[i] = sum;
        }
        return c;
    }

    /** A tract by area, then rejection sampling in its envelope: uniform over the tracts' union. */
    private static Coordinate uniformPoint(List<Tract> tracts, double[] cumulativeArea, SplittableRandom r) {
        double pick = r.nextDouble() * cumulativeArea[cumulativeArea.length - 1];
        int i = 0;
        while (i < cumulativeArea.length - 1 && cumulativeArea[i] < pick) {
            i++;
        }
        Tract t = tracts.get(i);
        Envelope e = t.polygon().getEnvelopeInternal();
        while (true) {
            double x = round7(e.getMinX() + r.nextDouble() * e.getWidth());
            double y = round7(e.getMinY() + r.nextDouble() * e.getHeight());
            if (t.prepared().contains(GEOMETRY.createPoint(new Coordinate(x, y)))) {
                return new Coordinate(x, y);
            }
        }
    }

    /** 7 decimals (about a centimetre), as the generator rounds. */
    private static double round7(double v) {
        return Math.round(v * 1e7) / 1e7;
    }

    private static String coordinate(double v) {
        return String.format(Locale.ROOT, "%.7f", v);
    }

    private static Map<String, Integer> header(String line) {
        Map<String, Integer> h = new HashMap<>();
        List<String> names = fields(line);
        for (int i = 0; i < names.size(); i++) {
            h.put(names.get(i), i);
        }
        return h;
    }

    /** One RFC 4180 line (no field here spans lines). */
    static List<String> fields(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder f = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    f.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    f.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                out.add(f.toString());
                f.setLength(0);
            } else {
                f.append(c);
            }
        }
        out.add(f.toString());
        return out;
    }
}
