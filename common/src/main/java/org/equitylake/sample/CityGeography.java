package org.equitylake.sample;

import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.index.strtree.STRtree;

/** The city limits and its census tracts, with point lookups (which tract, inside the city or not). */
final class CityGeography {
    /** Seven decimals of a degree: the grid every published coordinate lies on. */
    static final PrecisionModel GRID = new PrecisionModel(1e7);

    private final GeometryFactory gf;
    private final MultiPolygon city;
    private final PreparedGeometry preparedCity;
    private final List<Tract> tracts;
    private final PreparedGeometry[] preparedTracts;
    private final STRtree index = new STRtree();

    private CityGeography(GeometryFactory gf, MultiPolygon city, List<Tract> tracts) {
        this.gf = gf;
        this.city = city;
        this.preparedCity = PreparedGeometryFactory.prepare(city);
        this.tracts = List.copyOf(tracts);
        this.preparedTracts = new PreparedGeometry[tracts.size()];
        for (Tract t : tracts) {
            preparedTracts[t.index()] = PreparedGeometryFactory.prepare(t.polygon());
            index.insert(t.polygon().getEnvelopeInternal(), t.index());
        }
        index.build();
    }

    static CityGeography build(long seed, double tractCellMetres) {
        GeometryFactory gf = new GeometryFactory(GRID, 4326);
        MultiPolygon city = CityShape.build(seed, gf);
        return new CityGeography(gf, city, TractGrid.build(seed, city, gf, tractCellMetres));
    }

    GeometryFactory factory() {
        return gf;
    }

    MultiPolygon city() {
        return city;
    }

    List<Tract> tracts() {
        return tracts;
    }

    boolean inCity(double lon, double lat) {
        return preparedCity.covers(point(lon, lat));
    }

    /** The tract covering the point (the lowest index on a shared edge), or -1 outside every tract. */
    int tractAt(double lon, double lat) {
        Point p = point(lon, lat);
        @SuppressWarnings("unchecked")
        List<Integer> candidates = index.query(p.getEnvelopeInternal());
        int best = -1;
        for (int t : candidates) {
            if ((best < 0 || t < best) && preparedTracts[t].covers(p)) {
                best = t;
            }
        }
        return best;
    }

    private Point point(double lon, double lat) {
        return gf.createPoint(new Coordinate(lon, lat));
    }
}
