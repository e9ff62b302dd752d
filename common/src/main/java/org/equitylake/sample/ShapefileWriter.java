package org.equitylake.sample;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.algorithm.Orientation;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;

/**
 * A polygon shapefile (.shp, .shx, .dbf, .prj, .cpg) as the ESRI Shapefile Technical Description
 * (July 1998) lays it out: big-endian file codes and lengths, little-endian shapes, shape type 5,
 * outer rings clockwise and holes counter-clockwise; attributes in a dBase III table.
 */
final class ShapefileWriter {
    static final int POLYGON = 5;
    static final String WGS84_PRJ = "GEOGCS[\"GCS_WGS_1984\",DATUM[\"D_WGS_1984\",SPHEROID[\"WGS_1984\",6378137.0,298.257223563]],"
            + "PRIMEM[\"Greenwich\",0.0],UNIT[\"Degree\",0.0174532925199433]]";

    /** A dBase field: type 'C' (text, left-aligned) or 'N' (number, right-aligned), width in bytes. */
    record Field(String name, char type, int width) {}

    private ShapefileWriter() {}

    /** Writes {@code dir/base.*}; {@code dbfYear} goes into the table header instead of the clock, for byte-identical output. */
    static void write(Path dir, String base, List<Field> fields, List<Geometry> shapes, List<List<String>> rows, int dbfYear) {
        try {
            Files.createDirectories(dir);
            List<byte[]> contents = new ArrayList<>();
            Envelope all = new Envelope();
            for (Geometry g : shapes) {
                contents.add(shapeContent(g));
                all.expandToInclude(g.getEnvelopeInternal());
            }
            int shpLength = 100;
            for (byte[] c : contents) {
                shpLength += 8 + c.length;
            }
            try (OutputStream shp = Files.newOutputStream(dir.resolve(base + ".shp"));
                 OutputStream shx = Files.newOutputStream(dir.resolve(base + ".shx"))) {
                shp.write(header(shpLength, all));
                shx.write(header(100 + 8 * contents.size(), all));
                int offset = 100;
                for (int i = 0; i < contents.size(); i++) {
                    byte[] c = contents.get(i);
                    ByteBuffer rec = ByteBuffer.allocate(8).order(ByteOrder.BIG_ENDIAN);
                    rec.putInt(i + 1).putInt(c.length / 2);
                    shp.write(rec.array());
                    shp.write(c);
                    ByteBuffer idx = ByteBuffer.allocate(8).order(ByteOrder.BIG_ENDIAN);
                    idx.putInt(offset / 2).putInt(c.length / 2);
                    shx.write(idx.array());
                    offset += 8 + c.length;
                }
            }
            Files.write(dir.resolve(base + ".dbf"), dbf(fields, rows, dbfYear));
            Files.writeString(dir.resolve(base + ".prj"), WGS84_PRJ, StandardCharsets.US_ASCII);
            Files.writeString(dir.resolve(base + ".cpg"), "UTF-8", StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write shapefile " + dir.resolve(base), e);
        }
    }

    private static byte[] header(int fileLengthBytes, Envelope box) {
        ByteBuffer b = ByteBuffer.allocate(100);
        b.order(ByteOrder.BIG_ENDIAN).putInt(9994);
        for (int i = 0; i < 5; i++) {
            b.putInt(0);
        }
        b.putInt(fileLengthBytes / 2);
        b.order(ByteOrder.LITTLE_ENDIAN).putInt(1000).putInt(POLYGON);
        b.putDouble(box.getMinX()).putDouble(box.getMinY()).putDouble(box.getMaxX()).putDouble(box.getMaxY());
        b.putDouble(0).putDouble(0).putDouble(0).putDouble(0);
        return b.array();
    }

    private static byte[] shapeContent(Geometry g) {
        List<Coordinate[]> parts = new ArrayList<>();
        for (int i = 0; i < g.getNumGeometries(); i++) {
            Polygon p = (Polygon) g.getGeometryN(i);
            parts.add(oriented(p.getExteriorRing().getCoordinates(), false));
            for (int h = 0; h < p.getNumInteriorRing(); h++) {
                parts.add(oriented(p.getInteriorRingN(h).getCoordinates(), true));
            }
        }
        int points = parts.stream().mapToInt(c -> c.length).sum();
        ByteBuffer b = ByteBuffer.allocate(44 + 4 * parts.size() + 16 * points).order(ByteOrder.LITTLE_ENDIAN);
        Envelope box = g.getEnvelopeInternal();
        b.putInt(POLYGON);
        b.putDouble(box.getMinX()).putDouble(box.getMinY()).putDouble(box.getMaxX()).putDouble(box.getMaxY());
        b.putInt(parts.size()).putInt(points);
        int start = 0;
        for (Coordinate[] part : parts) {
            b.putInt(start);
            start += part.length;
        }
        for (Coordinate[] part : parts) {
            for (Coordinate c : part) {
                b.putDouble(c.x).putDouble(c.y);
            }
        }
        return b.array();
    }

    private static Coordinate[] oriented(Coordinate[] ring, boolean counterClockwise) {
        if (Orientation.isCCW(ring) == counterClockwise) {
            return ring;
        }
        Coordinate[] r = new Coordinate[ring.length];
        for (int i = 0; i < ring.length; i++) {
            r[i] = ring[ring.length - 1 - i];
        }
        return r;
    }

    /** dBase III: 32-byte header, 32-byte field descriptors, 0x0D, records led by a deletion flag, 0x1A at the end. */
    private static byte[] dbf(List<Field> fields, List<List<String>> rows, int year) {
        int recordLength = 1 + fields.stream().mapToInt(Field::width).sum();
        int headerLength = 32 + 32 * fields.size() + 1;
        ByteBuffer b = ByteBuffer.allocate(headerLength + recordLength * rows.size() + 1).order(ByteOrder.LITTLE_ENDIAN);
        b.put((byte) 0x03).put((byte) (year - 1900)).put((byte) 1).put((byte) 1);
        b.putInt(rows.size()).putShort((short) headerLength).putShort((short) recordLength);
        b.put(new byte[20]);
        for (Field f : fields) {
            byte[] name = new byte[11];
            byte[] n = f.name().getBytes(StandardCharsets.US_ASCII);
            System.arraycopy(n, 0, name, 0, Math.min(10, n.length));
            b.put(name).put((byte) f.type()).put(new byte[4]).put((byte) f.width()).put((byte) 0).put(new byte[14]);
        }
        b.put((byte) 0x0D);
        for (List<String> row : rows) {
            b.put((byte) ' ');
            for (int i = 0; i < fields.size(); i++) {
                b.put(cell(fields.get(i), row.get(i)));
            }
        }
        b.put((byte) 0x1A);
        return b.array();
    }

    private static byte[] cell(Field f, String value) {
        byte[] v = (value == null ? "" : value).getBytes(StandardCharsets.UTF_8);
        if (v.length > f.width()) {
            throw new IllegalArgumentException(f.name() + " is " + f.width() + " bytes wide, value " + value + " is longer");
        }
        byte[] cell = new byte[f.width()];
        java.util.Arrays.fill(cell, (byte) ' ');
        int at = f.type() == 'N' ? f.width() - v.length : 0;
        System.arraycopy(v, 0, cell, at, v.length);
        return cell;
    }
}
