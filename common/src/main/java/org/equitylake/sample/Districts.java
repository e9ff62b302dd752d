package org.equitylake.sample;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.UnaryUnionNG;

/**
 * Ten council districts of about equal population that cover the city exactly: district 3 is the
 * downtown core, the nine others are wedges clockwise from the north. Each is a union of whole
 * tracts clipped to the city limits, so a dwelling's district follows from its tract.
 */
final class Districts {
    static final int COUNT = 10;
    static final int DOWNTOWN = 3;

    record District(int number, String name, Geometry geometry) {}

    /** The districts and, for every tract, its district number. */
    record Plan(List<District> districts, int[] districtOfTract) {}

    private Districts() {}

    static Plan build(CityGeography geo, long[] dwellingsPerTract) {
        List<Tract> tracts = geo.tracts();
        long total = 0;
        for (long d : dwellingsPerTract) {
            total += d;
        }
        int[] districtOf = new int[tracts.size()];
        List<Tract> byDistance = new ArrayList<>(tracts);
        byDistance.sort(Comparator.comparingDouble((Tract t) -> Math.hypot(t.centreX(), t.centreY())).thenComparingInt(Tract::index));
        long cumulative = 0;
        List<Tract> rest = new ArrayList<>();
        for (Tract t : byDistance) {
            if (cumulative < total / COUNT) {
                districtOf[t.index()] = DOWNTOWN;
                cumulative += dwellingsPerTract[t.index()];
            } else {
                rest.add(t);
            }
        }
        rest.sort(Comparator.comparingDouble(Districts::bearing).thenComparingInt(Tract::index));
        long restTotal = total - cumulative;
        int[] numbers = {1, 2, 4, 5, 6, 7, 8, 9, 10};
        long running = 0;
        for (Tract t : rest) {
            int wedge = (int) Math.min(numbers.length - 1, restTotal == 0 ? 0 : running * numbers.length / restTotal);
            districtOf[t.index()] = numbers[wedge];
            running += dwellingsPerTract[t.index()];
        }

        List<District> districts = new ArrayList<>();
        for (int d = 1; d <= COUNT; d++) {
            List<Polygon> parts = new ArrayList<>();
            for (Tract t : tracts) {
                if (districtOf[t.index()] == d) {
                    parts.add(t.polygon());
                }
            }
            if (parts.isEmpty()) {
                throw new IllegalStateException("council district " + d + " has no tract");
            }
            Geometry union = UnaryUnionNG.union(geo.factory().buildGeometry(parts), CityGeography.GRID);
            Geometry clipped = OverlayNG.overlay(union, geo.city(), OverlayNG.INTERSECTION, CityGeography.GRID);
            districts.add(new District(d, "District " + d, clipped));
        }
        return new Plan(districts, districtOf);
    }

    /** Compass bearing of the tract's centre from the city centre, 0 at north, clockwise. */
    private static double bearing(Tract t) {
        double b = StrictMath.atan2(t.centreX(), t.centreY());
        return b < 0 ? b + 2 * Math.PI : b;
    }
}
