package org.equitylake.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.algorithm.Orientation;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.UnaryUnionNG;

/** The published geography read back from the GeoJSON files, as a consumer would read it. */
class GeographyTest {
    private static final GeometryFactory GF = new GeometryFactory(CityGeography.GRID, 4326);
    private static Geometry city;
    private static List<Geometry> tracts;
    private static List<String> geoids;
    private static List<Geometry> districts;
    private static JsonNode cityJson;

    @BeforeAll
    static void read() throws IOException {
        Path ref = SampleCities.defaultCity().landing().resolve("reference");
        ObjectMapper json = new ObjectMapper();
        cityJson = json.readTree(ref.resolve("city_limits.geojson").toFile());
        city = geometry(cityJson.path("features").get(0).path("geometry"));
        tracts = new ArrayList<>();
        geoids = new ArrayList<>();
        for (JsonNode f : json.readTree(ref.resolve("census_tracts.geojson").toFile()).path("features")) {
            tracts.add(geometry(f.path("geometry")));
            geoids.add(f.path("properties").path("GEOID").asText());
        }
        districts = new ArrayList<>();
        for (JsonNode f : json.readTree(ref.resolve("council_districts.geojson").toFile()).path("features")) {
            districts.add(geometry(f.path("geometry")));
        }
    }

    @Test
    void cityLimitsAreAValidMultiPolygonWithPocketsAndAnAnnex() {
        assertTrue(city instanceof MultiPolygon, "city limits are a " + city.getGeometryType());
        assertTrue(city.isValid());
        assertTrue(city.getNumGeometries() >= 2);
        int holes = 0;
        for (int i = 0; i < city.getNumGeometries(); i++) {
            holes += ((Polygon) city.getGeometryN(i)).getNumInteriorRing();
        }
        assertTrue(holes >= 3, "holes: " + holes);
    }

    @Test
    void geoJsonRingsFollowRfc7946() {
        for (JsonNode polygon : cityJson.path("features").get(0).path("geometry").path("coordinates")) {
            for (int r = 0; r < polygon.size(); r++) {
                assertEquals(r == 0, Orientation.isCCW(coordinates(polygon.get(r))), "ring " + r + " orientation");
            }
        }
    }

    @Test
    void aboutOneHundredFiftyTractsWithElevenDigitGeoids() {
        assertTrue(tracts.size() >= 130 && tracts.size() <= 175, "tracts: " + tracts.size());
        Set<String> unique = new HashSet<>(geoids);
        assertEquals(geoids.size(), unique.size());
        assertTrue(geoids.stream().allMatch(g -> g.matches("06999[0-9]{6}")), "GEOIDs: " + geoids.subList(0, 3));
    }

    @Test
    void tractsTileWithoutGapsOrOverlaps() {
        double sum = tracts.stream().mapToDouble(Geometry::getArea).sum();
        Geometry union = UnaryUnionNG.union(GF.buildGeometry(tracts), CityGeography.GRID);
        assertEquals(sum, union.getArea(), sum * 1e-9, "sum of tract areas vs area of their union");
        for (int i = 0; i < union.getNumGeometries(); i++) {
            assertEquals(0, ((Polygon) union.getGeometryN(i)).getNumInteriorRing(), "no gaps between tracts");
        }
        for (int i = 0; i < tracts.size(); i++) {
            for (int j = i + 1; j < tracts.size(); j++) {
                if (tracts.get(i).getEnvelopeInternal().intersects(tracts.get(j).getEnvelopeInternal())) {
                    double overlap = OverlayNG.overlay(tracts.get(i), tracts.get(j), OverlayNG.INTERSECTION, CityGeography.GRID).getArea();
                    assertEquals(0, overlap, 1e-12, geoids.get(i) + " overlaps " + geoids.get(j));
                }
            }
        }
    }

    @Test
    void tractsCoverTheCityAndSomeLiePartlyOutside() {
        Geometry union = UnaryUnionNG.union(GF.buildGeometry(tracts), CityGeography.GRID);
        assertEquals(0, OverlayNG.overlay(city, union, OverlayNG.DIFFERENCE, CityGeography.GRID).getArea(), 1e-12);
        long partly = tracts.stream().filter(t -> {
            double inside = OverlayNG.overlay(t, city, OverlayNG.INTERSECTION, CityGeography.GRID).getArea();
            return inside > 0 && inside < t.getArea() * 0.98;
        }).count();
        assertTrue(partly >= 10, "tracts partly outside the city: " + partly);
    }

    @Test
    void theCityWideGeographyCutsAboutFourHundredTractsThatStillTile() {
        List<Tract> dense = CityGeography.build(SampleCityOptions.DEFAULT_SEED, 380).tracts();
        assertTrue(dense.size() >= 350 && dense.size() <= 450, "tracts at 380 m: " + dense.size());
        double sum = dense.stream().mapToDouble(t -> t.polygon().getArea()).sum();
        Geometry union = UnaryUnionNG.union(GF.buildGeometry(dense.stream().map(Tract::polygon).toList()), CityGeography.GRID);
        assertEquals(sum, union.getArea(), sum * 1e-9, "sum of tract areas vs area of their union");
        assertEquals(0, OverlayNG.overlay(city, union, OverlayNG.DIFFERENCE, CityGeography.GRID).getArea(), 1e-12);
        assertEquals(dense.size(), dense.stream().map(Tract::geoid).distinct().count(), "GEOIDs are unique");
    }

    @Test
    void tenCouncilDistrictsCoverTheCityExactly() {
        assertEquals(10, districts.size());
        // Districts are snapped to the 1e-7 degree grid, so areas agree to about a millionth, not to the bit.
        double sum = districts.stream().mapToDouble(Geometry::getArea).sum();
        assertEquals(city.getArea(), sum, city.getArea() * 1e-6);
        Geometry union = UnaryUnionNG.union(GF.buildGeometry(districts), CityGeography.GRID);
        assertEquals(0, OverlayNG.overlay(city, union, OverlayNG.SYMDIFFERENCE, CityGeography.GRID).getArea(), city.getArea() * 1e-6);
        for (int i = 0; i < districts.size(); i++) {
            assertTrue(districts.get(i).isValid(), "district " + (i + 1) + " is valid");
            for (int j = i + 1; j < districts.size(); j++) {
                double overlap = OverlayNG.overlay(districts.get(i), districts.get(j), OverlayNG.INTERSECTION, CityGeography.GRID).getArea();
                assertEquals(0, overlap, city.getArea() * 1e-6, "districts " + (i + 1) + " and " + (j + 1) + " overlap");
            }
        }
    }

    static Geometry geometry(JsonNode g) {
        String type = g.path("type").asText();
        if (type.equals("Polygon")) {
            return polygon(g.path("coordinates"));
        }
        List<Polygon> parts = new ArrayList<>();
        g.path("coordinates").forEach(p -> parts.add(polygon(p)));
        return GF.createMultiPolygon(parts.toArray(Polygon[]::new));
    }

    private static Polygon polygon(JsonNode rings) {
        LinearRing shell = GF.createLinearRing(coordinates(rings.get(0)));
        LinearRing[] holes = new LinearRing[rings.size() - 1];
        for (int i = 1; i < rings.size(); i++) {
            holes[i - 1] = GF.createLinearRing(coordinates(rings.get(i)));
        }
        return GF.createPolygon(shell, holes);
    }

    static Coordinate[] coordinates(JsonNode ring) {
        Coordinate[] c = new Coordinate[ring.size()];
        for (int i = 0; i < ring.size(); i++) {
            c[i] = new Coordinate(ring.get(i).get(0).asDouble(), ring.get(i).get(1).asDouble());
        }
        return c;
    }
}
