package org.equitylake.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.algorithm.Orientation;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;

/** Reads the tract shapefile back with a minimal reader of the ESRI format and compares it with the GeoJSON. */
class ShapefileTest {
    private static Path dir;
    private static String base;
    private static JsonNode geojson;

    @BeforeAll
    static void locate() throws IOException {
        SampleCities.City city = SampleCities.defaultCity();
        dir = city.landing().resolve("reference/census_tracts");
        base = ReferenceGeography.shapefileBase(city.summary().lastYear());
        geojson = new ObjectMapper().readTree(city.landing().resolve("reference/census_tracts.geojson").toFile()).path("features");
    }

    private record Shape(Envelope box, List<Coordinate[]> parts) {}

    @Test
    void shapesMatchTheGeoJsonTracts() throws IOException {
        ByteBuffer shp = ByteBuffer.wrap(Files.readAllBytes(dir.resolve(base + ".shp")));
        assertEquals(9994, shp.order(ByteOrder.BIG_ENDIAN).getInt(0));
        assertEquals(shp.capacity(), shp.order(ByteOrder.BIG_ENDIAN).getInt(24) * 2, "file length in 16-bit words");
        assertEquals(1000, shp.order(ByteOrder.LITTLE_ENDIAN).getInt(28));
        assertEquals(5, shp.order(ByteOrder.LITTLE_ENDIAN).getInt(32), "polygon shapes");

        List<Shape> shapes = new ArrayList<>();
        int at = 100;
        while (at < shp.capacity()) {
            assertEquals(shapes.size() + 1, shp.order(ByteOrder.BIG_ENDIAN).getInt(at), "record number");
            int words = shp.getInt(at + 4);
            shp.order(ByteOrder.LITTLE_ENDIAN);
            int c = at + 8;
            assertEquals(5, shp.getInt(c));
            Envelope box = new Envelope(shp.getDouble(c + 4), shp.getDouble(c + 20), shp.getDouble(c + 12), shp.getDouble(c + 28));
            int numParts = shp.getInt(c + 36);
            int numPoints = shp.getInt(c + 40);
            int[] starts = new int[numParts + 1];
            for (int i = 0; i < numParts; i++) {
                starts[i] = shp.getInt(c + 44 + 4 * i);
            }
            starts[numParts] = numPoints;
            int points = c + 44 + 4 * numParts;
            List<Coordinate[]> parts = new ArrayList<>();
            for (int i = 0; i < numParts; i++) {
                Coordinate[] ring = new Coordinate[starts[i + 1] - starts[i]];
                for (int k = 0; k < ring.length; k++) {
                    int p = points + 16 * (starts[i] + k);
                    ring[k] = new Coordinate(shp.getDouble(p), shp.getDouble(p + 8));
                }
                parts.add(ring);
            }
            shapes.add(new Shape(box, parts));
            at += 8 + words * 2;
        }
        assertEquals(shp.capacity(), at);
        assertEquals(geojson.size(), shapes.size());

        for (int i = 0; i < shapes.size(); i++) {
            Geometry g = GeographyTest.geometry(geojson.get(i).path("geometry"));
            assertEquals(g.getEnvelopeInternal(), shapes.get(i).box(), "bounding box of record " + (i + 1));
            Coordinate[] outer = shapes.get(i).parts().get(0);
            assertFalse(Orientation.isCCW(outer), "outer rings are clockwise in a shapefile");
            assertEquals(outer[0], outer[outer.length - 1], "rings are closed");
            assertEquals(g.getCoordinates().length, shapes.get(i).parts().stream().mapToInt(p -> p.length).sum());
        }

        ByteBuffer shx = ByteBuffer.wrap(Files.readAllBytes(dir.resolve(base + ".shx")));
        assertEquals(100 + 8 * shapes.size(), shx.order(ByteOrder.BIG_ENDIAN).getInt(24) * 2);
        assertEquals(50, shx.order(ByteOrder.BIG_ENDIAN).getInt(100), "first record at byte 100");
    }

    @Test
    void attributeTableHoldsTheContractColumnsAndTheGeoJsonValues() throws IOException {
        ByteBuffer dbf = ByteBuffer.wrap(Files.readAllBytes(dir.resolve(base + ".dbf"))).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals(3, dbf.get(0));
        int records = dbf.getInt(4);
        int headerLength = dbf.getShort(8);
        int recordLength = dbf.getShort(10);
        List<String> names = new ArrayList<>();
        List<Integer> widths = new ArrayList<>();
        for (int f = 32; dbf.get(f) != 0x0D; f += 32) {
            byte[] name = new byte[11];
            dbf.get(f, name);
            names.add(new String(name, StandardCharsets.US_ASCII).trim().replace("\0", ""));
            widths.add(dbf.get(f + 16) & 0xFF);
        }
        LandingContracts.Contract contract = LandingContracts.load().stream()
                .filter(c -> c.id().equals("landing-reference-census-tracts-shapefile")).findFirst().orElseThrow();
        assertEquals(contract.attributes(), names);
        assertEquals(geojson.size(), records);
        assertEquals(dbf.capacity(), headerLength + records * recordLength + 1);

        int geoid = names.indexOf("GEOID");
        for (int r = 0; r < records; r++) {
            int offset = headerLength + r * recordLength + 1;
            for (int f = 0; f < geoid; f++) {
                offset += widths.get(f);
            }
            byte[] value = new byte[widths.get(geoid)];
            dbf.get(offset, value);
            assertEquals(geojson.get(r).path("properties").path("GEOID").asText(), new String(value, StandardCharsets.UTF_8).trim());
        }
        assertTrue(Files.readString(dir.resolve(base + ".prj")).contains("GCS_WGS_1984"));
        assertEquals("UTF-8", Files.readString(dir.resolve(base + ".cpg")));
    }
}
