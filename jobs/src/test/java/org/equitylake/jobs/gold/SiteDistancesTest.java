package org.equitylake.jobs.gold;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SiteDistancesTest {
    @Test
    void haversineGivesAMeridianDegree() {
        assertEquals(Math.PI / 180 * SiteDistances.EARTH_RADIUS_M, SiteDistances.metres(-121.9, 37.0, -121.9, 38.0), 1e-6);
        assertEquals(0, SiteDistances.metres(-121.9, 37.3, -121.9, 37.3));
    }

    @Test
    void nearestOpenSiteAndTractSummaries() {
        double degree = Math.PI / 180 * SiteDistances.EARTH_RADIUS_M;
        double lat500m = 500 / degree;
        double lat3km = 3000 / degree;
        List<CityGeography.Building> buildings = List.of(
                new CityGeography.Building("T1", 0, lat500m, 3),
                new CityGeography.Building("T1", 0, lat3km, 1),
                new CityGeography.Building("T2", 0, -lat500m, 2));
        List<CityGeography.Site> sites = List.of(new CityGeography.Site("S1", "S1", List.of("p"), 2000, null, 0, 0),
                new CityGeography.Site("S2", "S2", List.of("p"), 2000, 2010, 0, lat3km));

        double[] d = SiteDistances.nearest(buildings, sites.stream().filter(s -> s.serves("p", 2024)).toList());
        Map<String, SiteDistances.TractAccess> access = SiteDistances.byTract(buildings, d);

        assertEquals(500, d[0], 1e-6);
        assertEquals(3000, d[1], 1e-6, "S2 closed in 2010");
        SiteDistances.TractAccess t1 = access.get("T1");
        assertEquals(4, t1.points());
        assertEquals((3 * 500 + 3000) / 4.0, t1.meanDistanceM(), 1e-6);
        assertEquals(0.75, t1.shareWithinMile(), 1e-12);
        assertEquals(0.75, t1.bandShare(0), 1e-12);
        assertEquals(0.25, t1.bandShare(2), 1e-12, "3 km is under 2 miles");
        assertEquals(3, t1.binPoints()[1], 1e-12, "500 m is in the second 400 m bin");
        assertTrue(Double.isNaN(SiteDistances.nearest(buildings, List.of())[0]));
    }
}
