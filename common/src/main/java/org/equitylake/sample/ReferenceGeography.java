package org.equitylake.sample;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Geometry;

/** The geography a city and the Census Bureau publish: city limits, tracts (GeoJSON and TIGER shapefile), council districts. */
final class ReferenceGeography {
    static final List<ShapefileWriter.Field> TIGER_FIELDS = List.of(
            new ShapefileWriter.Field("STATEFP", 'C', 2), new ShapefileWriter.Field("COUNTYFP", 'C', 3),
            new ShapefileWriter.Field("TRACTCE", 'C', 6), new ShapefileWriter.Field("GEOID", 'C', 11),
            new ShapefileWriter.Field("NAME", 'C', 7), new ShapefileWriter.Field("NAMELSAD", 'C', 20),
            new ShapefileWriter.Field("MTFCC", 'C', 5), new ShapefileWriter.Field("FUNCSTAT", 'C', 1),
            new ShapefileWriter.Field("ALAND", 'N', 14), new ShapefileWriter.Field("AWATER", 'N', 14),
            new ShapefileWriter.Field("INTPTLAT", 'C', 11), new ShapefileWriter.Field("INTPTLON", 'C', 12));

    private ReferenceGeography() {}

    /** The TIGER vintage the tracts carry: the decennial census before the last year. */
    static int tigerVintage(int lastYear) {
        return lastYear / 10 * 10;
    }

    static String shapefileBase(int lastYear) {
        return "tl_" + tigerVintage(lastYear) + "_" + Tract.STATEFP + Tract.COUNTYFP + "_tract";
    }

    static void write(Path reference, CityGeography geo, Districts.Plan districts, int lastYear) {
        Map<String, Object> cityProps = new LinkedHashMap<>();
        cityProps.put("CITY_NAME", AddressBook.CITY_NAME);
        cityProps.put("STATE", AddressBook.STATE);
        cityProps.put("COUNTY", Tract.COUNTY_NAME);
        GeoJsonWriter.write(reference.resolve("city_limits.geojson"), List.of(new GeoJsonWriter.Feature(cityProps, geo.city())));

        List<GeoJsonWriter.Feature> tracts = new ArrayList<>();
        List<Geometry> shapes = new ArrayList<>();
        List<List<String>> rows = new ArrayList<>();
        for (Tract t : geo.tracts()) {
            List<String> row = List.of(Tract.STATEFP, Tract.COUNTYFP, t.tractce(), t.geoid(), t.name(), t.namelsad(), Tract.MTFCC,
                    Tract.FUNCSTAT, Long.toString(t.aland()), Long.toString(t.awater()), t.intptlat(), t.intptlon());
            Map<String, Object> props = new LinkedHashMap<>();
            for (int i = 0; i < TIGER_FIELDS.size(); i++) {
                ShapefileWriter.Field f = TIGER_FIELDS.get(i);
                props.put(f.name(), f.type() == 'N' ? (Object) Long.parseLong(row.get(i)) : row.get(i));
            }
            tracts.add(new GeoJsonWriter.Feature(props, t.polygon()));
            shapes.add(t.polygon());
            rows.add(row);
        }
        GeoJsonWriter.write(reference.resolve("census_tracts.geojson"), tracts);
        ShapefileWriter.write(reference.resolve("census_tracts"), shapefileBase(lastYear), TIGER_FIELDS, shapes, rows, tigerVintage(lastYear));

        List<GeoJsonWriter.Feature> features = new ArrayList<>();
        for (Districts.District d : districts.districts()) {
            Map<String, Object> props = new LinkedHashMap<>();
            props.put("DISTRICT", (long) d.number());
            props.put("NAME", d.name());
            features.add(new GeoJsonWriter.Feature(props, d.geometry()));
        }
        GeoJsonWriter.write(reference.resolve("council_districts.geojson"), features);
    }
}
