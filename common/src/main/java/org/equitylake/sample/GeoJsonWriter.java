package org.equitylake.sample;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.algorithm.Orientation;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;

/**
 * GeoJSON FeatureCollections as RFC 7946 wants them: WGS84 without a "crs" member, exterior rings
 * counter-clockwise and holes clockwise (section 3.1.6). One feature per line, so a diff stays readable.
 */
final class GeoJsonWriter {
    record Feature(Map<String, Object> properties, Geometry geometry) {}

    private GeoJsonWriter() {}

    static void write(Path file, List<Feature> features) {
        try {
            Files.createDirectories(file.getParent());
            try (Writer w = new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), 1 << 16)) {
                w.write("{\"type\":\"FeatureCollection\",\"features\":[\n");
                for (int i = 0; i < features.size(); i++) {
                    StringBuilder s = new StringBuilder(4096);
                    feature(s, features.get(i));
                    s.append(i + 1 < features.size() ? ",\n" : "\n");
                    w.write(s.toString());
                }
                w.write("]}\n");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    private static void feature(StringBuilder s, Feature f) {
        s.append("{\"type\":\"Feature\",\"properties\":{");
        boolean first = true;
        for (Map.Entry<String, Object> p : f.properties().entrySet()) {
            if (!first) {
                s.append(',');
            }
            first = false;
            string(s, p.getKey());
            s.append(':');
            Object v = p.getValue();
            if (v == null) {
                s.append("null");
            } else if (v instanceof Number n) {
                s.append(n instanceof Double || n instanceof Float ? LocalFrame.format(n.doubleValue()) : n.toString());
            } else {
                string(s, v.toString());
            }
        }
        s.append("},\"geometry\":");
        geometry(s, f.geometry());
        s.append('}');
    }

    static void geometry(StringBuilder s, Geometry g) {
        if (g instanceof Polygon p) {
            s.append("{\"type\":\"Polygon\",\"coordinates\":");
            polygon(s, p);
            s.append('}');
        } else if (g instanceof MultiPolygon mp) {
            s.append("{\"type\":\"MultiPolygon\",\"coordinates\":[");
            for (int i = 0; i < mp.getNumGeometries(); i++) {
                if (i > 0) {
                    s.append(',');
                }
                polygon(s, (Polygon) mp.getGeometryN(i));
            }
            s.append("]}");
        } else {
            throw new IllegalArgumentException("only polygons are written, not " + g.getGeometryType());
        }
    }

    private static void polygon(StringBuilder s, Polygon p) {
        s.append('[');
        ring(s, p.getExteriorRing(), true);
        for (int h = 0; h < p.getNumInteriorRing(); h++) {
            s.append(',');
            ring(s, p.getInteriorRingN(h), false);
        }
        s.append(']');
    }

    private static void ring(StringBuilder s, LineString ring, boolean counterClockwise) {
        Coordinate[] c = ring.getCoordinates();
        boolean reverse = Orientation.isCCW(c) != counterClockwise;
        s.append('[');
        for (int i = 0; i < c.length; i++) {
            Coordinate p = c[reverse ? c.length - 1 - i : i];
            if (i > 0) {
                s.append(',');
            }
            s.append('[').append(LocalFrame.format(p.x)).append(',').append(LocalFrame.format(p.y)).append(']');
        }
        s.append(']');
    }

    static void string(StringBuilder s, String v) {
        s.append('"');
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            switch (c) {
                case '"' -> s.append("\\\"");
                case '\\' -> s.append("\\\\");
                case '\n' -> s.append("\\n");
                case '\r' -> s.append("\\r");
                case '\t' -> s.append("\\t");
                default -> {
                    if (c < 0x20) {
                        s.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        s.append(c);
                    }
                }
            }
        }
        s.append('"');
    }
}
